import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  freePort,
  listeningUrl,
  noKey,
  runCliToExit,
  spawnCli,
  stopCliProcesses,
} from "./support/cli-process.js";
import { startFakeUpstream, type FakeUpstream } from "./support/fake-upstream.js";

/**
 * Every flag and environment variable `colloquy --help` and the README document, each shown
 * to change what a running `colloquy serve` does (cli.test.ts holds the first ones: the
 * emulator fallback, --emulator, --base-path, --allow-model on the emulator, --allow-host,
 * --allow-origin, the AZURE_OPENAI_* resource endpoint, OPENAI_BASE_URL with a key,
 * --allow-tool and --allow-mcp-server, --help).
 */

const upstreams: FakeUpstream[] = [];
afterEach(async () => {
  await stopCliProcesses();
  for (const upstream of upstreams.splice(0)) await upstream.close();
});

async function stub(): Promise<FakeUpstream> {
  const upstream = await startFakeUpstream();
  upstreams.push(upstream);
  return upstream;
}

/** Starts `colloquy serve` with `flags` and resolves with the proxy URL it prints. */
async function serve(flags: string[], env: Record<string, string | undefined> = noKey) {
  const [, second] = await spawnCli(["serve", "--port", "0", ...flags], env, 2);
  return listeningUrl(second);
}

