/** The count of one key's requests in the current window. */
export interface RateLimitHit {
  /** Requests counted in the current window, this one included. */
  count: number;
  /** When the current window ends, in milliseconds since the epoch. */
  resetAt: number;
}

/**
 * Where rate-limit counters live. The proxy is stateless; counters that must be shared by
 * several proxy instances belong in a shared store (see `createRedisRateLimitStore`).
 * A fixed window: the first hit of a key opens a window of `windowMs`, later hits count in
 * it, and the count starts over when it ends.
 */
export interface RateLimitStore {
  /** Counts one request for `key` and returns the count in its current window. */
  hit(key: string, windowMs: number): Promise<RateLimitHit>;
}
