import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenAIProxy, toNodeHandler } from "../../src/server/index.js";
import { startFakeUpstream, type FakeUpstream } from "./support/fake-upstream.js";
import { memoryLogger, serve } from "./support/serve.js";

const KEY = "sk-proj-LEAKME-4f9c2b7e1d0a6c3b8e5f";

let upstream: FakeUpstream;
let proxy: Awaited<ReturnType<typeof serve>>;
const logger = memoryLogger();

beforeAll(async () => {
  upstream = await startFakeUpstream();
  proxy = await serve(
    toNodeHandler(
      createOpenAIProxy({
        apiKey: KEY,
        baseURL: upstream.url,
        models: "all",
        logger,
        timeoutMs: 300,
      }),
    ),
  );
});

afterAll(async () => {
  await proxy.close();
  await upstream.close();
});

const post = (body: unknown, base = proxy.url, signal?: AbortSignal) =>
  fetch(`${base}/api/openai/v1/responses`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });

function allText(response: Response, body: string): string {
  return [...response.headers].map(([k, v]) => `${k}: ${v}`).join("\n") + "\n" + body;
}

describe("the key never leaves the proxy", () => {
  it("scrubs an upstream error body that echoes the key, keeping its status", async () => {
    const response = await post({ model: "echo-key-error", input: "hi" });
    const body = await response.text();
    expect(response.status).toBe(401);
    expect(upstream.hits.at(-1)!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(body).toContain("Incorrect API key provided: Bearer [redacted]");
    expect(allText(response, body)).not.toContain(KEY);
  });

  it("keeps it out of successful responses, streams and log lines", async () => {
    for (const stream of [false, true]) {
      const response = await post({ model: "gpt-5-mini", input: "hi", stream });
      expect(allText(response, await response.text())).not.toContain(KEY);
    }
    const models = await fetch(`${proxy.url}/api/openai/v1/models`);
    expect(allText(models, await models.text())).not.toContain(KEY);
    expect(logger.lines.length).toBeGreaterThan(0);
    for (const line of logger.lines) expect(line).not.toContain(KEY);
  });

  it("scrubs it from the message of an upstream that fails with it", async () => {
    const leaky = createOpenAIProxy({
      apiKey: KEY,
      models: "all",
      logger,
      upstream: async (request) => {
        throw new Error(`connection refused for ${request.headers.get("authorization")}`);
      },
    });
    const response = await leaky(
      new Request("http://local/api/openai/v1/responses", {
        method: "POST",
        body: JSON.stringify({ model: "m", input: "hi" }),
      }),
    );
    const body = await response.text();
    expect(response.status).toBe(502);
    expect(body).toContain("[redacted]");
    expect(allText(response, body)).not.toContain(KEY);
    for (const line of logger.lines) expect(line).not.toContain(KEY);
  });
});

describe("upstream faults", () => {
  it("answers 502 with a clear message when the upstream cannot be reached", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((r) => closed.close(() => r()));
    const handler = createOpenAIProxy({
      apiKey: KEY,
      baseURL: `http://127.0.0.1:${port}/v1`,
      models: "all",
      logger: false,
    });
    const response = await handler(
      new Request("http://local/api/openai/v1/responses", {
        method: "POST",
        body: JSON.stringify({ model: "m", input: "x" }),
      }),
    );
    expect(response.status).toBe(502);
    const body = (await response.json()) as { error: { message: string; code: string } };
    expect(body.error.code).toBe("upstream_unreachable");
    expect(body.error.message).toMatch(
      new RegExp(`Could not reach the upstream at 127.0.0.1:${port}`),
    );
  });

  it("answers 504 when the upstream does not answer in time", async () => {
    const response = await post({ model: "never-answer", input: "hi" });
    expect(response.status).toBe(504);
    const body = (await response.json()) as { error: { message: string; code: string } };
    expect(body.error.code).toBe("upstream_timeout");
    expect(body.error.message).toMatch(/did not answer in time/);
  });
});

