import type { RedisEvalClient } from "../rate-limit/redis-rate-limit-store.js";
import type { ResponseOwnerStore, ResponseRecord } from "./response-owner-store.js";

/** Options of {@link createRedisResponseOwnerStore}. */
export interface RedisResponseOwnerStoreOptions {
  /** A connected redis v5 client (the same kind the Redis rate-limit store takes). */
  client: RedisEvalClient;
  /** Prefix for the keys, default `colloquy:response:`. */
  prefix?: string;
}

const SET_SCRIPT = `return redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])`;
const GET_SCRIPT = `return redis.call('GET', KEYS[1])`;
// SET NX is the atomic "first one wins": only one caller ever sees OK for a key.
const CLAIM_SCRIPT = `if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return 1 else return 0 end`;

const ttl = (ms: number) => String(Math.max(1, Math.ceil(ms)));

function parseRecord(reply: unknown): ResponseRecord | undefined {
  if (typeof reply !== "string") return undefined;
  try {
    const value = JSON.parse(reply) as Partial<ResponseRecord>;
    if (typeof value.owner !== "string") return undefined;
    return typeof value.model === "string"
      ? { owner: value.owner, model: value.model }
      : { owner: value.owner };
  } catch {
    return undefined;
  }
}

/**
 * A response-owner store in Redis, shared by every proxy instance using the same server:
 * a response created through one instance can be resumed through another. Keys expire with
 * their TTL, so Redis needs no cleanup.
 */
export function createRedisResponseOwnerStore(
  options: RedisResponseOwnerStoreOptions,
): ResponseOwnerStore {
  const prefix = options.prefix ?? "colloquy:response:";
  const { client } = options;
  return {
    async remember(id, record, ttlMs) {
      await client.eval(SET_SCRIPT, {
        keys: [`${prefix}${id}`],
        arguments: [JSON.stringify(record), ttl(ttlMs)],
      });
    },
    async recall(id) {
      return parseRecord(
        await client.eval(GET_SCRIPT, { keys: [`${prefix}${id}`], arguments: [] }),
      );
    },
    async claimUsageReport(id, ttlMs) {
      const reply = await client.eval(CLAIM_SCRIPT, {
        keys: [`${prefix}${id}:usage`],
        arguments: [ttl(ttlMs)],
      });
      return Number(reply) === 1;
    },
  };
}
