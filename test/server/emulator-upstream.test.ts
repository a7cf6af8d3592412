import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenAIProxy, toNodeHandler, type UsageReport } from "../../src/server/index.js";
import { createEmulatorHandler } from "../../src/testing/index.js";
import { serve } from "./support/serve.js";

let proxy: Awaited<ReturnType<typeof serve>>;
const reports: UsageReport[] = [];

beforeAll(async () => {
  proxy = await serve(
    toNodeHandler(
      createOpenAIProxy({
        upstream: createEmulatorHandler(),
        models: "all",
        logger: false,
        authorize: () => ({ userId: "ada" }),
        onUsage: (report) => void reports.push(report),
      }),
    ),
  );
});

afterAll(() => proxy.close());

describe("the proxy in front of the emulator, used through the openai client", () => {
  const client = () =>
    new OpenAI({
      apiKey: "browser-has-no-key",
      baseURL: `${proxy.url}/api/openai/v1`,
      maxRetries: 0,
    });

  it("streams a Responses API answer", async () => {
    const stream = await client().responses.create({
      model: "gpt-5-mini",
      input: "Say hello",
      stream: true,
    });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types[0]).toBe("response.created");
    expect(types.at(-1)).toBe("response.completed");
    await expect.poll(() => reports.some((r) => r.endpoint === "responses")).toBe(true);
    expect(reports.find((r) => r.endpoint === "responses")).toMatchObject({
      user: "ada",
      model: "gpt-5-mini",
    });
  });

  it("streams a Chat Completions answer with usage", async () => {
    const stream = await client().chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "Say hello" }],
      stream: true,
    });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? "";
    expect(text.length).toBeGreaterThan(0);
    await expect.poll(() => reports.some((r) => r.endpoint === "chat.completions")).toBe(true);
    expect(
      reports.find((r) => r.endpoint === "chat.completions")!.usage.totalTokens,
    ).toBeGreaterThan(0);
  });

  it("retrieves and resumes a stored response", async () => {
    const created = await client().responses.create({
      model: "gpt-5-mini",
      input: "Say hello",
      background: true,
    });
    const retrieved = await client().responses.retrieve(created.id);
    expect(retrieved.id).toBe(created.id);
    const resumed = await client().responses.retrieve(created.id, {
      stream: true,
      starting_after: 0,
    });
    const sequence: number[] = [];
    for await (const event of resumed) sequence.push(event.sequence_number);
    expect(sequence.length).toBeGreaterThan(0);
    expect(sequence.every((n) => n > 0)).toBe(true);
  });

  it("lists models", async () => {
    const page = await client().models.list();
    expect(page.data.length).toBeGreaterThan(0);
  });
});