const postResponses = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/responses`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

/** The statuses of `count` requests made one after another. */
async function statuses(count: number, send: (index: number) => Promise<Response>) {
  const seen: number[] = [];
  for (let index = 0; index < count; index++) {
    const response = await send(index);
    await response.arrayBuffer();
    seen.push(response.status);
  }
  return seen;
}

describe("colloquy serve flags", () => {
  it("--port listens on the port given", async () => {
    const port = await freePort();
    const [, second] = await spawnCli(["serve", "--port", String(port)], noKey, 2);
    expect(listeningUrl(second)).toBe(`http://127.0.0.1:${port}/api/openai/v1`);
    expect((await fetch(`http://127.0.0.1:${port}/api/openai/v1/models`)).status).toBe(200);
  });

  it("--host listens on that interface only", async () => {
    const url = await serve(["--host", "127.0.0.2"]);
    const { port } = new URL(url);
    expect(url).toBe(`http://127.0.0.2:${port}/api/openai/v1`);
    expect((await fetch(`${url}/models`)).status).toBe(200);
    await expect(fetch(`http://127.0.0.1:${port}/api/openai/v1/models`)).rejects.toThrow();
  });

  it("--pace realistic spaces the emulator's events out; the default sends them at once", async () => {
    const timed = async (url: string) => {
      const started = performance.now();
      const body = await (
        await postResponses(url, { model: "gpt-5-mini", input: "Say hello", stream: true })
      ).text();
      const events = [...body.matchAll(/^event: (\S+)$/gm)].map((match) => match[1]!);
      return { elapsed: performance.now() - started, events };
    };
    const realistic = await timed(await serve(["--pace", "realistic"]));
    // Realistic waits at least 12 ms before each delta and 40 ms before every other event.
    const deltas = realistic.events.filter((type) => type.endsWith(".delta")).length;
    const floor = deltas * 12 + (realistic.events.length - deltas) * 40;
    expect(realistic.events.length).toBeGreaterThan(4);
    expect(realistic.elapsed).toBeGreaterThanOrEqual(floor);
    const instant = await timed(await serve([]));
    expect(instant.events).toEqual(realistic.events);
    expect(instant.elapsed).toBeLessThan(floor);
  });

  it("--cors-origin (the older name of --allow-origin) answers that origin's preflight", async () => {
    const preflight = (url: string) =>
      fetch(`${url}/responses`, {
        method: "OPTIONS",
        headers: {
          origin: "http://app.lan",
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type",
        },
      });
    const allowed = await preflight(await serve(["--cors-origin", "http://app.lan"]));
    expect(allowed.headers.get("access-control-allow-origin")).toBe("http://app.lan");
    const plain = await preflight(await serve([]));
    expect(plain.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("--body-limit refuses a body past it with 413; the default takes it", async () => {
    const body = { model: "gpt-5-mini", input: "x".repeat(4096) };
    const limited = await postResponses(await serve(["--body-limit", "2048"]), body);
    expect(limited.status).toBe(413);
    expect((await postResponses(await serve([]), body)).status).toBe(200);
  });

  it("--rate-limit sets the requests per minute, 0 turns the limit off", async () => {
    const models = (url: string) => () => postResponses(url, { model: "gpt-5-mini", input: "hi" });
    expect(await statuses(3, models(await serve(["--rate-limit", "2"])))).toEqual([200, 200, 429]);
    const unlimited = await statuses(61, models(await serve(["--rate-limit", "0"])));
    expect(unlimited.every((status) => status === 200)).toBe(true);
    // The default is 60 a minute.
    expect((await statuses(61, models(await serve([])))).at(-1)).toBe(429);
  });

  it("--trust-proxy counts clients by the forwarded address of that proxy only", async () => {
    const fromClient = (url: string) => (index: number) =>
      postResponses(
        url,
        { model: "gpt-5-mini", input: "hi" },
        { "x-forwarded-for": `203.0.113.${index + 1}` },
      );
    const trusted = await serve(["--rate-limit", "1", "--trust-proxy", "127.0.0.1"]);
    expect(await statuses(2, fromClient(trusted))).toEqual([200, 200]);
    // Without it the header is ignored: both requests are the one loopback client.
    const untrusted = await serve(["--rate-limit", "1"]);
    expect(await statuses(2, fromClient(untrusted))).toEqual([200, 429]);
  });

  it("--max-output-tokens is the cap the upstream receives", async () => {
    const upstream = await stub();
    const env = {
      ...noKey,
      OPENAI_BASE_URL: upstream.url,
      OPENAI_API_KEY: "sk-cli-cap-0123456789",
    };
    const capped = await serve(["--max-output-tokens", "100"], env);
    await (await postResponses(capped, { model: "gpt-5-mini", input: "hi" })).arrayBuffer();
    expect(JSON.parse(upstream.hits.at(-1)!.body)).toMatchObject({ max_output_tokens: 100 });
    const plain = await serve([], env);
    await (await postResponses(plain, { model: "gpt-5-mini", input: "hi" })).arrayBuffer();
    expect(JSON.parse(upstream.hits.at(-1)!.body)).toMatchObject({ max_output_tokens: 16384 });
  });

  it("--allow-model widens the default allowlist of a real upstream", async () => {
    const upstream = await stub();
    const env = { ...noKey, OPENAI_BASE_URL: upstream.url, OPENAI_API_KEY: "sk-cli-model-0123456" };
    const refused = await postResponses(await serve([], env), { model: "gpt-5", input: "hi" });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: "model_not_allowed" } });
    expect(upstream.hits).toEqual([]);
    const widened = await serve(["--allow-model", "gpt-5"], env);
    expect((await postResponses(widened, { model: "gpt-5", input: "hi" })).status).toBe(200);
    expect(JSON.parse(upstream.hits.at(-1)!.body)).toMatchObject({ model: "gpt-5" });
  });

  it("--static serves the folder's pages at /; without it / is not served", async () => {
    const site = mkdtempSync(join(tmpdir(), "colloquy-cli-static-"));
    writeFileSync(join(site, "index.html"), "<!doctype html><title>cli static page</title>");
    const withPages = new URL(await serve(["--static", site])).origin;
    const page = await fetch(`${withPages}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("cli static page");
    const plain = new URL(await serve([])).origin;
    expect((await fetch(`${plain}/`)).status).toBe(404);
  });
});

describe("colloquy serve environment", () => {
  it("OPENAI_API_KEY alone: api.openai.com is the upstream, not the emulator", async () => {
    const [first, second] = await spawnCli(
      ["serve", "--port", "0"],
      { ...noKey, OPENAI_API_KEY: "sk-cli-only-key-0123456789" },
      2,
    );
    expect(first).toBe("colloquy: using https://api.openai.com/v1 (the key stays on this server)");
    const origin = new URL(listeningUrl(second)).origin;
    expect((await fetch(`${origin}/emulator/v1/models`)).status).toBe(404);
  });

  it("OPENAI_BASE_URL alone (a keyless local server) receives the requests", async () => {
    const upstream = await stub();
    const url = await serve([], { ...noKey, OPENAI_BASE_URL: upstream.url });
    expect((await postResponses(url, { model: "gpt-5-mini", input: "hi" })).status).toBe(200);
    expect(upstream.hits.at(-1)!.path).toBe("/v1/responses");
  });

  it("OPENAI_ORG_ID and OPENAI_PROJECT_ID are sent upstream", async () => {
    const upstream = await stub();
    const url = await serve([], {
      ...noKey,
      OPENAI_BASE_URL: upstream.url,
      OPENAI_API_KEY: "sk-cli-org-0123456789",
      OPENAI_ORG_ID: "org-cli-test",
      OPENAI_PROJECT_ID: "proj_cli_test",
    });
    await (await postResponses(url, { model: "gpt-5-mini", input: "hi" })).arrayBuffer();
    expect(upstream.hits.at(-1)!.headers).toMatchObject({
      "openai-organization": "org-cli-test",
      "openai-project": "proj_cli_test",
    });
  });

  it("AZURE_OPENAI_ENDPOINT as the v1 endpoint: requests go to /openai/v1 with the api-key header", async () => {
    const azure = await stub();
    const endpoint = `${new URL(azure.url).origin}/openai/v1/`;
    const key = "azure-cli-v1-key-0123456789abcdef";
    const [first, second] = await spawnCli(
      ["serve", "--port", "0"],
      { ...noKey, AZURE_OPENAI_ENDPOINT: endpoint, AZURE_OPENAI_API_KEY: key },
      2,
    );
    expect(first).toBe(
      `colloquy: using Azure OpenAI at ${endpoint} (the key stays on this server)`,
    );
    const response = await fetch(`${listeningUrl(second)}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-5-mini", messages: [{ role: "user", content: "hi" }] }),
    });
    await response.arrayBuffer();
    const hit = azure.hits.at(-1)!;
    expect(hit.path).toBe("/openai/v1/chat/completions");
    expect(hit.headers["api-key"]).toBe(key);
    expect(JSON.parse(hit.body).model).toBe("gpt-5-mini");
  });

  it("AZURE_OPENAI_ENDPOINT as a resource endpoint without AZURE_OPENAI_API_VERSION stops with what to set", async () => {
    const { code, stderr } = await runCliToExit(["serve", "--port", "0"], {
      ...noKey,
      AZURE_OPENAI_ENDPOINT: "http://127.0.0.1:9/",
      AZURE_OPENAI_API_KEY: "azure-cli-key-0123456789abcdef",
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/apiVersion|AZURE_OPENAI_API_VERSION/);
  });
});
