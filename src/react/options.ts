import type { ApiChoice, ChatClient, HeadersOption, RequestParams } from "../core/client/types.js";

/**
 * Connection options every colloquy hook takes, directly or from `<ColloquyProvider>`.
 * A hook's own options override the provider's.
 */
export interface ColloquyOptions {
  /** Where the OpenAI-compatible API (usually the colloquy proxy) lives, e.g. `/api/openai/v1`. */
  endpoint?: string;
  /** Which API to call: `responses`, `chat` or `auto` (default). */
  api?: ApiChoice;
  /** The model, e.g. `gpt-4.1-mini`. */
  model?: string;
  /** Request parameters used by default (temperature, instructions, reasoning, ...). */
  defaults?: Omit<RequestParams, "signal" | "model">;
  /** Headers for every request (the app's own auth), or a function returning them. */
  headers?: HeadersOption;
  /** The fetch to use (tests, instrumentation). */
  fetch?: typeof globalThis.fetch;
  /**
   * The @tanstack/react-query `QueryClient` for `useStructuredOutput` (typed there, so the
   * other hooks' types need no react-query installed).
   */
  queryClient?: object;
  /** A ready client to use instead of building one from the options above. */
  client?: ChatClient;
}

/** Merges provider options with a hook's: defined hook values win, `defaults` merge. */
export function mergeColloquyOptions(
  provider: ColloquyOptions,
  hook: ColloquyOptions,
): ColloquyOptions {
  const merged: ColloquyOptions = { ...provider };
  for (const [key, value] of Object.entries(hook) as [keyof ColloquyOptions, unknown][]) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  if (provider.defaults && hook.defaults)
    merged.defaults = { ...provider.defaults, ...hook.defaults };
  return merged;
}

/** Picks the connection options out of a hook's options (which hold more than those). */
export function pickColloquyOptions(options: ColloquyOptions): ColloquyOptions {
  const { endpoint, api, model, defaults, headers, fetch, queryClient, client } = options;
  return { endpoint, api, model, defaults, headers, fetch, queryClient, client };
}
