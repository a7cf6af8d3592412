import { createServer, type Server } from "node:http";
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCliArguments } from "../../src/server/cli/cli-arguments.js";
import { serve, type RunningServe } from "../../src/server/cli/serve-command.js";
import { createPlaygroundApi } from "../../playground/server/playground-api.js";
import { serveStaticFiles } from "../../src/server/cli/static-files.js";
import { seededRandom, sendRaw } from "./support/raw-http.js";

/**
 * The servers we ship under hostile bytes: `colloquy serve --emulator` (in process, through
 * the CLI's own serve function) and the playground server (proxy plus static files). Each
 * request goes over a raw socket so malformed requests reach the server as written. No
 * request may end the process; each server must still answer a normal request afterwards.
 */

let cli: RunningServe;
let cliPort: number;
let playground: Server;
let playgroundPort: number;
let secretOutside: string;

beforeAll(async () => {
  const command = parseCliArguments(["serve", "--port", "0", "--emulator", "--rate-limit", "0"]);
  if (command.command !== "serve") throw new Error("expected serve");
  cli = await serve(command.args, { env: {}, log: () => undefined, error: () => undefined });
  cliPort = Number(new URL(cli.url).port);

  const root = mkdtempSync(join(tmpdir(), "colloquy-static-"));
  const outside = mkdtempSync(join(tmpdir(), "colloquy-outside-"));
  secretOutside = join(outside, "secret.txt");
  writeFileSync(secretOutside, "outside-the-build-folder");
  writeFileSync(join(root, "index.html"), "<!doctype html><title>playground</title>");
  mkdirSync(join(root, "assets"));
  writeFileSync(join(root, "assets", "app.js"), "console.log(1)");
  symlinkSync(secretOutside, join(root, "assets", "linked.txt"));
  const api = createPlaygroundApi({ env: {}, pace: "instant", log: false });
  const serveApp = await serveStaticFiles(root, { singlePageApp: true });
  playground = createServer((req, res) => {
    api.handler(req, res, () => void serveApp(req, res));
  });
  await new Promise<void>((resolve) => playground.listen(0, "127.0.0.1", resolve));
  playgroundPort = (playground.address() as AddressInfo).port;
});

afterAll(async () => {
  await cli.close();
  playground.closeAllConnections();
  await new Promise<void>((resolve) => playground.close(() => resolve()));
});

const get = (port: number, target: string, host = `127.0.0.1:${port}`) =>
  sendRaw(port, `GET ${target} HTTP/1.1\r\nhost: ${host}\r\nconnection: close\r\n\r\n`);

async function stillAnswers(port: number): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${port}/api/openai/v1/models`);
  expect(response.status).toBe(200);
}

describe("a Host header that is not an authority", () => {
  for (const host of ["a b", "127.0.0.1:99999", "[::1", "x@evil", "a/b", "h:port"]) {
    it(`'${host}' gets 400 from colloquy serve, which keeps running`, async () => {
      const answer = await get(cliPort, "/api/openai/v1/models", host);
      expect(answer.status).toBe(400);
      await stillAnswers(cliPort);
    });
  }

  it("gets 400 from the playground server on any path, which keeps running", async () => {
    expect((await get(playgroundPort, "/", "a b")).status).toBe(400);
    expect((await get(playgroundPort, "/api/openai/v1/models", "[::1")).status).toBe(400);
    await stillAnswers(playgroundPort);
  });
});

describe("an absolute-form target with a broken URL", () => {
  it("gets 400 from colloquy serve and from the playground server", async () => {
    for (const port of [cliPort, playgroundPort]) {
      const answer = await get(port, "http://[::1/api/openai/v1/models");
      expect(answer.status).toBe(400);
      await stillAnswers(port);
    }
  });
});

describe("the playground's static files", () => {
  it("answer a malformed percent-escape with 400 instead of exiting", async () => {
    for (const target of ["/%E0%A4%A", "/%", "/assets/%zz.js"]) {
      expect((await get(playgroundPort, target)).status).toBe(400);
    }
    await stillAnswers(playgroundPort);
  });

  it("do not follow a symbolic link out of the build folder", async () => {
    const answer = await get(playgroundPort, "/assets/linked.txt");
    expect(answer.text).not.toContain("outside-the-build-folder");
  });

  it("carry x-content-type-options: nosniff", async () => {
    const response = await fetch(`http://127.0.0.1:${playgroundPort}/assets/app.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await response.text()).toBe("console.log(1)");
  });
});

