/**
 * colloquy/server: the key-holding proxy. A Web fetch handler that speaks OpenAI's HTTP API
 * to the browser, enforces policy, and streams the upstream's answers through untouched;
 * with an adapter for node:http, Express and Connect, and rate-limit stores.
 *
 * ```ts
 * const proxy = createOpenAIProxy({ authorize: (req) => sessionUser(req) });
 * http.createServer(toNodeHandler(proxy)).listen(8787); // or app.use(toNodeHandler(proxy))
 * export const { GET, POST, DELETE, OPTIONS } = toRouteHandlers(proxy); // a Next.js route file
 * // Browser: new OpenAI({ baseURL: "/api/openai/v1", apiKey: "unused", dangerouslyAllowBrowser: true })
 * ```
 *
 * Defaults: base path `/api/openai`; key from `OPENAI_API_KEY`; small low-cost models only;
 * no code-running or outward-reaching tools; output tokens clamped to 16 384; 8 MB JSON
 * bodies (a 5 MB attachment as base64), 20 MB uploads; 60 requests a minute per user;
 * same-origin browsers only; a stored response readable, resumable and cancellable only by
 * the caller that created it (for 24 hours).
 */
export { createOpenAIProxy } from "./proxy/create-openai-proxy.js";
export { pathBelow } from "./proxy/base-path.js";
export type { OpenAIProxyHandler } from "./proxy/create-openai-proxy.js";
export type { ProxyRequestContext } from "./proxy/proxy-request-context.js";
export type {
  AuthorizeRequest,
  FileUploadOptions,
  OpenAIProxyOptions,
  ProxyIdentity,
  UsageReport,
} from "./proxy/proxy-options.js";
export type {
  AzureUpstreamOptions,
  FetchHandler,
  UpstreamOptions,
} from "./proxy/upstream-options.js";
export type { ProxyLogger } from "./proxy/proxy-logger.js";
export { openAIErrorResponse } from "./proxy/openai-error.js";
export type { OpenAIErrorBody, OpenAIErrorDetails } from "./proxy/openai-error.js";
export { DEFAULT_FILE_PURPOSES, DEFAULT_FILE_TYPES } from "./proxy/handle-files.js";
export { normaliseUsage } from "./proxy/normalise-usage.js";
export { DEFAULT_ALLOWED_MODELS, isModelAllowed } from "./policy/model-policy.js";
export type { ModelAllowlist } from "./policy/model-policy.js";
export { DEFAULT_ALLOWED_TOOL_TYPES } from "./policy/tool-policy.js";
export type { ToolPolicy } from "./policy/tool-policy.js";
export type { CorsOptions } from "./policy/cors-policy.js";
export type { RateLimitHit, RateLimitStore } from "./rate-limit/rate-limit-store.js";
export type { RateLimitOptions } from "./rate-limit/rate-limit-policy.js";
export { createMemoryRateLimitStore } from "./rate-limit/memory-rate-limit-store.js";
export type { MemoryRateLimitStoreOptions } from "./rate-limit/memory-rate-limit-store.js";
export { createRedisRateLimitStore } from "./rate-limit/redis-rate-limit-store.js";
export type {
  RedisEvalClient,
  RedisRateLimitStoreOptions,
} from "./rate-limit/redis-rate-limit-store.js";
export { toNodeHandler } from "./node/to-node-handler.js";
export { toRouteHandlers } from "./next/to-route-handlers.js";
export type { RouteHandler, RouteHandlers } from "./next/to-route-handlers.js";
export type { NodeHandler, NodeHandlerOptions } from "./node/to-node-handler.js";
export type { CallerIdentity } from "./proxy/caller-identity.js";
export type { ResponseOwnershipOptions } from "./ownership/response-ownership.js";
export type { ResponseOwnerStore, ResponseRecord } from "./ownership/response-owner-store.js";
export { createMemoryResponseOwnerStore } from "./ownership/memory-response-owner-store.js";
export type { MemoryResponseOwnerStoreOptions } from "./ownership/memory-response-owner-store.js";
export { createRedisResponseOwnerStore } from "./ownership/redis-response-owner-store.js";
export type { RedisResponseOwnerStoreOptions } from "./ownership/redis-response-owner-store.js";
