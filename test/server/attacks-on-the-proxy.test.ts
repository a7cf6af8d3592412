import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenAIProxy, toNodeHandler } from "../../src/server/index.js";
import { createEmulatorHandler } from "../../src/testing/index.js";
import { serve, memoryLogger } from "./support/serve.js";

/**
 * Attacks on the proxy from outside, each named after what it tries: reading or continuing
 * another caller's conversation, passing the rate limit, calling from another site, DNS
 * rebinding, multiplying the output cap, forging log lines, crashing the parser.
 */

const KEY = "sk-attack-test-key-0123456789abcdef";
let server: Awaited<ReturnType<typeof serve>>;
let limited: Awaited<ReturnType<typeof serve>>;
let behindProxy: Awaited<ReturnType<typeof serve>>;
const logger = memoryLogger();

beforeAll(async () => {
  const emulator = createEmulatorHandler({ pace: "instant" });
  server = await serve(
    toNodeHandler(
      createOpenAIProxy({
        upstream: emulator,
        models: "all",
        logger,
        rateLimit: false,
        tools: { allow: ["code_interpreter"] },
      }),
    ),
  );
  limited = await serve(
    toNodeHandler(
      createOpenAIProxy({
        upstream: createEmulatorHandler({ pace: "instant" }),
        apiKey: KEY,
        models: "all",
        logger: false,
        rateLimit: { limit: 3, windowMs: 60_000 },
      }),
    ),
  );
  // A reverse proxy on loopback in front: the test's requests arrive from 127.0.0.1.
  behindProxy = await serve(
    toNodeHandler(
      createOpenAIProxy({
        upstream: createEmulatorHandler({ pace: "instant" }),
        apiKey: KEY,
        models: "all",
        logger: false,
        rateLimit: { limit: 3, windowMs: 60_000 },
        trustProxy: ["127.0.0.1"],
      }),
    ),
  );
});

afterAll(async () => {
  await server.close();
  await limited.close();
  await behindProxy.close();
});

const json = { "content-type": "application/json" };