describe("a client that goes away aborts the upstream request", () => {
  // The bound is generous for one event-loop hop each way; the first abort through a cold
  // code path (and a machine shared by many test runs) can stall, so the measured abort is
  // preceded by an unmeasured one, and a stalled run is retried.
  const timing = { retry: 2 };

  async function abortMidStream(base: string): Promise<number> {
    const controller = new AbortController();
    const response = await post(
      { model: "hang-stream", input: "hi", stream: true },
      base,
      controller.signal,
    );
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain("response.created");
    const upstreamClosed = upstream.nextAbort();
    const leftAt = performance.now();
    controller.abort();
    return (await upstreamClosed) - leftAt;
  }

  async function abortBeforeHeaders(base: string): Promise<number> {
    const controller = new AbortController();
    const hits = upstream.hits.length;
    const pending = post({ model: "never-answer", input: "hi" }, base, controller.signal).catch(
      () => "aborted",
    );
    await expect.poll(() => upstream.hits.length).toBe(hits + 1);
    const upstreamClosed = upstream.nextAbort();
    const leftAt = performance.now();
    controller.abort();
    const latency = (await upstreamClosed) - leftAt;
    expect(await pending).toBe("aborted");
    return latency;
  }

  it("mid-stream, through node:http, within 100 ms", timing, async () => {
    await abortMidStream(proxy.url);
    expect(await abortMidStream(proxy.url)).toBeLessThan(100);
  });

  it("before the headers, through node:http, within 100 ms", timing, async () => {
    const patient = await serve(
      toNodeHandler(
        createOpenAIProxy({ apiKey: KEY, baseURL: upstream.url, models: "all", logger: false }),
      ),
    );
    await abortBeforeHeaders(patient.url);
    expect(await abortBeforeHeaders(patient.url)).toBeLessThan(100);
    await patient.close();
  });

  it("when the Web handler's request signal aborts, within 100 ms", timing, async () => {
    const handler = createOpenAIProxy({
      apiKey: KEY,
      baseURL: upstream.url,
      models: "all",
      logger: false,
    });
    const abortOnce = async () => {
      const controller = new AbortController();
      const response = await handler(
        new Request("http://local/api/openai/v1/responses", {
          method: "POST",
          body: JSON.stringify({ model: "hang-stream", input: "hi", stream: true }),
          signal: controller.signal,
        }),
      );
      await response.body!.getReader().read();
      const upstreamClosed = upstream.nextAbort();
      const leftAt = performance.now();
      controller.abort();
      return (await upstreamClosed) - leftAt;
    };
    await abortOnce();
    expect(await abortOnce()).toBeLessThan(100);
  });
});

describe("a client that stops reading", () => {
  it("cancelling the response body aborts the upstream request", { retry: 2 }, async () => {
    const handler = createOpenAIProxy({
      apiKey: KEY,
      baseURL: upstream.url,
      models: "all",
      logger: false,
    });
    const cancelOnce = async () => {
      const response = await handler(
        new Request("http://local/api/openai/v1/responses", {
          method: "POST",
          body: JSON.stringify({ model: "hang-stream", input: "hi", stream: true }),
        }),
      );
      const reader = response.body!.getReader();
      await reader.read();
      const upstreamClosed = upstream.nextAbort();
      const leftAt = performance.now();
      await reader.cancel();
      return (await upstreamClosed) - leftAt;
    };
    await cancelOnce();
    expect(await cancelOnce()).toBeLessThan(100);
  });
});

describe("a usage hook that throws", () => {
  it("is logged without the key and does not disturb the response", async () => {
    const lines = memoryLogger();
    const handler = createOpenAIProxy({
      apiKey: KEY,
      baseURL: upstream.url,
      models: "all",
      logger: lines,
      onUsage: () => {
        throw new Error(`billing backend down (tried with ${KEY})`);
      },
    });
    const response = await handler(
      new Request("http://local/api/openai/v1/responses", {
        method: "POST",
        body: JSON.stringify({ model: "gpt-5-mini", input: "hi", stream: true }),
      }),
    );
    expect(await response.text()).toBe(upstream.lastStreamBody());
    await expect.poll(() => lines.lines.some((l) => l.includes("onUsage threw"))).toBe(true);
    for (const line of lines.lines) expect(line).not.toContain(KEY);
  });
});

describe("streaming passthrough", () => {
  it("delivers chunks before the upstream finishes, and the bytes are identical", async () => {
    const response = await post({ model: "held-stream", input: "hi", stream: true });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = "";
    // The upstream holds its last event until we have seen the first one.
    while (!received.includes("response.created")) {
      const { value, done } = await reader.read();
      expect(done).toBe(false);
      received += decoder.decode(value, { stream: true });
    }
    expect(received).not.toContain("response.completed");
    upstream.releaseHeld();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value, { stream: true });
    }
    expect(received).toContain("response.completed");
    expect(received).toBe(upstream.lastStreamBody());
  });
});
