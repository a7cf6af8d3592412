import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenAIProxy, toNodeHandler } from "../../src/server/index.js";
import { serve } from "./support/serve.js";

/**
 * An upstream that answers with a body of 300 MB: an error (on the direct generation path
 * and on the openai client's path), and a successful JSON answer the proxy reads whole to
 * note its id. The proxy must answer with a clear error after reading a bounded part of it,
 * and its memory must stay far below the body's size.
 */

const HUGE = 300 * 1024 * 1024;
const PIECE = Buffer.alloc(64 * 1024, "x");

/** Writes `HUGE` bytes after `head`, as fast as the reader takes them, until it goes away. */
function sendHuge(res: ServerResponse, status: number, head: string): void {
  res.writeHead(status, { "content-type": "application/json", "content-length": String(HUGE) });
  res.write(head);
  let sent = head.length;
  const more = () => {
    while (sent < HUGE && !res.destroyed) {
      sent += PIECE.byteLength;
      if (!res.write(PIECE)) return void res.once("drain", more);
    }
    res.end();
  };
  res.on("error", () => undefined);
  more();
}

let upstream: Server;
let proxy: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const model = req.url?.startsWith("/v1/models")
        ? "error"
        : (JSON.parse(body) as { model: string }).model;
      if (model === "success") sendHuge(res, 200, '{"id":"resp_huge","output_text":"');
      else sendHuge(res, 500, '{"error":{"message":"');
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  const { port } = upstream.address() as AddressInfo;
  proxy = await serve(
    toNodeHandler(
      createOpenAIProxy({
        apiKey: "sk-huge-body-test-0123456789",
        baseURL: `http://127.0.0.1:${port}/v1`,
        models: "all",
        logger: false,
        rateLimit: false,
      }),
    ),
  );
});

afterAll(async () => {
  await proxy.close();
  upstream.closeAllConnections();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
});

/** The request's answer, and the most memory (heap + buffers) above the start while it ran. */
async function measured(send: () => Promise<Response>) {
  const used = () => {
    const memory = process.memoryUsage();
    return memory.heapUsed + memory.arrayBuffers;
  };
  const start = used();
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, used())), 2);
  try {
    const response = await send();
    const body = (await response.json()) as { error: { message: string; code: string } };
    peak = Math.max(peak, used());
    return { status: response.status, body, growthMB: (peak - start) / (1024 * 1024) };
  } finally {
    clearInterval(timer);
  }
}

const post = (model: string) =>
  fetch(`${proxy.url}/api/openai/v1/responses`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model, input: "hi" }),
  });

describe("a 300 MB upstream body", () => {
  it("as an error on the generation path: the status kept, a clear message, bounded memory", async () => {
    const { status, body, growthMB } = await measured(() => post("error"));
    expect(status).toBe(500);
    expect(body.error.code).toBe("upstream_error_too_large");
    expect(body.error.message).toMatch(/error body larger than 1 MB/);
    expect(growthMB).toBeLessThan(64);
  });

  it("as an error through the openai client (/models): bounded memory", async () => {
    const { status, body, growthMB } = await measured(() =>
      fetch(`${proxy.url}/api/openai/v1/models`),
    );
    expect(status).toBe(500);
    expect(body.error.message).toMatch(/error body larger than 1 MB/);
    expect(growthMB).toBeLessThan(64);
  });

  it("as a success the proxy reads to note its id: 502 after 64 MB, not the whole body", async () => {
    const { status, body, growthMB } = await measured(() => post("success"));
    expect(status).toBe(502);
    expect(body.error.code).toBe("upstream_answer_too_large");
    expect(growthMB).toBeLessThan(64 * 3);
  });
});
