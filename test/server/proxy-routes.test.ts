import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenAIProxy, toNodeHandler, type UsageReport } from "../../src/server/index.js";
import { startFakeUpstream, STREAM_EVENTS, type FakeUpstream } from "./support/fake-upstream.js";
import { memoryLogger, serve } from "./support/serve.js";

const KEY = "sk-test-routes-0123456789abcdef";

let upstream: FakeUpstream;
let proxy: Awaited<ReturnType<typeof serve>>;
const usage: UsageReport[] = [];
const logger = memoryLogger();

beforeAll(async () => {
  upstream = await startFakeUpstream();
  const handler = createOpenAIProxy({
    apiKey: KEY,
    baseURL: upstream.url,
    models: ["gpt-5-mini*", "gpt-4o-mini*", "held-stream"],
    maxOutputTokens: 1000,
    logger,
    onUsage: (report) => void usage.push(report),
    // These tests read ids the fake upstream makes up; ownership has its own file.
    responseOwnership: false,
  });
  proxy = await serve(toNodeHandler(handler));
});

afterAll(async () => {
  await proxy.close();
  await upstream.close();
});

const post = (path: string, body: unknown) =>
  fetch(`${proxy.url}/api/openai${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("POST /v1/responses", () => {
  it("forwards a non-streaming request with the key and the output cap, and reports usage", async () => {
    const before = usage.length;
    const response = await post("/v1/responses", {
      model: "gpt-5-mini",
      input: "hi",
      custom_field: 1,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("req_fake");
    expect(await response.json()).toMatchObject({ id: "resp_json", status: "completed" });
    const hit = upstream.hits.at(-1)!;
    expect(hit.path).toBe("/v1/responses");
    expect(hit.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(JSON.parse(hit.body)).toEqual({
      model: "gpt-5-mini",
      input: "hi",
      custom_field: 1,
      max_output_tokens: 1000,
    });
    await expect.poll(() => usage.length).toBe(before + 1);
    expect(usage.at(-1)).toMatchObject({
      user: undefined,
      model: "gpt-5-mini",
      endpoint: "responses",
      usage: {
        inputTokens: 11,
        outputTokens: 7,
        totalTokens: 18,
        cachedInputTokens: 2,
        reasoningTokens: 3,
      },
    });
  });

  it("keeps a max_output_tokens under the cap and clamps one above it", async () => {
    await post("/v1/responses", { model: "gpt-5-mini", input: "hi", max_output_tokens: 10 });
    expect(JSON.parse(upstream.hits.at(-1)!.body).max_output_tokens).toBe(10);
    await post("/v1/responses", { model: "gpt-5-mini", input: "hi", max_output_tokens: 5000 });
    expect(JSON.parse(upstream.hits.at(-1)!.body).max_output_tokens).toBe(1000);
  });

  it("streams the upstream's bytes unchanged and reports the final usage", async () => {
    const before = usage.length;
    const response = await post("/v1/responses", {
      model: "gpt-5-mini",
      input: "hi",
      stream: true,
    });
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const text = await response.text();
    expect(text).toBe(upstream.lastStreamBody());
    expect(text).toContain('"delta":"Hel"');
    await expect.poll(() => usage.length).toBe(before + 1);
    expect(usage.at(-1)!.usage.totalTokens).toBe(18);
  });
});

describe("POST /v1/chat/completions", () => {
  it("forwards a non-streaming request and reports usage", async () => {
    const before = usage.length;
    const response = await post("/v1/chat/completions", {
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "hi" }],
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ object: "chat.completion" });
    expect(JSON.parse(upstream.hits.at(-1)!.body).max_completion_tokens).toBe(1000);
    await expect.poll(() => usage.length).toBe(before + 1);
    expect(usage.at(-1)).toMatchObject({
      endpoint: "chat.completions",
      usage: { inputTokens: 5, outputTokens: 2 },
    });
  });

  it("asks for the usage chunk when streaming, and passes the stream through", async () => {
    const response = await post("/v1/chat/completions", {
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "hi" }],
      stream: true,
    });
    const text = await response.text();
    expect(JSON.parse(upstream.hits.at(-1)!.body).stream_options).toEqual({ include_usage: true });
    expect(text).toBe(upstream.lastStreamBody());
    expect(text.endsWith("data: [DONE]\n\n")).toBe(true);
  });
});

describe("response resources", () => {
  it("retrieves a response", async () => {
    const response = await fetch(`${proxy.url}/api/openai/v1/responses/resp_42`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: "resp_42" });
  });

  it("resumes a stream with starting_after", async () => {
    const response = await fetch(
      `${proxy.url}/api/openai/v1/responses/resp_42?stream=true&starting_after=1`,
    );
    expect(upstream.hits.at(-1)!.path).toBe("/v1/responses/resp_42?stream=true&starting_after=1");
    const text = await response.text();
    expect(text).toBe(upstream.lastStreamBody());
    expect(text).not.toContain('"sequence_number":1');
    expect(text).toContain(`"sequence_number":${STREAM_EVENTS.length - 1}`);
  });

  it("forwards include[] to the upstream", async () => {
    await (
      await fetch(
        `${proxy.url}/api/openai/v1/responses/resp_42?include[]=message.output_text.logprobs`,
      )
    ).arrayBuffer();
    expect(decodeURIComponent(upstream.hits.at(-1)!.path)).toBe(
      "/v1/responses/resp_42?include[]=message.output_text.logprobs",
    );
  });

  it("cancels a response", async () => {
    const response = await fetch(`${proxy.url}/api/openai/v1/responses/resp_42/cancel`, {
      method: "POST",
    });
    expect(await response.json()).toMatchObject({ id: "resp_42", status: "cancelled" });
    expect(upstream.hits.at(-1)).toMatchObject({
      method: "POST",
      path: "/v1/responses/resp_42/cancel",
    });
  });

  it("passes an upstream error through with its status and body", async () => {
    const response = await fetch(`${proxy.url}/api/openai/v1/responses/resp_missing`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: {
        message: "No response with id 'resp_missing'.",
        type: "invalid_request_error",
        param: null,
        code: null,
      },
    });
  });
});

describe("GET /v1/models", () => {
  it("lists only the models the policy allows", async () => {
    const response = await fetch(`${proxy.url}/api/openai/v1/models`);
    const list = (await response.json()) as { data: { id: string }[] };
    expect(list.data.map((m) => m.id)).toEqual(["gpt-5-mini", "gpt-4o-mini-2024-07-18"]);
  });
});

describe("POST /v1/files", () => {
  it("uploads an image", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const form = new FormData();
    form.append("purpose", "vision");
    form.append("file", new File([png], "dot.png", { type: "image/png" }));
    const response = await fetch(`${proxy.url}/api/openai/v1/files`, {
      method: "POST",
      body: form,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: "file_1", object: "file" });
    const hit = upstream.hits.at(-1)!;
    expect(hit.path).toBe("/v1/files");
    expect(hit.headers["content-type"]).toMatch(/^multipart\/form-data/);
    expect(hit.body).toContain('filename="dot.png"');
    expect(hit.body).toContain("vision");
  });
});

describe("logging", () => {
  it("writes one line per request", () => {
    expect(
      logger.lines.some((l) =>
        /^colloquy: POST \/api\/openai\/v1\/responses 200 model=gpt-5-mini \d+ms$/.test(l),
      ),
    ).toBe(true);
  });
});
