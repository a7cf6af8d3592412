import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseCliArguments } from "../../src/server/cli/cli-arguments.js";

const BIN = resolve(import.meta.dirname, "..", "..", "bin", "colloquy.js");
const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  }
});

/** Spawns the CLI and resolves with its first `count` stdout lines. */
function spawnCli(args: string[], env: Record<string, string | undefined>, count: number) {
  const cleanEnv = { ...process.env, ...env };
  for (const [name, value] of Object.entries(cleanEnv))
    if (value === undefined) delete cleanEnv[name];
  const child = spawn(process.execPath, [BIN, ...args], {
    env: cleanEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
  const lines: string[] = [];
  return new Promise<string[]>((resolveLines, reject) => {
    const reader = createInterface({ input: child.stdout! });
    reader.on("line", (line) => {
      lines.push(line);
      if (lines.length === count) resolveLines(lines);
    });
    child.once("exit", (code) =>
      reject(new Error(`colloquy exited (${code}) after ${JSON.stringify(lines)}: ${stderr}`)),
    );
  });
}

const noKey = { OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined, CI: undefined };

describe("colloquy serve", () => {
  it("uses the emulator without a key, says so first, and streams through the proxy", async () => {
    const [first, second] = await spawnCli(["serve", "--port", "0"], noKey, 2);
    expect(first).toMatch(
      /^colloquy: no OPENAI_API_KEY set, using the built-in emulator at http:\/\/127\.0\.0\.1:\d+\/emulator\/v1$/,
    );
    const url = /listening at (\S+)/.exec(second!)![1]!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/openai\/v1$/);
    const response = await fetch(`${url}/responses`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-5-mini", input: "Say hello", stream: true }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const text = await response.text();
    expect(text).toContain("event: response.created");
    expect(text).toContain("event: response.completed");
  });

  it("uses the emulator with --emulator even when a key is set, with a base path of choice", async () => {
    const [first, second] = await spawnCli(
      ["serve", "--emulator", "--port", "0", "--base-path", "/llm", "--allow-model", "gpt-4o-mini"],
      { ...noKey, OPENAI_API_KEY: "sk-cli-test-key-0123456789" },
      2,
    );
    expect(first).toMatch(/^colloquy: --emulator given, using the built-in emulator at /);
    const url = /listening at (\S+)/.exec(second!)![1]!;
    expect(url).toMatch(/\/llm\/v1$/);
    const refused = await fetch(`${url}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-5", messages: [{ role: "user", content: "hi" }] }),
    });
    expect(refused.status).toBe(400);
    const models = (await (await fetch(`${url}/models`)).json()) as { data: { id: string }[] };
    expect(models.data.map((m) => m.id)).toEqual(["gpt-4o-mini"]);
  });

  it("answers a name given by --allow-host, 421 for others, and its 403 names --allow-origin", async () => {
    const [, second] = await spawnCli(
      ["serve", "--port", "0", "--allow-host", "box.lan", "--allow-origin", "http://app.lan"],
      noKey,
      2,
    );
    const url = /listening at (\S+)/.exec(second!)![1]!;
    const { port } = new URL(url);
    const { request } = await import("node:http");
    const status = (host: string, origin?: string) =>
      new Promise<{ status: number; body: string }>((resolveStatus, reject) => {
        const req = request(
          `${url}/models`,
          { headers: { host: `${host}:${port}`, ...(origin ? { origin } : {}) } },
          (res) => {
            let body = "";
            res.on("data", (c: Buffer) => (body += c.toString()));
            res.on("end", () => resolveStatus({ status: res.statusCode!, body }));
          },
        );
        req.on("error", reject);
        req.end();
      });
    expect((await status("box.lan")).status).toBe(200);
    expect((await status("box.lan", "http://app.lan")).status).toBe(200);
    const rebound = await status("attacker.example");
    expect(rebound.status).toBe(421);
    expect(rebound.body).toContain("--allow-host attacker.example");
    const crossSite = await status("box.lan", "http://elsewhere.example");
    expect(crossSite.status).toBe(403);
    expect(crossSite.body).toContain("--allow-origin http://elsewhere.example");
  });

  it("documents every option in --help", async () => {
    const lines = await new Promise<string>((resolveText, reject) => {
      const child = spawn(process.execPath, [BIN, "--help"], { stdio: ["ignore", "pipe", "pipe"] });
      children.push(child);
      let out = "";
      child.stdout.on("data", (c: Buffer) => (out += c.toString()));
      child.once("exit", (code) =>
        code === 0 ? resolveText(out) : reject(new Error(`exit ${code}`)),
      );
    });
    for (const option of [
      "--port",
      "--host",
      "--base-path",
      "--allow-model",
      "--emulator",
      "--cors-origin",
      "--allow-origin",
      "--allow-host",
      "--body-limit",
      "--trust-proxy",
      "--max-output-tokens",
      "--rate-limit",
      "OPENAI_API_KEY",
      "OPENAI_BASE_URL",
    ]) {
      expect(lines).toContain(option);
    }
  });
});

describe("argument parsing", () => {
  it("reads repeated and valued options", () => {
    expect(
      parseCliArguments([
        "serve",
        "--port",
        "0",
        "--allow-model",
        "a",
        "--allow-model",
        "b*",
        "--host",
        "0.0.0.0",
      ]),
    ).toMatchObject({
      command: "serve",
      args: {
        port: 0,
        host: "0.0.0.0",
        allowModels: ["a", "b*"],
        basePath: "/api/openai",
        emulator: false,
      },
    });
  });

  it("reads the origin, host, body-limit and trust-proxy flags", () => {
    expect(
      parseCliArguments([
        "serve",
        "--allow-origin",
        "https://app.example",
        "--cors-origin",
        "https://old.example",
        "--allow-host",
        "box.lan",
        "--body-limit",
        "2097152",
        "--trust-proxy",
        "10.0.0.5",
      ]),
    ).toMatchObject({
      args: {
        corsOrigins: ["https://app.example", "https://old.example"],
        allowHosts: ["box.lan"],
        bodyLimit: 2_097_152,
        trustProxy: ["10.0.0.5"],
      },
    });
    expect(parseCliArguments(["serve"])).toMatchObject({
      args: { bodyLimit: undefined, trustProxy: false, allowHosts: [] },
    });
    expect(parseCliArguments(["serve", "--trust-proxy", "any"])).toMatchObject({
      args: { trustProxy: true },
    });
  });

  it.each([
    [["serve", "--body-limit", "10"], /--body-limit must be a whole number of at least 1024/],
    [["serve", "--port", "eighty"], /--port must be a whole number/],
    [["launch"], /Unknown command 'launch'/],
    [["serve", "--bogus"], /bogus/],
    [["serve", "--pace", "warp"], /--pace must be instant or realistic/],
  ])("refuses %j", (argv, message) => {
    expect(() => parseCliArguments(argv)).toThrow(message);
  });
});
