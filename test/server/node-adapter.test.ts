import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenAIProxy, toNodeHandler, type NodeHandler } from "../../src/server/index.js";
import { startFakeUpstream, type FakeUpstream } from "./support/fake-upstream.js";

type Middleware = (
  req: IncomingMessage & { body?: unknown; originalUrl?: string },
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/** The smallest Connect/Express-like app: middlewares in order, each passing on with next(). */
function miniApp(middlewares: Middleware[]) {
  return (req: IncomingMessage, res: ServerResponse) => {
    let index = 0;
    const next = (error?: unknown) => {
      if (error) {
        res.statusCode = 500;
        res.end(`app error: ${String(error)}`);
        return;
      }
      const middleware = middlewares[index++];
      if (!middleware) {
        res.statusCode = 404;
        res.end("app: not found");
        return;
      }
      middleware(req, res, next);
    };
    next();
  };
}

/** Like express.json(): parses JSON bodies onto req.body and consumes the stream. */
const jsonBodyParser: Middleware = (req, _res, next) => {
  if (!(req.headers["content-type"] ?? "").includes("application/json")) return next();
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    req.body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    next();
  });
};

let upstream: FakeUpstream;
let app: { url: string; close: () => Promise<void> };
let proxyNode: NodeHandler;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  proxyNode = toNodeHandler(
    createOpenAIProxy({
      apiKey: "sk-adapter-test-key-123456",
      baseURL: upstream.url,
      models: "all",
      logger: false,
    }),
  );
  const server = createServer(
    miniApp([
      jsonBodyParser,
      (req, res, next) => proxyNode(req, res, next),
      (req, res) => {
        res.setHeader("content-type", "text/plain");
        res.end(`app handled ${req.method} ${req.url}`);
      },
    ]),
  );
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  app = {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
});

afterAll(async () => {
  await app.close();
  await upstream.close();
});

describe("toNodeHandler in a Connect/Express-style chain", () => {
  it("calls next for paths outside the base path", async () => {
    const response = await fetch(`${app.url}/health`);
    expect(await response.text()).toBe("app handled GET /health");
  });

  it("uses a body that a JSON parser already consumed", async () => {
    const response = await fetch(`${app.url}/api/openai/v1/responses`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "m", input: "parsed first" }),
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(upstream.hits.at(-1)!.body)).toMatchObject({
      model: "m",
      input: "parsed first",
    });
  });

  it("streams through the chain", async () => {
    const response = await fetch(`${app.url}/api/openai/v1/responses`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "m", input: "hi", stream: true }),
    });
    expect(await response.text()).toBe(upstream.lastStreamBody());
  });

  it("answers routes it does not know under the base path with OpenAI's 404", async () => {
    const response = await fetch(`${app.url}/api/openai/v1/assistants`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      "unknown_route",
    );
  });
});

describe("toNodeHandler with plain node:http", () => {
  it("serves every path itself when there is no next", async () => {
    const server = createServer(
      toNodeHandler(
        createOpenAIProxy({
          apiKey: "sk-adapter-test-key-123456",
          baseURL: upstream.url,
          models: "all",
          logger: false,
          basePath: "/",
        }),
      ),
    );
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    const models = await fetch(`http://127.0.0.1:${port}/v1/models`);
    expect(models.status).toBe(200);
    const missing = await fetch(`http://127.0.0.1:${port}/elsewhere`);
    expect(missing.status).toBe(404);
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it("respects backpressure: a paused reader stops the producer, and gets every byte later", async () => {
    const big = "x".repeat(64 * 1024);
    const chunks = 256;
    let pulled = 0;
    const server = createServer(
      toNodeHandler(async () => {
        return new Response(
          new ReadableStream<Uint8Array>(
            {
              pull(controller) {
                if (pulled === chunks) controller.close();
                else {
                  pulled++;
                  controller.enqueue(new TextEncoder().encode(big));
                }
              },
            },
            { highWaterMark: 0 },
          ),
          { headers: { "content-type": "text/plain" } },
        );
      }),
    );
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`);
    const reader = response.body!.getReader();
    let total = (await reader.read()).value!.byteLength;
    // Paused: the socket fills, writes report backpressure, and the adapter stops pulling.
    await new Promise((r) => setTimeout(r, 300));
    expect(pulled).toBeLessThan(chunks);
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      total += value.byteLength;
    }
    expect(total).toBe(big.length * chunks);
    expect(pulled).toBe(chunks);
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });
  it("delivers what arrived before an upstream failure, then ends the response as broken", async () => {
    const events = Array.from({ length: 10 }, (_, i) => `data: {"n":${i}}\n\n`);
    const server = createServer(
      toNodeHandler(async () => {
        // Ten chunks back to back, then a failure: the writes are still buffered when it hits.
        let sent = 0;
        return new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              const event = events[sent++];
              if (event) controller.enqueue(new TextEncoder().encode(event));
              else controller.error(new Error("upstream reset"));
            },
          }),
          { headers: { "content-type": "text/event-stream" } },
        );
      }),
    );
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = "";
    let failure: unknown;
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        received += decoder.decode(value, { stream: true });
      }
    } catch (error) {
      failure = error;
    }
    expect(received).toBe(events.join(""));
    // A clean end would pass a truncated answer off as whole.
    expect(failure).toBeInstanceOf(Error);
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });
});
