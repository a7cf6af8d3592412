import type { ChatClientOptions, RequestParams } from "./types.js";

/** Option keys that configure the client itself rather than a request. */
const CLIENT_ONLY_KEYS = new Set([
  "baseURL",
  "api",
  "headers",
  "fetch",
  "timeout",
  "maxRetries",
  "stream",
  "modelVersion",
]);

/** The request defaults held in client options. */
export function requestDefaults(options: ChatClientOptions): RequestParams {
  return Object.fromEntries(
    Object.entries(options).filter(([key]) => !CLIENT_ONLY_KEYS.has(key)),
  ) as RequestParams;
}

/** Per-call params over defaults; `metadata` and `extraBody` merge key by key. */
export function mergeParams(
  defaults: RequestParams,
  params: RequestParams | undefined,
): RequestParams {
  if (!params) return defaults;
  const defined = Object.fromEntries(
    Object.entries(params).filter(([, value]) => value !== undefined),
  ) as RequestParams;
  const merged: RequestParams = { ...defaults, ...defined };
  if (defaults.metadata && params.metadata) {
    merged.metadata = { ...defaults.metadata, ...params.metadata };
  }
  if (defaults.extraBody && params.extraBody) {
    merged.extraBody = { ...defaults.extraBody, ...params.extraBody };
  }
  return merged;
}
