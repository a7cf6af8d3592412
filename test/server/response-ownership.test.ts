import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createMemoryResponseOwnerStore,
  createOpenAIProxy,
  createRedisResponseOwnerStore,
  toNodeHandler,
  type OpenAIProxyOptions,
  type ResponseOwnerStore,
  type UsageReport,
} from "../../src/server/index.js";
import { startEmulator, type RunningEmulator } from "../../src/testing/index.js";
import { redisAvailable, startRedis } from "./support/redis-server.js";
import { serve } from "./support/serve.js";

/**
 * Who may read, resume and cancel a response, and `onUsage` for background and resumed
 * responses: the proxy in front of the emulator, both over loopback HTTP.
 */

let emulator: RunningEmulator;
const running: { close: () => Promise<void> }[] = [];

beforeAll(async () => {
  // Events 5 ms apart keep a background run going long enough to read it mid-way.
  emulator = await startEmulator({ delayMs: 5 });
});

afterAll(async () => {
  for (const server of running) await server.close();
  await emulator.close();
});

/** A proxy that knows users by their `authorization: Bearer <user>` header. */
async function startProxy(options: Partial<OpenAIProxyOptions> = {}) {
  const reports: UsageReport[] = [];
  const handler = createOpenAIProxy({
    apiKey: "sk-ownership-test-0123456789",
    baseURL: emulator.url,
    models: "all",
    rateLimit: false,
    logger: false,
    authorize: (request) => {
      const user = /^Bearer (\w+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
      return user ? { userId: user } : null;
    },
    onUsage: (report) => void reports.push(report),
    ...options,
  });
  const server = await serve(toNodeHandler(handler));
  running.push(server);
  const base = `${server.url}/api/openai/v1`;
  const call = (user: string, path: string, init: RequestInit = {}) =>
    fetch(base + path, {
      ...init,
      headers: { authorization: `Bearer ${user}`, "content-type": "application/json" },
    });
  const create = async (user: string, body: Record<string, unknown>) => {
    const response = await call(user, "/responses", {
      method: "POST",
      body: JSON.stringify({ model: "gpt-5-mini", input: "Say hello", ...body }),
    });
    const text = await response.text();
    expect(response.status).toBe(200);
    return body["stream"] === true
      ? (/"id":"(resp_[^"]+)"/.exec(text)?.[1] ?? "")
      : (JSON.parse(text) as { id: string }).id;
  };
  return { reports, call, create };
}

/** The sequence numbers of an SSE body. */
const sequenceNumbers = (text: string) =>
  [...text.matchAll(/"sequence_number":(\d+)/g)].map((match) => Number(match[1]));

describe("response ownership", () => {
  it("lets the creator read, resume and cancel its response, and answers 404 to anyone else", async () => {
    const proxy = await startProxy();
    const id = await proxy.create("alice", { background: true });

    const stranger = [
      await proxy.call("mallory", `/responses/${id}`),
      await proxy.call("mallory", `/responses/${id}?stream=true&starting_after=0`),
      await proxy.call("mallory", `/responses/${id}/cancel`, { method: "POST" }),
    ];
    for (const response of stranger) {
      expect(response.status).toBe(404);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("response_not_found");
      expect(body.error.message).toContain(id);
    }

    const read = await proxy.call("alice", `/responses/${id}`);
    expect(read.status).toBe(200);
    expect(((await read.json()) as { id: string }).id).toBe(id);
    const resumed = await proxy.call("alice", `/responses/${id}?stream=true&starting_after=0`);
    expect(resumed.status).toBe(200);
    expect(sequenceNumbers(await resumed.text())[0]).toBe(1);
    const cancelled = await proxy.call("alice", `/responses/${id}/cancel`, { method: "POST" });
    expect(cancelled.status).toBe(200);
  });

  it("answers 404 for an id it never relayed, even one the upstream has", async () => {
    const proxy = await startProxy();
    const other = await startProxy();
    const id = await other.create("alice", { stream: true });
    const response = await proxy.call("alice", `/responses/${id}`);
    expect(response.status).toBe(404);
    expect((await proxy.call("alice", "/responses/resp_guess")).status).toBe(404);
  });

  it("remembers ids from streamed answers before the client sees them", async () => {
    const proxy = await startProxy();
    const response = await proxy.call("alice", "/responses", {
      method: "POST",
      body: JSON.stringify({ model: "gpt-5-mini", input: "Say hello", stream: true }),
    });
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    const id = /"id":"(resp_[^"]+)"/.exec(first)![1]!;
    // Asked while the stream is still open.
    expect((await proxy.call("alice", `/responses/${id}`)).status).toBe(200);
    expect((await proxy.call("bob", `/responses/${id}`)).status).toBe(404);
    await reader.cancel();
  });

  it("keys ownership by the app's own session value when given one", async () => {
    const proxy = await startProxy({
      authorize: undefined,
      responseOwnership: { owner: (request) => request.headers.get("authorization") ?? "" },
    });
    const id = await proxy.create("tab1", { background: true });
    expect((await proxy.call("tab1", `/responses/${id}`)).status).toBe(200);
    expect((await proxy.call("tab2", `/responses/${id}`)).status).toBe(404);
  });

  it("forwards reads unchecked when turned off", async () => {
    const proxy = await startProxy({ responseOwnership: false });
    const id = await proxy.create("alice", { background: true });
    expect((await proxy.call("bob", `/responses/${id}`)).status).toBe(200);
  });

  it("refuses with 503 when the store cannot be asked", async () => {
    const broken: ResponseOwnerStore = {
      remember: async () => undefined,
      recall: async () => {
        throw new Error("connection refused");
      },
      claimUsageReport: async () => true,
    };
    const proxy = await startProxy({ responseOwnership: { store: broken } });
    const response = await proxy.call("alice", "/responses/resp_1");
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      "response_store_unavailable",
    );
  });
});

