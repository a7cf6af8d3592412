import type { RateLimitHit, RateLimitStore } from "./rate-limit-store.js";

/** Options of {@link createMemoryRateLimitStore}. */
export interface MemoryRateLimitStoreOptions {
  /** The clock, in milliseconds since the epoch; tests pass a fake one. */
  now?: () => number;
}

/**
 * A rate-limit store in this process's memory: right for one proxy instance; several
 * instances need a shared store. Expired windows are swept as new hits arrive, so memory
 * stays proportional to the keys seen in one window.
 */
export function createMemoryRateLimitStore(
  options: MemoryRateLimitStoreOptions = {},
): RateLimitStore {
  const now = options.now ?? Date.now;
  const windows = new Map<string, RateLimitHit>();
  let nextSweep = 0;
  return {
    async hit(key, windowMs) {
      const time = now();
      if (time >= nextSweep) {
        for (const [k, w] of windows) if (w.resetAt <= time) windows.delete(k);
        nextSweep = time + windowMs;
      }
      const current = windows.get(key);
      if (current && current.resetAt > time) {
        current.count += 1;
        return { ...current };
      }
      const fresh = { count: 1, resetAt: time + windowMs };
      windows.set(key, fresh);
      return { ...fresh };
    },
  };
}
