import { createOpenAI } from "@ai-sdk/openai";
import {
  generateObject,
  generateText,
  stepCountIs,
  streamText,
  tool,
  type LanguageModel,
  type Tool,
} from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { serveEmulator, type ServedEmulator } from "./serve-emulator.js";

/**
 * The AI SDK (`ai` with `@ai-sdk/openai`), as an application uses it, against
 * `colloquy serve --emulator` over loopback, on both APIs. Each call asserts what the
 * application relies on: text, usage, a tool called with input its schema accepts, the tool's
 * result used by the next step, a valid object.
 */

let served: ServedEmulator;
let models: Record<"chat" | "responses", LanguageModel>;
let openai: ReturnType<typeof createOpenAI>;

beforeAll(async () => {
  served = await serveEmulator();
  openai = createOpenAI({ baseURL: served.url, apiKey: "sk-emulated" });
  models = { chat: openai.chat("gpt-4o-mini"), responses: openai.responses("gpt-4.1-mini") };
});
afterAll(() => served.close());

const weatherInput = z.object({ location: z.string(), unit: z.enum(["C", "F"]) });
const Person = z.object({ name: z.string(), age: z.number().int(), hobbies: z.array(z.string()) });

function weatherTool(calls: unknown[]) {
  return tool({
    description: "Current weather at a place",
    inputSchema: weatherInput,
    execute: (input) => {
      calls.push(input);
      return Promise.resolve(`18 degrees ${input.unit} in ${input.location}`);
    },
  });
}

describe.each(["chat", "responses"] as const)(
  "the AI SDK against colloquy serve --emulator (openai.%s)",
  (api) => {
    it("generateText answers with text, a stop reason and usage", async () => {
      const result = await generateText({ model: models[api], prompt: "Say hello", maxRetries: 0 });
      expect(result.text.length).toBeGreaterThan(0);
      expect(result.finishReason).toBe("stop");
      expect(result.usage.inputTokens).toBeGreaterThan(0);
      expect(result.usage.outputTokens).toBeGreaterThan(0);
    });

    it("streamText streams deltas that add up to the final text, with usage", async () => {
      const result = streamText({ model: models[api], prompt: "Say hello", maxRetries: 0 });
      const deltas: string[] = [];
      for await (const delta of result.textStream) deltas.push(delta);
      expect(deltas.length).toBeGreaterThan(1);
      expect(await result.text).toBe(deltas.join(""));
      expect((await result.usage).outputTokens).toBeGreaterThan(0);
      expect(await result.finishReason).toBe("stop");
    });

    it("generateObject with a zod schema gives an object the schema accepts", async () => {
      const result = await generateObject({
        model: models[api],
        schema: Person,
        prompt: "Describe Ada, 36, who likes chess",
        maxRetries: 0,
      });
      expect(Person.parse(result.object)).toEqual(result.object);
      expect(result.usage.outputTokens).toBeGreaterThan(0);
    });

    it("tools with a step limit: the tool runs with valid input, the next step uses its result", async () => {
      const calls: unknown[] = [];
      const result = await generateText({
        model: models[api],
        prompt: "What is the weather in Paris?",
        tools: { get_weather: weatherTool(calls) },
        stopWhen: stepCountIs(3),
        maxRetries: 0,
      });
      expect(calls).toHaveLength(1);
      expect(weatherInput.parse(calls[0]).location).toMatch(/Paris/);
      expect(result.steps).toHaveLength(2);
      expect(result.steps[0]!.finishReason).toBe("tool-calls");
      expect(result.text).toContain("in Paris");
      expect(result.finishReason).toBe("stop");
      expect(result.totalUsage.inputTokens).toBeGreaterThan(result.usage.inputTokens!);
    });

    it("a forced toolChoice calls that tool even when the prompt does not ask for it", async () => {
      const calls: unknown[] = [];
      const result = await generateText({
        model: models[api],
        prompt: "Hello! How is it in Lisbon?",
        tools: {
          get_weather: weatherTool(calls),
          get_time: tool({
            description: "Current time at a place",
            inputSchema: z.object({ city: z.string() }),
            execute: () => Promise.resolve("noon"),
          }),
        },
        toolChoice: { type: "tool", toolName: "get_weather" },
        maxRetries: 0,
      });
      expect(result.toolCalls.map((call) => call.toolName)).toEqual(["get_weather"]);
      expect(weatherInput.parse(calls[0]).location).toMatch(/Lisbon/);
    });

    it("streamText with tools streams the call, runs it, and streams the answer that uses it", async () => {
      const calls: unknown[] = [];
      const result = streamText({
        model: models[api],
        prompt: "What is the weather in Oslo?",
        tools: { get_weather: weatherTool(calls) },
        stopWhen: stepCountIs(3),
        maxRetries: 0,
      });
      const kinds = new Set<string>();
      for await (const part of result.fullStream) kinds.add(part.type);
      expect(kinds).toContain("tool-input-delta");
      expect(kinds).toContain("tool-result");
      expect(weatherInput.parse(calls[0]).location).toMatch(/Oslo/);
      expect(await result.text).toContain("in Oslo");
      expect((await result.steps).length).toBe(2);
    });
  },
);

describe("the AI SDK against colloquy serve --emulator: a built-in tool (openai.responses)", () => {
  it("web search runs on the server and the answer comes with url sources", async () => {
    const result = await generateText({
      model: models.responses,
      prompt: "Search the latest news about the Moon",
      // The provider's tool type comes from its own copy of @ai-sdk/provider-utils, a patch
      // release apart from ai's; the value is the same at run time.
      tools: { web_search: openai.tools.webSearch({}) as unknown as Tool },
      maxRetries: 0,
    });
    expect(result.text.length).toBeGreaterThan(0);
    expect(result.sources.some((source) => source.sourceType === "url")).toBe(true);
    expect(result.toolCalls.some((call) => call.toolName === "web_search")).toBe(true);
  });
});
