import { createResponseTracker } from "../ownership/response-ownership.js";
import { DEFAULT_ALLOWED_MODELS } from "../policy/model-policy.js";
import { DEFAULT_FILE_PURPOSES, DEFAULT_FILE_TYPES } from "./handle-files.js";
import type { ProxySettings } from "./proxy-context.js";
import type { ProxyLogger } from "./proxy-logger.js";
import type { OpenAIProxyOptions } from "./proxy-options.js";
import { scrubSecrets } from "./scrub-secrets.js";
import type { ErrorCapture, UpstreamClient } from "./upstream-client.js";

const MB = 1024 * 1024;

/** The proxy's options with every default applied: the one place defaults are decided. */
export function resolveSettings(
  options: OpenAIProxyOptions,
  upstream: UpstreamClient,
  capture: ErrorCapture,
  logger: ProxyLogger | false,
): ProxySettings {
  return {
    upstream,
    capture,
    models: options.models ?? DEFAULT_ALLOWED_MODELS,
    tools: options.tools ?? {},
    maxOutputTokens:
      options.maxOutputTokens === null ? undefined : (options.maxOutputTokens ?? 16_384),
    maxBodyBytes: options.maxBodyBytes ?? 1 * MB,
    files: {
      maxBytes: options.files?.maxBytes ?? 20 * MB,
      types: options.files?.types ?? DEFAULT_FILE_TYPES,
      purposes: options.files?.purposes ?? DEFAULT_FILE_PURPOSES,
    },
    onUsage: options.onUsage,
    responses: createResponseTracker(options.responseOwnership),
    reportError: (line) => {
      if (logger) logger.error(scrubSecrets(line, upstream.secrets));
    },
  };
}
