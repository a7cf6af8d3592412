import {
  DEFAULT_ALLOWED_MODELS,
  azureUpstreamFromEnv,
  createOpenAIProxy,
  toNodeHandler,
  type NodeHandler,
} from "../../src/server/index.js";
import { createEmulatorHandler } from "../../src/testing/index.js";
import { COMPUTER_USE_MODEL, PLAYGROUND_MODEL } from "../src/connection.js";
import { EMULATOR_MODEL_NAMES } from "../src/prompt-lab/model-names.js";

/** Options of {@link createPlaygroundApi}. */
export interface PlaygroundApiOptions {
  /** Environment to read OPENAI_API_KEY, OPENAI_BASE_URL and the AZURE_OPENAI_* variables from. */
  env: Readonly<Record<string, string | undefined>>;
  /** How fast the emulator answers: `realistic` for people watching, `instant` for tests. */
  pace?: "instant" | "realistic";
  /** Where proxy log lines go; `false` for silence. */
  log?: ((line: string) => void) | false;
}

/** The playground's API: the colloquy proxy, and which upstream it talks to. */
export interface PlaygroundApi {
  /** node:http handler for `/api/openai/**`; calls `next` for anything else. */
  handler: NodeHandler;
  /** The path the proxy serves, `/api/openai`. */
  basePath: string;
  /** True when the built-in emulator answers (no key or base URL configured). */
  usingEmulator: boolean;
  /** One line saying which upstream is in use, for the first log line. */
  upstreamLine: string;
}

/** Tools the playground lets through besides the proxy's defaults, so every demo page works. */
const PLAYGROUND_TOOLS = ["code_interpreter", "computer_use_preview", "computer_use", "mcp"];

/**
 * Models let through to a real upstream: the proxy's small defaults and every model a page
 * asks for or offers (the computer-use page's model, the prompt lab's list), so each page
 * works with a key or a base URL as it does on the emulator, and nothing else can be spent on.
 */
const PLAYGROUND_MODELS = [
  ...DEFAULT_ALLOWED_MODELS,
  PLAYGROUND_MODEL,
  COMPUTER_USE_MODEL,
  ...EMULATOR_MODEL_NAMES,
];

/**
 * The proxy the playground mounts at `/api/openai`. With no OPENAI_API_KEY, OPENAI_BASE_URL
 * or AZURE_OPENAI_ENDPOINT it answers from the built-in emulator, so the playground works
 * offline and costs nothing; otherwise requests go to that upstream unchanged, limited to the
 * models the pages use (any model on Azure, where the deployment decides).
 */
export function createPlaygroundApi(options: PlaygroundApiOptions): PlaygroundApi {
  const { env } = options;
  const azure = azureUpstreamFromEnv(env);
  const usingEmulator = !env["OPENAI_API_KEY"] && !env["OPENAI_BASE_URL"] && !azure;
  const log = options.log === false ? () => {} : (options.log ?? console.log);
  const proxy = createOpenAIProxy({
    env,
    logger: options.log === false ? false : { info: log, warn: log, error: log },
    tools: { allow: PLAYGROUND_TOOLS },
    rateLimit: false,
    ...(usingEmulator
      ? {
          upstream: createEmulatorHandler({ pace: options.pace ?? "realistic" }),
          models: "all" as const,
        }
      : { models: PLAYGROUND_MODELS }),
    ...(azure ? { azure, models: "all" as const } : {}),
  });
  const upstreamLine = usingEmulator
    ? "colloquy playground: no OPENAI_API_KEY, OPENAI_BASE_URL or AZURE_OPENAI_ENDPOINT set, using the built-in emulator (no network, no cost)"
    : azure
      ? `colloquy playground: using Azure OpenAI at ${azure.endpoint}`
      : `colloquy playground: using ${env["OPENAI_BASE_URL"] ?? "https://api.openai.com/v1"} (the key stays on this server)`;
  return { handler: toNodeHandler(proxy), basePath: proxy.basePath, usingEmulator, upstreamLine };
}