describe("onUsage for background and resumed responses", () => {
  it("reports a background response once, when a resumed stream shows its usage", async () => {
    const proxy = await startProxy();
    const id = await proxy.create("alice", { background: true });
    expect(proxy.reports).toEqual([]);
    const resumed = await proxy.call("alice", `/responses/${id}?stream=true`);
    expect(await resumed.text()).toContain("response.completed");
    await expect.poll(() => proxy.reports.length).toBe(1);
    expect(proxy.reports[0]).toMatchObject({
      user: "alice",
      model: "gpt-5-mini",
      endpoint: "responses",
    });
    expect(proxy.reports[0]!.usage.totalTokens).toBeGreaterThan(0);

    // Reading it again, streamed or not, reports nothing more.
    await (await proxy.call("alice", `/responses/${id}`)).json();
    await (await proxy.call("alice", `/responses/${id}?stream=true&starting_after=2`)).text();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(proxy.reports).toHaveLength(1);
  });

  it("reports a background response read as JSON once it has finished", async () => {
    const proxy = await startProxy();
    const id = await proxy.create("alice", { background: true });
    await expect
      .poll(
        async () => {
          const body = (await (await proxy.call("alice", `/responses/${id}`)).json()) as {
            status: string;
          };
          return body.status;
        },
        { timeout: 10_000, interval: 50 },
      )
      .toBe("completed");
    await expect.poll(() => proxy.reports.length).toBe(1);
    await (await proxy.call("alice", `/responses/${id}`)).json();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(proxy.reports).toHaveLength(1);
  });

  it("reports a streamed background response once, though a resume replays its end", async () => {
    const proxy = await startProxy();
    const id = await proxy.create("alice", { background: true, stream: true });
    await expect.poll(() => proxy.reports.length).toBe(1);
    const replay = await proxy.call("alice", `/responses/${id}?stream=true`);
    expect(sequenceNumbers(await replay.text())[0]).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(proxy.reports).toHaveLength(1);
  });

  it("reports a stream cut short once, when the client resumes it to the end", async () => {
    const proxy = await startProxy();
    const response = await proxy.call("alice", "/responses", {
      method: "POST",
      body: JSON.stringify({
        model: "gpt-5-mini",
        input: "Say hello",
        background: true,
        stream: true,
      }),
    });
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    const id = /"id":"(resp_[^"]+)"/.exec(first)![1]!;
    const last = Math.max(...sequenceNumbers(first));
    const resumed = await proxy.call(
      "alice",
      `/responses/${id}?stream=true&starting_after=${last}`,
    );
    expect(await resumed.text()).toContain("response.completed");
    await expect.poll(() => proxy.reports.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(proxy.reports).toHaveLength(1);
  });
});

describe("memory response-owner store", () => {
  it("forgets entries after their TTL and keeps at most maxEntries", async () => {
    let time = 1_000;
    const store = createMemoryResponseOwnerStore({ now: () => time, maxEntries: 2 });
    await store.remember("a", { owner: "u" }, 100);
    expect(await store.recall("a")).toEqual({ owner: "u" });
    time += 100;
    expect(await store.recall("a")).toBeUndefined();
    await store.remember("b", { owner: "u" }, 1_000);
    await store.remember("c", { owner: "u" }, 1_000);
    await store.remember("d", { owner: "u" }, 1_000);
    expect(await store.recall("b")).toBeUndefined();
    expect(await store.recall("d")).toEqual({ owner: "u" });
  });

  it("claims a usage report once per response", async () => {
    const store = createMemoryResponseOwnerStore();
    await store.remember("a", { owner: "u" }, 1_000);
    expect(await store.claimUsageReport("a", 1_000)).toBe(true);
    expect(await store.claimUsageReport("a", 1_000)).toBe(false);
    expect(await store.claimUsageReport("unknown", 1_000)).toBe(true);
    expect(await store.claimUsageReport("unknown", 1_000)).toBe(false);
    expect(await store.recall("a")).toEqual({ owner: "u" });
  });
});

describe.runIf(redisAvailable())("Redis response-owner store", () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let client: ReturnType<typeof createClient>;
  beforeAll(async () => {
    redis = await startRedis();
    client = createClient({ url: redis.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.quit();
    await redis.stop();
  });

  it("remembers, expires and claims once, atomically", async () => {
    const store = createRedisResponseOwnerStore({ client });
    await store.remember("r1", { owner: "user:alice", model: "gpt-5-mini" }, 10_000);
    expect(await store.recall("r1")).toEqual({ owner: "user:alice", model: "gpt-5-mini" });
    expect(await store.recall("r2")).toBeUndefined();
    await store.remember("short", { owner: "x" }, 30);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await store.recall("short")).toBeUndefined();
    const claims = await Promise.all(
      Array.from({ length: 10 }, () => store.claimUsageReport("r1", 10_000)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it("lets one proxy instance resume what another created", async () => {
    const store = createRedisResponseOwnerStore({ client, prefix: "test:shared:" });
    const first = await startProxy({ responseOwnership: { store } });
    const second = await startProxy({ responseOwnership: { store } });
    const id = await first.create("alice", { background: true });
    expect((await second.call("alice", `/responses/${id}`)).status).toBe(200);
    expect((await second.call("bob", `/responses/${id}`)).status).toBe(404);
  });
});
