/**
 * The models the emulator knows: which exist (an unknown one is a 404 like OpenAI's), how
 * many tokens each accepts, and which reason before answering.
 */

/** What the emulator knows about one model family. */
export interface ModelInfo {
  /** The model name without a date suffix, e.g. `gpt-4.1-mini`. */
  name: string;
  /** Context window in tokens (input plus output). */
  contextWindow: number;
  /** Most output tokens one response may have. */
  maxOutputTokens: number;
  /** True for models that produce reasoning (o-series, gpt-5 but its chat variant). */
  reasoning: boolean;
  /** True for the Chat Completions search models (`gpt-4o-search-preview`, ...). */
  search?: boolean;
  /** True for the models that speak (`modalities: ["text", "audio"]` on Chat Completions). */
  audio?: boolean;
}

/** Every known model, as OpenAI's model pages list their limits. */
export const MODELS: readonly ModelInfo[] = [
  { name: "gpt-4o-mini", contextWindow: 128_000, maxOutputTokens: 16_384, reasoning: false },
  { name: "gpt-4o", contextWindow: 128_000, maxOutputTokens: 16_384, reasoning: false },
  {
    name: "gpt-4o-audio-preview",
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    reasoning: false,
    audio: true,
  },
  {
    name: "gpt-4o-mini-audio-preview",
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    reasoning: false,
    audio: true,
  },
  {
    name: "gpt-audio",
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    reasoning: false,
    audio: true,
  },
  {
    name: "gpt-audio-1.5",
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    reasoning: false,
    audio: true,
  },
  {
    name: "gpt-audio-mini",
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    reasoning: false,
    audio: true,
  },
  {
    name: "gpt-4o-search-preview",
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    reasoning: false,
    search: true,
  },
  {
    name: "gpt-4o-mini-search-preview",
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    reasoning: false,
    search: true,
  },
  {
    name: "gpt-5-search-api",
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    reasoning: false,
    search: true,
  },
  { name: "gpt-4.1", contextWindow: 1_047_576, maxOutputTokens: 32_768, reasoning: false },
  { name: "gpt-4.1-mini", contextWindow: 1_047_576, maxOutputTokens: 32_768, reasoning: false },
  { name: "gpt-4.1-nano", contextWindow: 1_047_576, maxOutputTokens: 32_768, reasoning: false },
  { name: "gpt-4-turbo", contextWindow: 128_000, maxOutputTokens: 4_096, reasoning: false },
  { name: "gpt-4", contextWindow: 8_192, maxOutputTokens: 8_192, reasoning: false },
  { name: "gpt-3.5-turbo", contextWindow: 16_385, maxOutputTokens: 4_096, reasoning: false },
  { name: "gpt-5", contextWindow: 400_000, maxOutputTokens: 128_000, reasoning: true },
  { name: "gpt-5-mini", contextWindow: 400_000, maxOutputTokens: 128_000, reasoning: true },
  { name: "gpt-5-nano", contextWindow: 400_000, maxOutputTokens: 128_000, reasoning: true },
  { name: "gpt-5-pro", contextWindow: 400_000, maxOutputTokens: 272_000, reasoning: true },
  { name: "gpt-5-codex", contextWindow: 400_000, maxOutputTokens: 128_000, reasoning: true },
  { name: "gpt-5-chat-latest", contextWindow: 128_000, maxOutputTokens: 16_384, reasoning: false },
  { name: "gpt-5.1", contextWindow: 400_000, maxOutputTokens: 128_000, reasoning: true },
  { name: "gpt-5.1-mini", contextWindow: 400_000, maxOutputTokens: 128_000, reasoning: true },
  { name: "gpt-5.1-codex", contextWindow: 400_000, maxOutputTokens: 128_000, reasoning: true },
  { name: "gpt-5.1-codex-max", contextWindow: 400_000, maxOutputTokens: 128_000, reasoning: true },
  { name: "gpt-5.2", contextWindow: 400_000, maxOutputTokens: 128_000, reasoning: true },
  { name: "gpt-5.4", contextWindow: 400_000, maxOutputTokens: 128_000, reasoning: true },
  { name: "o1", contextWindow: 200_000, maxOutputTokens: 100_000, reasoning: true },
  { name: "o1-mini", contextWindow: 128_000, maxOutputTokens: 65_536, reasoning: true },
  { name: "o1-pro", contextWindow: 200_000, maxOutputTokens: 100_000, reasoning: true },
  { name: "o3", contextWindow: 200_000, maxOutputTokens: 100_000, reasoning: true },
  { name: "o3-mini", contextWindow: 200_000, maxOutputTokens: 100_000, reasoning: true },
  { name: "o3-pro", contextWindow: 200_000, maxOutputTokens: 100_000, reasoning: true },
  { name: "o4-mini", contextWindow: 200_000, maxOutputTokens: 100_000, reasoning: true },
  { name: "computer-use-preview", contextWindow: 8_192, maxOutputTokens: 1_024, reasoning: false },
];

const BY_NAME = new Map(MODELS.map((model) => [model.name, model]));

/** What is known about `model` (a dated snapshot such as `gpt-4o-2024-08-06` counts as its family). */
export function modelInfo(model: string): ModelInfo | undefined {
  return BY_NAME.get(model) ?? BY_NAME.get(model.replace(/-\d{4}-\d{2}-\d{2}$/, ""));
}

/** True when `model` reasons before answering (unknown models do not). */
export function isReasoningModel(model: string): boolean {
  return modelInfo(model)?.reasoning ?? false;
}
