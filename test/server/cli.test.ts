import { afterEach, describe, expect, it } from "vitest";
import { CLI_OPTIONS, parseCliArguments } from "../../src/server/cli/cli-arguments.js";
import {
  listeningUrl,
  noKey,
  spawnCli,
  spawnTracked,
  stopCliProcesses,
} from "./support/cli-process.js";
import { startFakeUpstream } from "./support/fake-upstream.js";

afterEach(stopCliProcesses);

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

  it("reads AZURE_OPENAI_* as npm start does: the request reaches Azure's deployment path with the api-key header", async () => {
    const azure = await startFakeUpstream();
    try {
      const endpoint = new URL(azure.url).origin;
      const key = "azure-cli-key-0123456789abcdef";
      const [first, second] = await spawnCli(
        ["serve", "--port", "0"],
        {
          ...noKey,
          AZURE_OPENAI_ENDPOINT: endpoint,
          AZURE_OPENAI_API_KEY: key,
          AZURE_OPENAI_API_VERSION: "2025-04-01-preview",
          AZURE_OPENAI_DEPLOYMENT: "team-mini",
        },
        2,
      );
      expect(first).toBe(
        `colloquy: using Azure OpenAI at ${endpoint}, deployment team-mini, api-version 2025-04-01-preview (the key stays on this server)`,
      );
      const response = await fetch(`${listeningUrl(second)}/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ model: "gpt-5-mini", messages: [{ role: "user", content: "hi" }] }),
      });
      await response.arrayBuffer();
      const hit = azure.hits.at(-1)!;
      expect(hit.path).toBe(
        "/openai/deployments/team-mini/chat/completions?api-version=2025-04-01-preview",
      );
      expect(hit.headers["api-key"]).toBe(key);
      expect(JSON.parse(hit.body).model).toBe("team-mini");
    } finally {
      await azure.close();
    }
  });

  it("names the OpenAI-compatible upstream it uses when OPENAI_BASE_URL is set", async () => {
    const upstream = await startFakeUpstream();
    try {
      const [first, second] = await spawnCli(
        ["serve", "--port", "0"],
        { ...noKey, OPENAI_BASE_URL: upstream.url, OPENAI_API_KEY: "sk-cli-base-url-0123456789" },
        2,
      );
      expect(first).toBe(`colloquy: using ${upstream.url} (the key stays on this server)`);
      const response = await fetch(`${listeningUrl(second)}/responses`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ model: "gpt-5-mini", input: "hi" }),
      });
      expect(response.status).toBe(200);
      expect(upstream.hits.at(-1)!.headers.authorization).toBe("Bearer sk-cli-base-url-0123456789");
    } finally {
      await upstream.close();
    }
  });

  it("refuses code_interpreter and MCP tools without --allow-tool / --allow-mcp-server, and forwards them with the flags", async () => {
    const mcpServer = "https://mcp.example.com/mcp";
    const post = (url: string, tools: unknown[]) =>
      fetch(`${url}/responses`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ model: "gpt-5-mini", input: "Say hello", tools }),
      });
    const codeInterpreter = { type: "code_interpreter", container: { type: "auto" } };
    const mcp = {
      type: "mcp",
      server_label: "docs",
      server_url: mcpServer,
      require_approval: "never",
    };
    const [, plainLine] = await spawnCli(["serve", "--port", "0"], noKey, 2);
    const plain = listeningUrl(plainLine);
    const refusedCode = await post(plain, [codeInterpreter]);
    expect(refusedCode.status).toBe(400);
    expect(await refusedCode.json()).toMatchObject({ error: { code: "tool_not_allowed" } });
    expect((await post(plain, [mcp])).status).toBe(400);

    const [, allowedLine] = await spawnCli(
      ["serve", "--port", "0", "--allow-tool", "code_interpreter", "--allow-tool", "mcp"],
      noKey,
      2,
    );
    const toolsOnly = listeningUrl(allowedLine);
    expect((await post(toolsOnly, [codeInterpreter])).status).toBe(200);
    // mcp allowed as a type, but its server still has to be named.
    const unlistedServer = await post(toolsOnly, [mcp]);
    expect(unlistedServer.status).toBe(400);
    expect(await unlistedServer.json()).toMatchObject({
      error: { code: "mcp_server_not_allowed" },
    });

    const [, serverLine] = await spawnCli(
      ["serve", "--port", "0", "--allow-tool", "mcp", "--allow-mcp-server", mcpServer],
      noKey,
      2,
    );
    expect((await post(listeningUrl(serverLine), [mcp])).status).toBe(200);
  });

  it("documents every option in --help", async () => {
    const lines = await new Promise<string>((resolveText, reject) => {
      const child = spawnTracked(["--help"], {});
      let out = "";
      child.stdout.on("data", (c: Buffer) => (out += c.toString()));
      child.once("exit", (code) =>
        code === 0 ? resolveText(out) : reject(new Error(`exit ${code}`)),
      );
    });
    // Every option the parser takes, so a new flag cannot go undocumented.
    for (const option of [
      ...Object.keys(CLI_OPTIONS).map((name) => `--${name}`),
      "OPENAI_API_KEY",
      "OPENAI_BASE_URL",
      "OPENAI_ORG_ID",
      "OPENAI_PROJECT_ID",
      "AZURE_OPENAI_API_KEY",
      "AZURE_OPENAI_ENDPOINT",
      "AZURE_OPENAI_API_VERSION",
      "AZURE_OPENAI_DEPLOYMENT",
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

  it("reads repeated --allow-tool and --allow-mcp-server", () => {
    expect(
      parseCliArguments([
        "serve",
        "--allow-tool",
        "code_interpreter",
        "--allow-tool",
        "mcp",
        "--allow-mcp-server",
        "https://mcp.example.com/mcp",
      ]),
    ).toMatchObject({
      args: {
        allowTools: ["code_interpreter", "mcp"],
        allowMcpServers: ["https://mcp.example.com/mcp"],
      },
    });
  });

  it.each([
    [
      ["serve", "--allow-mcp-server", "mcp.example.com"],
      /--allow-mcp-server must be the server's URL/,
    ],
    [["serve", "--body-limit", "10"], /--body-limit must be a whole number of at least 1024/],
    [["serve", "--port", "eighty"], /--port must be a whole number/],
    [["launch"], /Unknown command 'launch'/],
    [["serve", "--bogus"], /bogus/],
    [["serve", "--pace", "warp"], /--pace must be instant or realistic/],
  ])("refuses %j", (argv, message) => {
    expect(() => parseCliArguments(argv)).toThrow(message);
  });
});
