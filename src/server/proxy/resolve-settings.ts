import { ColloquyError } from "../../core/errors.js";
import { createResponseTracker } from "../ownership/response-ownership.js";
import { createSessionKeeper } from "../ownership/session-cookie.js";
import { createHostPolicy } from "../policy/host-policy.js";
import { DEFAULT_ALLOWED_MODELS } from "../policy/model-policy.js";
import { DEFAULT_FILE_PURPOSES, DEFAULT_FILE_TYPES } from "./handle-files.js";
import type { ProxySettings } from "./proxy-context.js";
import type { ProxyLogger } from "./proxy-logger.js";
import type { OpenAIProxyOptions } from "./proxy-options.js";
import { scrubSecrets } from "./scrub-secrets.js";
import type { UpstreamClient } from "./upstream-client.js";

const MB = 1024 * 1024;

/**
 * The default JSON body limit, 8 MB: a 5 MB attachment (the composer's default limit) as
 * base64 is 6.7 MB, and the rest leaves room for the conversation.
 */
export const DEFAULT_MAX_BODY_BYTES = 8 * MB;

/** The public origin's canonical form; a value that is not an origin fails at start-up. */
function originOf(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ColloquyError(
      "invalid_input",
      `publicOrigin '${value}' is not an origin. Use the scheme and host the app is served at, e.g. https://app.example.com.`,
    );
  }
  return url.origin;
}

/** Sessions last as long as what they own stays readable. */
function sessionTtlMs(options: OpenAIProxyOptions): number {
  const ownership = options.responseOwnership;
  return (ownership === false ? undefined : ownership?.ttlMs) ?? 24 * 60 * 60 * 1000;
}

/** The proxy's options with every default applied: the one place defaults are decided. */
export function resolveSettings(
  options: OpenAIProxyOptions,
  upstream: UpstreamClient,
  logger: ProxyLogger | false,
  basePath: string,
): ProxySettings {
  const trustProxy = options.trustProxy ?? false;
  const publicOrigin =
    options.publicOrigin === undefined ? undefined : originOf(options.publicOrigin);
  return {
    upstream,
    models: options.models ?? DEFAULT_ALLOWED_MODELS,
    tools: options.tools ?? {},
    maxOutputTokens:
      options.maxOutputTokens === null ? undefined : (options.maxOutputTokens ?? 16_384),
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    files: {
      maxBytes: options.files?.maxBytes ?? 20 * MB,
      types: options.files?.types ?? DEFAULT_FILE_TYPES,
      purposes: options.files?.purposes ?? DEFAULT_FILE_PURPOSES,
    },
    onUsage: options.onUsage,
    responses: createResponseTracker(options.responseOwnership),
    sessions: createSessionKeeper({
      ...(options.sessionSecret !== undefined ? { secret: options.sessionSecret } : {}),
      path: basePath,
      maxAgeSeconds: Math.round(sessionTtlMs(options) / 1000),
    }),
    origins: { cors: options.cors, publicOrigin, trustProxy },
    hosts: createHostPolicy(options.allowedHosts, publicOrigin),
    trustProxy,
    maxChoices: options.maxChoices ?? 8,
    reportError: (line) => {
      if (logger) logger.error(scrubSecrets(line, upstream.secrets));
    },
  };
}
