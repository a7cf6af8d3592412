import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createMemoryRateLimitStore,
  createOpenAIProxy,
  createRedisRateLimitStore,
  type RateLimitStore,
} from "../../src/server/index.js";
import { redisAvailable, startRedis } from "./support/redis-server.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let keyCounter = 0;
const freshKey = () => `k${++keyCounter}-${Math.random().toString(36).slice(2)}`;

/** The behaviour every RateLimitStore must have, run against each implementation. */
function storeContract(name: string, getStore: () => RateLimitStore) {
  describe(name, () => {
    it("counts the first hit as 1 and opens a window", async () => {
      const before = Date.now();
      const hit = await getStore().hit(freshKey(), 10_000);
      expect(hit.count).toBe(1);
      expect(hit.resetAt).toBeGreaterThan(before);
      expect(hit.resetAt).toBeLessThanOrEqual(Date.now() + 10_000);
    });

    it("counts consecutive hits in one window", async () => {
      const key = freshKey();
      const counts = [];
      for (let i = 0; i < 4; i++) counts.push((await getStore().hit(key, 10_000)).count);
      expect(counts).toEqual([1, 2, 3, 4]);
    });

    it("keeps keys apart", async () => {
      const a = freshKey();
      const b = freshKey();
      await getStore().hit(a, 10_000);
      await getStore().hit(a, 10_000);
      expect((await getStore().hit(b, 10_000)).count).toBe(1);
    });

    it("keeps the window end fixed while counting", async () => {
      const key = freshKey();
      const first = await getStore().hit(key, 10_000);
      const second = await getStore().hit(key, 10_000);
      expect(Math.abs(second.resetAt - first.resetAt)).toBeLessThan(1_000);
    });

    it("starts over when the window ends", async () => {
      const key = freshKey();
      await getStore().hit(key, 50);
      await getStore().hit(key, 50);
      await sleep(150);
      expect((await getStore().hit(key, 50)).count).toBe(1);
    });

    it("counts concurrent hits exactly once each", async () => {
      const key = freshKey();
      const hits = await Promise.all(Array.from({ length: 25 }, () => getStore().hit(key, 10_000)));
      expect(hits.map((h) => h.count).sort((x, y) => x - y)).toEqual(
        Array.from({ length: 25 }, (_, i) => i + 1),
      );
    });

    it("makes the proxy answer 429 past the limit", async () => {
      const proxy = createOpenAIProxy({
        upstream: () => new Response("{}", { headers: { "content-type": "application/json" } }),
        logger: false,
        models: [],
        rateLimit: { limit: 2, store: getStore(), key: () => freshKeyOnce },
      });
      const freshKeyOnce = freshKey();
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        const response = await proxy(
          new Request("http://local/api/openai/v1/models", { headers: { "x-forwarded-for": "1" } }),
        );
        statuses.push(response.status);
      }
      expect(statuses).toEqual([200, 200, 429]);
    });
  });
}

const memoryStore = createMemoryRateLimitStore();
storeContract("in-memory store", () => memoryStore);

describe("in-memory store with a fake clock", () => {
  it("sweeps expired windows as time passes", async () => {
    let now = 1_000;
    const store = createMemoryRateLimitStore({ now: () => now });
    expect(await store.hit("a", 100)).toEqual({ count: 1, resetAt: 1_100 });
    expect(await store.hit("a", 100)).toEqual({ count: 2, resetAt: 1_100 });
    now = 1_100;
    expect(await store.hit("a", 100)).toEqual({ count: 1, resetAt: 1_200 });
  });
});

describe("a failing store", () => {
  it("makes the proxy refuse with 503 rather than let requests through unlimited", async () => {
    let upstreamHits = 0;
    const proxy = createOpenAIProxy({
      upstream: () => {
        upstreamHits++;
        return new Response("{}");
      },
      logger: false,
      rateLimit: {
        store: {
          hit: async () => {
            throw new Error("connection refused");
          },
        },
      },
    });
    const response = await proxy(new Request("http://local/api/openai/v1/models"));
    expect(response.status).toBe(503);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/rate-limit store is unavailable \(connection refused\)/);
    expect(upstreamHits).toBe(0);
  });
});

const withRedis = redisAvailable();
describe.skipIf(!withRedis)("Redis store against a real redis-server", () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let client: ReturnType<typeof createClient>;
  let store: RateLimitStore;

  beforeAll(async () => {
    redis = await startRedis();
    client = createClient({ url: redis.url });
    await client.connect();
    store = createRedisRateLimitStore({ client, prefix: "test:" });
  });

  afterAll(async () => {
    await client?.quit();
    await redis?.stop();
  });

  storeContract("redis store", () => store);

  it("stores counters under the prefix, expiring with the window", async () => {
    await store.hit("visible", 10_000);
    expect(await client.get("test:visible")).toBe("1");
    const ttl = await client.pTTL("test:visible");
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(10_000);
  });
});