/** A GET with a chosen Host header (fetch does not let one be set). */
function getWithHost(
  host: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, path: "/api/openai/v1/models", headers: { ...headers, host } },
      (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

async function create(base: string, headers: Record<string, string> = {}, extra: object = {}) {
  const response = await fetch(`${base}/api/openai/v1/responses`, {
    method: "POST",
    headers: { ...json, ...headers },
    body: JSON.stringify({ model: "gpt-5-mini", input: "hi", ...extra }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  const body = (await response.json()) as { id?: string; error?: { message: string } };
  return { status: response.status, id: body.id, cookie, body };
}

describe("identity without authorize", () => {
  it("a spoofed X-Forwarded-For cannot read another caller's response", async () => {
    const victim = await create(server.url, { "x-forwarded-for": "203.0.113.7" });
    expect(victim.status).toBe(200);
    const read = await fetch(`${server.url}/api/openai/v1/responses/${victim.id}`, {
      headers: { "x-forwarded-for": "203.0.113.7" },
    });
    expect(read.status).toBe(404);
    const own = await fetch(`${server.url}/api/openai/v1/responses/${victim.id}`, {
      headers: { cookie: victim.cookie! },
    });
    expect(own.status).toBe(200);
  });

  it("rotating X-Forwarded-For cannot pass a 3/min limit", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await fetch(`${limited.url}/api/openai/v1/models`, {
        headers: { "x-forwarded-for": `198.51.100.${i}` },
      });
      statuses.push(response.status);
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(3);
    expect(statuses.slice(3)).toEqual([429, 429, 429]);
  });

  it("behind a trusted proxy each client has its own count, and its own X-Forwarded-For entries change nothing", async () => {
    // The trusted proxy appends the address it saw; what the client wrote stays at the left.
    const send = (client: string, written: string) =>
      fetch(`${behindProxy.url}/api/openai/v1/models`, {
        headers: { "x-forwarded-for": `${written}, ${client}` },
      }).then((response) => response.status);
    const rotating: number[] = [];
    for (let i = 0; i < 6; i++) rotating.push(await send("192.0.2.10", `198.51.100.${i}`));
    expect(rotating).toEqual([200, 200, 200, 429, 429, 429]);
    // Another client behind the same proxy is counted on its own.
    expect(await send("192.0.2.11", "198.51.100.0")).toBe(200);
  });

  it("two cookie-less browsers behind one address are two owners", async () => {
    const first = await create(server.url);
    const second = await create(server.url);
    expect(first.cookie).toMatch(/^colloquy_session=/);
    expect(second.cookie).not.toBe(first.cookie);
    const crossRead = await fetch(`${server.url}/api/openai/v1/responses/${first.id}`, {
      headers: { cookie: second.cookie! },
    });
    expect(crossRead.status).toBe(404);
  });

  it("a forged session cookie is not a session", async () => {
    const victim = await create(server.url);
    const [, value] = victim.cookie!.split("=");
    const forged = `colloquy_session=${value!.split(".")[0]}.AAAA`;
    const read = await fetch(`${server.url}/api/openai/v1/responses/${victim.id}`, {
      headers: { cookie: forged },
    });
    expect(read.status).toBe(404);
  });
});

describe("ownership of every id a create names", () => {
  it("another caller's previous_response_id is refused with 404", async () => {
    const victim = await create(server.url);
    const attacker = await create(server.url);
    const attempt = await create(
      server.url,
      { cookie: attacker.cookie! },
      { previous_response_id: victim.id },
    );
    expect(attempt.status).toBe(404);
    expect(attempt.body.error?.message).toContain("previous_response_id");
    const owner = await create(
      server.url,
      { cookie: victim.cookie! },
      { previous_response_id: victim.id },
    );
    expect(owner.status).toBe(200);
  });

  it("a conversation, an item_reference, a file id and a container id are refused", async () => {
    const caller = await create(server.url);
    const cookie = { cookie: caller.cookie! };
    const attempts = [
      { conversation: "conv_victim" },
      { conversation: { id: "conv_victim" } },
      { input: [{ type: "item_reference", id: "msg_victim" }] },
      {
        input: [{ role: "user", content: [{ type: "input_file", file_id: "file-victim" }] }],
      },
      { tools: [{ type: "code_interpreter", container: "cntr_victim" }] },
      {
        tools: [
          { type: "code_interpreter", container: { type: "auto", file_ids: ["file-victim"] } },
        ],
      },
    ];
    for (const extra of attempts) {
      const attempt = await create(server.url, cookie, extra);
      expect(attempt.status, JSON.stringify(extra)).toBe(404);
    }
  });

  it("a file id in a Chat Completions message is refused", async () => {
    const response = await fetch(`${server.url}/api/openai/v1/chat/completions`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({
        model: "gpt-5-mini",
        messages: [{ role: "user", content: [{ type: "file", file: { file_id: "file-x" } }] }],
      }),
    });
    expect(response.status).toBe(404);
  });
});

describe("cross-site requests", () => {
  const post = (headers: Record<string, string>, body = '{"model":"gpt-5-mini","input":"x"}') =>
    fetch(`${server.url}/api/openai/v1/responses`, { method: "POST", headers, body });

  it("a blind text/plain form POST from another site is refused with 403", async () => {
    const response = await post({
      "content-type": "text/plain",
      origin: "https://evil.example",
      "sec-fetch-site": "cross-site",
      "sec-fetch-mode": "navigate",
    });
    expect(response.status).toBe(403);
    const { error } = (await response.json()) as { error: { message: string } };
    expect(error.message).toContain("cors.origins");
    expect(error.message).toContain("--allow-origin https://evil.example");
  });

  it("a no-cors fetch from another site without Origin is refused", async () => {
    const response = await post({ "sec-fetch-site": "cross-site", "sec-fetch-mode": "no-cors" });
    expect(response.status).toBe(403);
  });

  it("a same-origin page behind a dev proxy that rewrote Host is let through", async () => {
    const response = await post({
      ...json,
      origin: "http://localhost:5173",
      "sec-fetch-site": "same-origin",
      "sec-fetch-mode": "cors",
    });
    expect(response.status).toBe(200);
  });

  it("without Sec-Fetch-Site, Origin is compared with Host, not the URL", async () => {
    const port = new URL(server.url).port;
    const other = await post({ ...json, origin: `http://localhost:5173` });
    expect(other.status).toBe(403);
    const viaHost = await getWithHost(`localhost:${port}`, { origin: `http://localhost:${port}` });
    expect(viaHost.status).toBe(200);
  });

  it("DNS rebinding: an unknown Host on a loopback connection gets 421", async () => {
    const response = await getWithHost("rebound.evil.example:8787", {
      origin: "http://rebound.evil.example:8787",
      "sec-fetch-site": "same-origin",
    });
    expect(response.status).toBe(421);
    expect(response.body).toContain("allowedHosts");
  });
});

describe("policy that cannot be multiplied or forged", () => {
  const chat = (extra: object) =>
    fetch(`${server.url}/api/openai/v1/chat/completions`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({
        model: "gpt-5-mini",
        messages: [{ role: "user", content: "hi" }],
        ...extra,
      }),
    });

  it("n: 128 is refused; n within the cap shares the output-token cap", async () => {
    expect((await chat({ n: 128 })).status).toBe(400);
    expect((await chat({ n: 4 })).status).toBe(200);
  });

  it("a model with a newline cannot forge a log line", async () => {
    logger.lines.length = 0;
    await create(server.url, {}, { model: "gpt-5-mini\ncolloquy: GET /admin 200" });
    expect(logger.lines.some((line) => line.startsWith("colloquy: GET /admin"))).toBe(false);
    expect(logger.lines.join("\n")).toContain("\\n");
  });

  it("a 5,000-deep JSON body gets 400 with a clear message", async () => {
    const deep = `{"model":"gpt-5-mini","input":"x","text":{"x":${"[".repeat(5000)}${"]".repeat(5000)}}}`;
    const response = await fetch(`${server.url}/api/openai/v1/responses`, {
      method: "POST",
      headers: json,
      body: deep,
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { message: string } };
    expect(error.message).toMatch(/nested/);
  });

  it("a malformed percent-escape in a route id gets 400", async () => {
    const response = await fetch(`${server.url}/api/openai/v1/responses/%E0%A4%A`);
    expect(response.status).toBe(400);
  });
});
