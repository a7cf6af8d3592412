import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNodeHttpFetch } from "../../src/server/node/node-http-fetch.js";

/** The proxy's upstream transport over node:http, against a real loopback server. */

let base = "";
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const body = Buffer.concat(chunks).toString();
    if (req.url === "/echo") {
      res.writeHead(201, { "content-type": "application/json", "x-request-id": "req_1" });
      res.end(JSON.stringify({ method: req.method, body, auth: req.headers.authorization }));
    } else if (req.url === "/gzip") {
      res.writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip" });
      res.end(gzipSync("unzipped text"));
    } else if (req.url === "/stream") {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: 1\n\n");
      // Held open until the client goes away.
    } else if (req.url === "/cut") {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: 1\n\n", () => res.destroy());
    }
  });
});
const fallback: typeof fetch = () => Promise.reject(new Error("fallback used"));
const send = createNodeHttpFetch(fallback);

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("the node:http upstream transport", () => {
  it("sends the credentials of a URL that has them as basic auth", async () => {
    const url = new URL(`${base}/echo`);
    url.username = "user";
    url.password = "p@ss word";
    const response = await send(url.href, { method: "POST", body: "{}" });
    const echoed = (await response.json()) as { auth: string };
    expect(echoed.auth).toBe(`Basic ${Buffer.from("user:p@ss word").toString("base64")}`);
  });

  it("sends method, headers and body, and returns status, headers and body", async () => {
    const response = await send(`${base}/echo`, {
      method: "POST",
      headers: { authorization: "Bearer k" },
      body: '{"a":1}',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-request-id")).toBe("req_1");
    expect(await response.json()).toEqual({ method: "POST", body: '{"a":1}', auth: "Bearer k" });
  });

  it("decodes a compressed answer", async () => {
    const response = await send(`${base}/gzip`);
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(await response.text()).toBe("unzipped text");
  });

  it("ends the body with an error when the upstream drops mid-stream", async () => {
    const response = await send(`${base}/cut`);
    await expect(response.text()).rejects.toThrow();
  });

  it("aborts a streaming answer when the signal fires", async () => {
    const controller = new AbortController();
    const response = await send(`${base}/stream`, { signal: controller.signal });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("data: 1\n\n");
    controller.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: "AbortError" });
  });

  it("rejects with fetch's TypeError when the upstream cannot be reached", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(send(`http://127.0.0.1:${port}/`)).rejects.toMatchObject({
      name: "TypeError",
      cause: { code: "ECONNREFUSED" },
    });
  });

  it("hands bodies it does not stream itself (uploads) to the fallback", async () => {
    await expect(send(`${base}/echo`, { method: "POST", body: new FormData() })).rejects.toThrow(
      "fallback used",
    );
  });
});
