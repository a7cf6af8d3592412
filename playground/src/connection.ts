/** Where the playground's proxy lives (mounted by scripts/start.mjs and the e2e server). */
export const PLAYGROUND_ENDPOINT = "/api/openai/v1";

/** The model the demo pages ask for; the emulator answers to any name. */
export const PLAYGROUND_MODEL = "gpt-4.1-mini";

/** The model the computer-use page asks for (the one model that takes `computer_use_preview`). */
export const COMPUTER_USE_MODEL = "computer-use-preview";
