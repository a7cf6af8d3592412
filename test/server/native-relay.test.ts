import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import {
  createMemoryResponseOwnerStore,
  createOpenAIProxy,
  toNodeHandler,
  type OpenAIProxyOptions,
} from "../../src/server/index.js";
import type { NodeHandler } from "../../src/server/index.js";
import { serve } from "./support/serve.js";

/**
 * The node:http adapter relays the proxy's generation streams natively, from the upstream's
 * socket to the client's, and builds no Web `Request` unless a hook asks for one. These are
 * the promises of the Web relay, kept on that path: backpressure, decoding, the response id
 * noted before its event goes out, and hooks that still get a whole `Request`.
 */

const running: Awaited<ReturnType<typeof serve>>[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
});

async function start(listener: NodeHandler) {
  const server = await serve(listener);
  running.push(server);
  return server;
}

/** A proxy in front of `upstream` (a plain node:http listener), reached over the network. */
async function proxyFor(upstream: NodeHandler, options: Partial<OpenAIProxyOptions> = {}) {
  const upstreamServer = await start(upstream);
  const proxy = await start(
    toNodeHandler(
      createOpenAIProxy({
        apiKey: "sk-native-relay-test",
        baseURL: `${upstreamServer.url}/v1`,
        models: "all",
        rateLimit: false,
        logger: false,
        ...options,
      }),
    ),
  );
  return `${proxy.url}/api/openai/v1/responses`;
}

const post = (url: string, body: unknown = { model: "m", input: "hi", stream: true }) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

const event = (data: unknown) => `data: ${JSON.stringify(data)}\n\n`;

describe("the native relay", () => {
  it("stops reading the upstream while the client does not read, and loses no byte", async () => {
    const payload = "x".repeat(64 * 1024);
    // 64 MB: more than loopback's socket buffers can hold once the kernel has grown them
    // (receive buffers autotune up to tcp_rmem's maximum, 32 MB each on many hosts).
    const total = 1024;
    let written = 0;
    const url = await proxyFor((req, res) => {
      req.resume();
      res.writeHead(200, { "content-type": "text/event-stream" });
      const writeMore = () => {
        while (written < total) {
          written++;
          if (!res.write(event({ n: written, payload }))) {
            res.once("drain", writeMore);
            return;
          }
        }
        res.end();
      };
      writeMore();
    });
    const response = await post(url);
    const reader = response.body!.getReader();
    let bytes = (await reader.read()).value!.byteLength;
    // Paused: the client's socket fills, then the proxy's, then the upstream's writes wait.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(written).toBeLessThan(total);
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
    }
    expect(written).toBe(total);
    const one = event({ n: 1, payload }).length;
    const digits = (n: number) => String(n).length - 1;
    let expected = 0;
    for (let n = 1; n <= total; n++) expected += one + digits(n);
    expect(bytes).toBe(expected);
  });

  it("decodes an upstream that compresses its stream anyway", async () => {
    const events = [
      event({ type: "response.created", response: { id: "resp_gz" } }),
      event({ type: "response.output_text.delta", delta: "squeezed" }),
    ].join("");
    const url = await proxyFor((req, res) => {
      req.resume();
      res.writeHead(200, { "content-type": "text/event-stream", "content-encoding": "gzip" });
      res.end(gzipSync(events));
    });
    const response = await post(url);
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(await response.text()).toBe(events);
  });

  it("notes the response id before the event that carries it reaches the client", async () => {
    const memory = createMemoryResponseOwnerStore();
    const order: string[] = [];
    const slowStore = {
      ...memory,
      async remember(...args: Parameters<typeof memory.remember>) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        order.push(`remembered ${args[0]}`);
        return memory.remember(...args);
      },
    };
    const url = await proxyFor(
      (req, res) => {
        req.resume();
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write(
          event({ type: "response.created", sequence_number: 0, response: { id: "resp_n1" } }),
        );
        res.end(event({ type: "response.completed", response: { id: "resp_n1" } }));
      },
      { responseOwnership: { store: slowStore } },
    );
    const response = await post(url);
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    order.push("client got the first bytes");
    expect(first).toContain("resp_n1");
    expect(order).toEqual(["remembered resp_n1", "client got the first bytes"]);
    await reader.cancel();
  });

  it("gives hooks a whole Request, and still reads the body after them", async () => {
    const seen: { method: string; path: string; agent: string | null }[] = [];
    let upstreamBody = "";
    const url = await proxyFor(
      (req, res) => {
        req.setEncoding("utf8");
        req.on("data", (chunk: string) => (upstreamBody += chunk));
        req.on("end", () => {
          res.writeHead(200, { "content-type": "text/event-stream" });
          res.end(event({ type: "response.completed", response: { id: "resp_h1" } }));
        });
      },
      {
        authorize: (request) => {
          seen.push({
            method: request.method,
            path: new URL(request.url).pathname,
            agent: request.headers.get("x-agent"),
          });
          return { userId: "u1" };
        },
      },
    );
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-agent": "test" },
      body: JSON.stringify({ model: "m", input: "after the hook", stream: true }),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("resp_h1");
    expect(seen).toEqual([{ method: "POST", path: "/api/openai/v1/responses", agent: "test" }]);
    expect(JSON.parse(upstreamBody)).toMatchObject({ input: "after the hook" });
  });

  it("refuses a body past the limit with 413, by its declared length and by what arrives", async () => {
    let reached = 0;
    const url = await proxyFor(
      (req, res) => {
        reached++;
        req.resume();
        res.end();
      },
      { maxBodyBytes: 1024 },
    );
    const big = { model: "m", input: "x".repeat(4096) };
    const declared = await post(url, big);
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: { code: string } }).error.code).toBe(
      "request_too_large",
    );
    // Streamed without a length: counted as it arrives.
    const bytes = new TextEncoder().encode(JSON.stringify(big));
    const chunked = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(bytes);
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(reached).toBe(0);
  });
});