const METHODS = ["GET", "POST", "PUT", "DELETE", "OPTIONS", "HEAD", "PATCH", "BREW", "G(T", ""];
const TARGETS = [
  "/",
  "/api/openai/v1/responses",
  "/api/openai/v1/chat/completions",
  "/api/openai/v1/responses/%E0%A4%A",
  "/api/openai/v1/responses/%zz/cancel",
  "/api/openai/v1/responses/resp_%00",
  "/api/openai/v1/files",
  "/api/openai/v1/models?%%%",
  "/api/openai/../../etc/passwd",
  "//evil.example/api/openai/v1/models",
  "http://[::1/x",
  "http://a b/",
  "http://127.0.0.1:99999/api/openai/v1/models",
  "*",
  "/%",
  "/assets/%2e%2e/%2e%2e/etc/passwd",
  "/\u00ff\u0001",
];
const HOSTS = ["127.0.0.1", "localhost:1", "a b", "[::1", "[::1]:8787", "", "x".repeat(300), "é"];
const HEADERS = [
  "content-type: application/json",
  "content-type: text/plain",
  "content-type: multipart/form-data; boundary=x",
  "content-length: 5",
  "content-length: -1",
  "content-length: 99999999999",
  "transfer-encoding: chunked",
  "origin: https://evil.example",
  "origin: null",
  "sec-fetch-site: cross-site",
  "x-forwarded-for: 1.2.3.4, 5.6.7.8",
  "x-forwarded-host: a b",
  "forwarded: host=[::1",
  "cookie: colloquy_session=%zz.%zz",
  "expect: 100-continue",
  "access-control-request-method: POST",
];
const BODIES = [
  "",
  "{",
  '{"model":"gpt-5-mini","input":"hi"}',
  '{"model":"gpt-5-mini","messages":[{"role":"user","content":"hi"}],"n":128}',
  '{"model":"a\\nb","input":"x"}',
  '{"__proto__":{"polluted":1},"model":"gpt-5-mini","input":"x"}',
  "[".repeat(5000) + "]".repeat(5000),
  '{"model":"gpt-5-mini","input":"x","previous_response_id":"resp_%zz"}',
  "\u0000\u00ff\ud800",
  "0\r\n\r\n",
  "zz\r\nnot-chunked\r\n",
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function randomBytes(random: () => number, length: number): string {
  let text = "";
  for (let i = 0; i < length; i++) text += String.fromCharCode(Math.floor(random() * 256));
  return text;
}

function randomRequest(random: () => number): Buffer {
  if (random() < 0.08)
    return Buffer.from(randomBytes(random, 1 + Math.floor(random() * 200)), "latin1");
  const lines = [`${pick(random, METHODS)} ${pick(random, TARGETS)} HTTP/1.1`];
  if (random() < 0.9) lines.push(`host: ${pick(random, HOSTS)}`);
  const count = Math.floor(random() * 4);
  for (let i = 0; i < count; i++) lines.push(pick(random, HEADERS));
  if (random() < 0.1) lines.push(`x-${randomBytes(random, 5)}: ${randomBytes(random, 20)}`);
  const body = random() < 0.1 ? randomBytes(random, 64) : pick(random, BODIES);
  if (!lines.some((line) => /^(content-length|transfer-encoding):/.test(line))) {
    lines.push(`content-length: ${Buffer.byteLength(body, "latin1")}`);
  }
  lines.push("connection: close");
  return Buffer.from(`${lines.join("\r\n")}\r\n\r\n${body}`, "latin1");
}

describe("random methods, targets, headers, bodies and escapes on raw sockets", () => {
  const COUNT = 600;
  const BUDGET_MS = 25_000;

  for (const which of ["colloquy serve --emulator", "the playground server"] as const) {
    it(`leave ${which} answering (${COUNT} requests at most, ${BUDGET_MS / 1000} s)`, async () => {
      const port = which === "the playground server" ? playgroundPort : cliPort;
      const random = seededRandom(0x5eed + (port === cliPort ? 1 : 2));
      const started = Date.now();
      const statuses = new Map<string, number>();
      let sent = 0;
      while (sent < COUNT && Date.now() - started < BUDGET_MS) {
        const batch = Array.from({ length: 10 }, () => sendRaw(port, randomRequest(random), 300));
        for (const answer of await Promise.all(batch)) {
          const key = answer.status === undefined ? "none" : `${String(answer.status)[0]}xx`;
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
          // A 500 is the server admitting a bug: every hostile input has a better answer.
          expect(answer.status, answer.text.slice(0, 300)).not.toBe(500);
        }
        sent += batch.length;
      }
      expect(sent).toBeGreaterThanOrEqual(100);
      await stillAnswers(port);
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).toBeLessThan(500);
    }, 60_000);
  }
});
