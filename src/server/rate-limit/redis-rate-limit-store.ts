import type { RateLimitStore } from "./rate-limit-store.js";

/**
 * The part of a `redis` (v5) client the store uses, so the proxy does not import the
 * package: pass `createClient(...)` after `connect()`.
 */
export interface RedisEvalClient {
  /** Runs a Lua script (redis v5 signature). */
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** Options of {@link createRedisRateLimitStore}. */
export interface RedisRateLimitStoreOptions {
  /** A connected redis v5 client. */
  client: RedisEvalClient;
  /** Prefix for the counter keys, default `colloquy:ratelimit:`. */
  prefix?: string;
}

// One round trip, atomic: count the hit, open the window on the first, report its age.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { count, ttl }
`;

/**
 * A rate-limit store in Redis, shared by every proxy instance using the same server. Each
 * key is one counter that expires with its window, so Redis needs no cleanup.
 */
export function createRedisRateLimitStore(options: RedisRateLimitStoreOptions): RateLimitStore {
  const prefix = options.prefix ?? "colloquy:ratelimit:";
  return {
    async hit(key, windowMs) {
      const reply = await options.client.eval(HIT_SCRIPT, {
        keys: [prefix + key],
        arguments: [String(Math.max(1, Math.ceil(windowMs)))],
      });
      if (!Array.isArray(reply) || reply.length < 2) {
        throw new Error(`Unexpected reply from Redis for the rate-limit script: ${String(reply)}`);
      }
      const count = Number(reply[0]);
      const ttl = Number(reply[1]);
      return { count, resetAt: Date.now() + ttl };
    },
  };
}
