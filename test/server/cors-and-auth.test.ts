import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenAIProxy, toNodeHandler } from "../../src/server/index.js";
import { startFakeUpstream, type FakeUpstream } from "./support/fake-upstream.js";
import { serve } from "./support/serve.js";

let upstream: FakeUpstream;
let proxy: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  proxy = await serve(
    toNodeHandler(
      createOpenAIProxy({
        apiKey: "sk-cors-test-key-0123456789",
        baseURL: upstream.url,
        logger: false,
        cors: { origins: ["https://app.example"] },
        tools: { allow: ["mcp", "code_interpreter"], mcpServers: ["https://mcp.example/sse"] },
        authorize: async (request) =>
          (request.headers.get("authorization") ?? "") === "Bearer good" ? { userId: "u1" } : null,
      }),
    ),
  );
});

afterAll(async () => {
  await proxy.close();
  await upstream.close();
});

const body = (extra: object = {}) => JSON.stringify({ model: "gpt-5-mini", input: "hi", ...extra });

describe("CORS", () => {
  it("answers a preflight from an allowed origin", async () => {
    const response = await fetch(`${proxy.url}/api/openai/v1/responses`, {
      method: "OPTIONS",
      headers: {
        origin: "https://app.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, authorization",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(response.headers.get("access-control-allow-methods")).toBe("POST");
    expect(response.headers.get("access-control-allow-headers")).toContain("authorization");
  });

  it("adds CORS headers to answers for an allowed origin, errors included", async () => {
    const ok = await fetch(`${proxy.url}/api/openai/v1/responses`, {
      method: "POST",
      headers: {
        origin: "https://app.example",
        authorization: "Bearer good",
        "content-type": "application/json",
      },
      body: body(),
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://app.example");
    const refused = await fetch(`${proxy.url}/api/openai/v1/responses`, {
      method: "POST",
      headers: { origin: "https://app.example", "content-type": "application/json" },
      body: body(),
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("access-control-allow-origin")).toBe("https://app.example");
  });

  it("lets same-origin requests through without CORS headers", async () => {
    const response = await fetch(`${proxy.url}/api/openai/v1/responses`, {
      method: "POST",
      headers: {
        origin: proxy.url,
        authorization: "Bearer good",
        "content-type": "application/json",
      },
      body: body(),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("tool policy when enabled", () => {
  it("lets enabled tools and listed MCP servers through", async () => {
    const response = await fetch(`${proxy.url}/api/openai/v1/responses`, {
      method: "POST",
      headers: { authorization: "Bearer good", "content-type": "application/json" },
      body: body({
        tools: [
          { type: "code_interpreter", container: { type: "auto" } },
          { type: "mcp", server_label: "docs", server_url: "https://mcp.example/sse/" },
        ],
      }),
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(upstream.hits.at(-1)!.body).tools).toHaveLength(2);
  });

  it("still refuses MCP servers not listed", async () => {
    const response = await fetch(`${proxy.url}/api/openai/v1/responses`, {
      method: "POST",
      headers: { authorization: "Bearer good", "content-type": "application/json" },
      body: body({
        tools: [{ type: "mcp", server_label: "x", server_url: "https://elsewhere.example/sse" }],
      }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      "mcp_server_not_allowed",
    );
  });
});
