import type { CallerIdentity } from "../proxy/caller-identity.js";
import type { IncomingCall } from "../proxy/incoming-call.js";
import { ProxyRejection } from "../proxy/openai-error.js";
import { createMemoryRateLimitStore } from "./memory-rate-limit-store.js";
import type { RateLimitStore } from "./rate-limit-store.js";

/** How many requests each user (or, without a user, each client address) may make. */
export interface RateLimitOptions {
  /** Requests allowed per window, default 60. */
  limit?: number;
  /** Window length in milliseconds, default 60 000. */
  windowMs?: number;
  /** Where counters live, default in this process's memory. */
  store?: RateLimitStore;
  /**
   * The key to count under; default the user id, else the client address (from the runtime
   * adapter, or from trusted proxies' `x-forwarded-for`: see `trustProxy`). Without either,
   * all anonymous callers share one count, which fails closed: a client cannot rotate a
   * header or drop a cookie to get a fresh one.
   */
  key?: (request: Request, identity: CallerIdentity) => string;
}

/** A configured rate limiter: counts a request, rejecting it with 429 when over the limit. */
export type RateLimiter = (call: IncomingCall, identity: CallerIdentity) => Promise<void>;

/**
 * The default rate-limit key of a caller: `user:<id>` for a user `authorize` identified,
 * else `ip:<address>` (the address as `trustProxy` allows it to be known).
 */
export function callerKey(identity: CallerIdentity): string {
  return identity.userId !== undefined
    ? `user:${identity.userId}`
    : `ip:${identity.clientAddress ?? "unknown"}`;
}

/** Builds the limiter a proxy uses from its options. */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const limit = options.limit ?? 60;
  const windowMs = options.windowMs ?? 60_000;
  const store = options.store ?? createMemoryRateLimitStore();
  const { key: customKey } = options;
  return async (call, identity) => {
    // A custom key reads a Web Request; the default needs only the headers.
    const key = customKey ? customKey(call.request(), identity) : callerKey(identity);
    let hit;
    try {
      hit = await store.hit(key, windowMs);
    } catch (error) {
      // Failing closed: without counters there is no limit, and the limit protects the key.
      const reason = error instanceof Error ? error.message : String(error);
      throw new ProxyRejection(
        503,
        `The rate-limit store is unavailable (${reason}), so requests are refused for now. Check the store (e.g. Redis) and retry.`,
        { type: "server_error", code: "rate_limit_store_unavailable" },
      );
    }
    if (hit.count <= limit) return;
    const seconds = Math.max(1, Math.ceil((hit.resetAt - Date.now()) / 1000));
    throw new ProxyRejection(
      429,
      `Rate limit exceeded: ${limit} requests per ${windowMs / 1000} s for this user. Retry in ${seconds} s.`,
      {
        type: "requests",
        code: "rate_limit_exceeded",
        headers: { "retry-after": String(seconds) },
      },
    );
  };
}
