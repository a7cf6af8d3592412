import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenAIProxy, toNodeHandler } from "../../src/server/index.js";
import { serve } from "./support/serve.js";

/**
 * A hostile (or broken) upstream echoes the proxy's key back in every place an answer has
 * (a relayed header, a 200 JSON body, an SSE stream cut into tiny pieces, an in-band error
 * event, an error body), in every encoding (as written, other letter case, base64 at each
 * alignment, base64url, hex, `\u` escapes whole and mixed, percent escapes), through both
 * upstream paths (the direct generation path and the openai client's, for /models) and both
 * adapters (the fetch handler and node:http with its native stream relay). Not one byte of
 * the key may reach the client in any of them.
 */

const KEY = "sk-proj-Leak7Test_0123456789abcdefGHIJ-klmnopQRSTuvwx";

const hex = (text: string) => Buffer.from(text).toString("hex");
const escapeAll = (text: string) =>
  [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");

/** Each form the key is echoed in, as it appears in the bytes the upstream sends. */
const FORMS: Record<string, string> = {
  "as written": KEY,
  "upper case": KEY.toUpperCase(),
  "alternating case": [...KEY].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join(""),
  "base64 (aligned)": Buffer.from(KEY).toString("base64"),
  "base64 (after 1 byte)": Buffer.from(`x${KEY}`).toString("base64"),
  "base64 (after 2 bytes)": Buffer.from(`xy${KEY}`).toString("base64"),
  "base64 (in the bearer header)": Buffer.from(`Authorization: Bearer ${KEY}`).toString("base64"),
  base64url: Buffer.from(`?${KEY}>`).toString("base64url"),
  hex: hex(KEY),
  "HEX upper case": hex(KEY).toUpperCase(),
  "\\u escapes": escapeAll(KEY),
  "\\u escapes, every other character": [...KEY].map((c, i) => (i % 2 ? escapeAll(c) : c)).join(""),
  "\\u escapes, upper-case hex": escapeAll(KEY).replace(/[a-f]/g, (c) => c.toUpperCase()),
  "percent escapes": [...KEY]
    .map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`)
    .join(""),
  "URL-encoded": encodeURIComponent(KEY),
};

type Place = "header" | "json" | "stream" | "error-event" | "error-body" | "models";

/** Writes `text` a few bytes at a time, so the key is split across many chunks. */
async function writeInPieces(res: ServerResponse, text: string): Promise<void> {
  for (let i = 0; i < text.length; i += 7) {
    res.write(text.slice(i, i + 7));
    await new Promise((resolve) => setImmediate(resolve));
  }
  res.end();
}

let upstream: Server;
let upstreamUrl: string;
const proxies: { name: string; url: string; close: () => Promise<void> }[] = [];

beforeAll(async () => {
  upstream = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      // The test names the place and the form in the model (or, for /models, the header).
      const spec = req.url?.startsWith("/v1/models")
        ? upstreamSpec
        : (JSON.parse(body || "{}") as { model?: string }).model;
      const [place, formName] = (spec ?? "").split("|") as [Place, string];
      const form = FORMS[formName] ?? "";
      const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(value).replace("@FORM@", form));
      };
      if (place === "header") {
        return json(
          200,
          { id: "resp_h", object: "response", output: [] },
          { "x-request-id": form },
        );
      }
      if (place === "json") {
        return res
          .writeHead(200, { "content-type": "application/json" })
          .end(`{"id":"resp_j","object":"response","output_text":"echo: ${form} end"}`);
      }
      if (place === "error-body" || place === "models") {
        return json(401, { error: { message: `Incorrect API key provided: @FORM@.` } });
      }
      res.writeHead(200, { "content-type": "text/event-stream" });
      const created = `event: response.created\ndata: {"type":"response.created","sequence_number":0,"response":{"id":"resp_s","status":"in_progress","output":[]}}\n\n`;
      if (place === "error-event") {
        void writeInPieces(
          res,
          `${created}event: error\ndata: {"type":"error","message":"bad key ${form}","sequence_number":1}\n\n`,
        );
        return;
      }
      void writeInPieces(
        res,
        `${created}event: response.output_text.delta\ndata: {"type":"response.output_text.delta","delta":"the key is ${form}!","sequence_number":1}\n\n` +
          `event: response.completed\ndata: {"type":"response.completed","sequence_number":2,"response":{"id":"resp_s","status":"completed","output":[]}}\n\n`,
      );
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`;
  const options = {
    apiKey: KEY,
    baseURL: upstreamUrl,
    models: "all" as const,
    logger: false as const,
    rateLimit: false as const,
  };
  const node = await serve(toNodeHandler(createOpenAIProxy(options)));
  proxies.push({ name: "node:http", ...node });
  const handler = createOpenAIProxy(options);
  const web = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new Request(`http://127.0.0.1${req.url}`, {
      method: req.method!,
      headers: { "content-type": "application/json" },
      ...(req.method === "POST" ? { body: Buffer.concat(chunks) } : {}),
    });
    const response = await handler(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => web.listen(0, "127.0.0.1", resolve));
  proxies.push({
    name: "fetch handler",
    url: `http://127.0.0.1:${(web.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => web.close(() => resolve())),
  });
});

afterAll(async () => {
  for (const proxy of proxies) await proxy.close();
  upstream.closeAllConnections();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
});

/** What /models is told to echo (the openai client's path carries no model to name it). */
let upstreamSpec = "";

/** Everything the client received: status line, every header, every body byte. */
async function received(base: string, place: Place, form: string): Promise<string> {
  const spec = `${place}|${form}`;
  let response: Response;
  if (place === "models") {
    upstreamSpec = spec;
    response = await fetch(`${base}/api/openai/v1/models`);
  } else {
    response = await fetch(`${base}/api/openai/v1/responses`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        model: spec,
        input: "hi",
        stream: place === "stream" || place === "error-event",
      }),
    });
  }
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join("\n");
  return `${response.status}\n${headers}\n\n${await response.text()}`;
}

/** True when `text` holds the key in the given form or as written in any case. */
function leaks(text: string, form: string): boolean {
  const lower = text.toLowerCase();
  return text.includes(form) || lower.includes(KEY.toLowerCase()) || lower.includes(hex(KEY));
}

const PLACES: Place[] = ["header", "json", "stream", "error-event", "error-body", "models"];

describe.each(["node:http", "fetch handler"])("the key echoed by the upstream (%s)", (name) => {
  it.each(PLACES)("never leaves in %s, in any encoding", async (place) => {
    const base = proxies.find((proxy) => proxy.name === name)!.url;
    const leaked: string[] = [];
    for (const [formName, form] of Object.entries(FORMS)) {
      const text = await received(base, place, formName);
      // The answer still arrives, with the key cut out.
      expect(text, `${place} / ${formName}`).toContain("[redacted]");
      if (leaks(text, form)) leaked.push(formName);
    }
    expect(leaked).toEqual([]);
  });
});
