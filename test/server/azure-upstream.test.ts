import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenAIProxy } from "../../src/server/index.js";
import { startFakeUpstream, type FakeUpstream } from "./support/fake-upstream.js";

const AZURE_KEY = "azure-key-0123456789abcdef0123";
let upstream: FakeUpstream;
let origin: string;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  origin = new URL(upstream.url).origin;
});
afterAll(() => upstream.close());

const request = (path: string, body: unknown) =>
  new Request(`http://proxy.local/api/openai${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("Azure OpenAI upstream", () => {
  it("a resource endpoint with apiVersion maps models to deployments and sends the key as api-key", async () => {
    const proxy = createOpenAIProxy({
      env: {},
      logger: false,
      azure: {
        endpoint: origin,
        apiVersion: "2025-04-01-preview",
        apiKey: AZURE_KEY,
        deployments: { "gpt-5-mini": "team-mini" },
      },
    });
    const chat = await proxy(
      request("/v1/chat/completions", {
        model: "gpt-5-mini",
        messages: [{ role: "user", content: "hi" }],
      }),
    );
    await chat.arrayBuffer();
    const chatHit = upstream.hits.at(-1)!;
    expect(chatHit.path).toBe(
      "/openai/deployments/team-mini/chat/completions?api-version=2025-04-01-preview",
    );
    expect(chatHit.headers["api-key"]).toBe(AZURE_KEY);
    expect(chatHit.headers.authorization).toBeUndefined();
    expect(JSON.parse(chatHit.body).model).toBe("team-mini");

    const responses = await proxy(request("/v1/responses", { model: "gpt-5-mini", input: "hi" }));
    await responses.arrayBuffer();
    const responsesHit = upstream.hits.at(-1)!;
    expect(responsesHit.path).toBe("/openai/responses?api-version=2025-04-01-preview");
    expect(JSON.parse(responsesHit.body).model).toBe("team-mini");
  });

  it("the v1 endpoint with an Entra ID token provider sends a bearer token", async () => {
    const proxy = createOpenAIProxy({
      env: {},
      logger: false,
      azure: {
        endpoint: `${origin}/openai/v1/`,
        azureADTokenProvider: async () => "entra-token-xyz",
      },
    });
    const response = await proxy(request("/v1/responses", { model: "gpt-5-mini", input: "hi" }));
    await response.arrayBuffer();
    const hit = upstream.hits.at(-1)!;
    expect(hit.path).toBe("/openai/v1/responses");
    expect(hit.headers.authorization).toBe("Bearer entra-token-xyz");
  });

  it("the v1 endpoint with an API key sends it as api-key, and never back to the client", async () => {
    const proxy = createOpenAIProxy({
      env: {},
      logger: false,
      models: "all",
      azure: { endpoint: `${origin}/openai/v1/`, apiKey: AZURE_KEY },
    });
    const response = await proxy(
      request("/v1/responses", { model: "echo-key-error", input: "hi" }).clone(),
    );
    const body = await response.text();
    expect(response.status).toBe(401);
    expect(upstream.hits.at(-1)!.headers["api-key"]).toBe(AZURE_KEY);
    expect(body).toContain("[redacted]");
    expect(body).not.toContain(AZURE_KEY);
  });

  it("reads AZURE_OPENAI_API_KEY from the environment", async () => {
    const proxy = createOpenAIProxy({
      env: { AZURE_OPENAI_API_KEY: AZURE_KEY },
      logger: false,
      azure: { endpoint: `${origin}/openai/v1/` },
    });
    await (
      await proxy(request("/v1/responses", { model: "gpt-5-mini", input: "hi" }))
    ).arrayBuffer();
    expect(upstream.hits.at(-1)!.headers["api-key"]).toBe(AZURE_KEY);
  });
});

describe("OpenAI upstream configuration", () => {
  it("reads the key, base URL, organization and project from the environment", async () => {
    const proxy = createOpenAIProxy({
      env: {
        OPENAI_API_KEY: "sk-env-key-0123456789",
        OPENAI_BASE_URL: upstream.url,
        OPENAI_ORG_ID: "org-1",
        OPENAI_PROJECT_ID: "proj-1",
      },
      logger: false,
    });
    await (
      await proxy(request("/v1/responses", { model: "gpt-5-mini", input: "hi" }))
    ).arrayBuffer();
    const hit = upstream.hits.at(-1)!;
    expect(hit.path).toBe("/v1/responses");
    expect(hit.headers.authorization).toBe("Bearer sk-env-key-0123456789");
    expect(hit.headers["openai-organization"]).toBe("org-1");
    expect(hit.headers["openai-project"]).toBe("proj-1");
  });
});
