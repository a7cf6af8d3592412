import { describe, expect, it } from "vitest";
import { z } from "zod";
import { capturesAvailable } from "../../support/captures.js";
import { createChatClient } from "../../../src/core/client/create-chat-client.js";
import type { ChatClientOptions } from "../../../src/core/client/types.js";
import { ColloquyError } from "../../../src/core/errors.js";
import { ValidationError } from "../../../src/core/validation-error.js";
import { defineTool } from "../../../src/core/tools/define-tool.js";
import { fakeFetch, type FakeReply } from "../client/support/fake-fetch.js";
import { recordedSse } from "../client/support/recordings.js";

const hasCaptures = capturesAvailable();

const Weather = z.object({
  city: z.string(),
  temperature: z.number(),
  units: z.enum(["c", "f"]),
});

const getWeather = defineTool({
  name: "GetWeatherArgs",
  description: "Look up the weather",
  parameters: z.object({ city: z.string(), country: z.string(), units: z.enum(["c", "f"]) }),
});

function setup(replies: FakeReply[], options: Partial<ChatClientOptions> = {}) {
  const server = fakeFetch(replies);
  const client = createChatClient({
    baseURL: "https://api.test/v1",
    model: "gpt-4o",
    fetch: server.fetch,
    maxRetries: 0,
    ...options,
  });
  return { client, server };
}

const chunk = (delta: unknown, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", model: "gpt-4o", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

function textSse(text: string): string {
  return [
    ...(text.match(/.{1,3}/gs) ?? []).map((p) => chunk({ content: p })),
    chunk({}, "stop"),
    "data: [DONE]\n\n",
  ].join("");
}

function toolCallSse(name: string, args: string): string {
  return [
    chunk({
      role: "assistant",
      tool_calls: [{ index: 0, id: "call_1", type: "function", function: { name, arguments: "" } }],
    }),
    ...(args.match(/.{1,5}/gs) ?? []).map((p) =>
      chunk({ tool_calls: [{ index: 0, function: { arguments: p } }] }),
    ),
    chunk({}, "tool_calls"),
    "data: [DONE]\n\n",
  ].join("");
}

describe.runIf(hasCaptures)("structured output with tools, over a recorded tool call", () => {
  it("returns the recorded tool call instead of throwing invalid_json", async () => {
    const { client, server } = setup([{ sse: recordedSse("chat", "tool-call-stream.sse") }]);
    const result = await client
      .withStructuredOutput(Weather, { tools: [getWeather] })
      .invoke("What's the weather in Edinburgh?");
    expect(result.type).toBe("tool-calls");
    if (result.type !== "tool-calls") return;
    expect(result.calls).toHaveLength(1);
    expect(result.calls[0]).toMatchObject({
      toolName: "GetWeatherArgs",
      toolCallId: "call_c91SqDXlYFuETYv8mUHzz6pp",
    });
    expect(JSON.parse(result.calls[0]!.inputText)).toEqual({
      city: "Edinburgh",
      country: "UK",
      units: "c",
    });
    const body = server.requests[0]!.body!;
    expect(body.response_format).toMatchObject({ type: "json_schema" });
    expect(body.tools).toMatchObject([{ type: "function", function: { name: "GetWeatherArgs" } }]);
  });

  it("streams no partial object while the model calls a tool, then the calls as final", async () => {
    const { client } = setup([{ sse: recordedSse("chat", "tool-call-stream.sse") }]);
    const updates = [];
    for await (const update of client
      .withStructuredOutput(Weather, { tools: [getWeather] })
      .stream("What's the weather in Edinburgh?")) {
      updates.push(update);
    }
    expect(updates.map((u) => u.type)).toEqual(["final"]);
    const final = updates[0]!;
    if (final.type === "final") expect(final.value.type).toBe("tool-calls");
  });

  it("gives the tool calls with includeRaw as parsed, not as a parsing error", async () => {
    const { client } = setup([{ sse: recordedSse("chat", "tool-call-stream.sse") }]);
    const result = await client
      .withStructuredOutput(Weather, { tools: [getWeather], includeRaw: true })
      .invoke("What's the weather in Edinburgh?");
    expect(result.parsingError).toBeUndefined();
    expect(result.parsed?.type).toBe("tool-calls");
  });
});

describe("structured output with tools", () => {
  it("wraps an answer in the schema as { type: object, value }", async () => {
    const { client } = setup([{ sse: textSse('{"city":"Oslo","temperature":-3,"units":"c"}') }]);
    const result = await client
      .withStructuredOutput(Weather, { tools: [getWeather] })
      .invoke("Oslo?");
    expect(result).toEqual({
      type: "object",
      value: { city: "Oslo", temperature: -3, units: "c" },
    });
  });

  it("streams partial objects, then the wrapped object", async () => {
    const { client } = setup([{ sse: textSse('{"city":"Oslo","temperature":-3,"units":"c"}') }]);
    const updates = [];
    for await (const update of client
      .withStructuredOutput(Weather, { tools: [getWeather] })
      .stream("Oslo?")) {
      updates.push(update);
    }
    expect(updates.filter((u) => u.type === "partial").length).toBeGreaterThan(1);
    expect(updates.at(-1)).toMatchObject({
      type: "final",
      value: { type: "object", value: { city: "Oslo" } },
    });
  });

  it("keeps the request's own tools beside the offered ones", async () => {
    const other = defineTool({ name: "clock", parameters: z.object({}) });
    const { client, server } = setup([
      { sse: textSse('{"city":"a","temperature":1,"units":"c"}') },
    ]);
    await client
      .withStructuredOutput(Weather, { tools: [getWeather] })
      .invoke("x", { tools: [other] });
    const names = (server.requests[0]!.body!.tools as { function: { name: string } }[]).map(
      (t) => t.function.name,
    );
    expect(names).toEqual(["clock", "GetWeatherArgs"]);
  });

  it("function_calling with tools requires one call, the schema's tool or another", async () => {
    const other = defineTool({ name: "clock", parameters: z.object({}) });
    const { client, server } = setup([
      { sse: toolCallSse("GetWeatherArgs", '{"city":"Oslo","country":"NO","units":"c"}') },
      { sse: toolCallSse("weather", '{"city":"Oslo","temperature":-3,"units":"c"}') },
    ]);
    const structured = client.withStructuredOutput(Weather, {
      method: "function_calling",
      name: "weather",
      tools: [getWeather],
    });
    const first = await structured.invoke("Oslo?", { tools: [other] });
    expect(first.type).toBe("tool-calls");
    if (first.type === "tool-calls") expect(first.calls[0]!.toolName).toBe("GetWeatherArgs");
    const body = server.requests[0]!.body!;
    expect(body.tool_choice).toBe("required");
    expect(body.parallel_tool_calls).toBe(false);
    expect((body.tools as { function: { name: string } }[]).map((t) => t.function.name)).toEqual([
      "weather",
      "clock",
      "GetWeatherArgs",
    ]);
    const second = await structured.invoke("Oslo?");
    expect(second).toEqual({
      type: "object",
      value: { city: "Oslo", temperature: -3, units: "c" },
    });
  });
});

describe("includeRaw parsing errors", () => {
  it("returns parsed: null and the ValidationError when the answer misses the schema", async () => {
    const raw = '{"city":"Rome","temperature":"warm","units":"k"}';
    const { client } = setup([{ sse: textSse(raw) }]);
    const result = await client.withStructuredOutput(Weather, { includeRaw: true }).invoke("Rome?");
    expect(result.parsed).toBeNull();
    expect(result.parsingError).toBeInstanceOf(ValidationError);
    expect(result.raw.parts).toMatchObject([{ type: "text", text: raw }]);
  });

  it("returns parsed: null and an invalid_json error when the answer is not JSON", async () => {
    const { client } = setup([{ sse: textSse("Sure! Here it is") }]);
    const result = await client
      .withStructuredOutput(Weather, { includeRaw: true, method: "json_mode" })
      .invoke("x");
    expect(result.parsed).toBeNull();
    expect(result.parsingError).toBeInstanceOf(ColloquyError);
    expect(result.parsingError?.code).toBe("invalid_json");
  });

  it("still throws a refusal with includeRaw: it is an answer, not a parsing failure", async () => {
    const { client } = setup([
      { sse: chunk({ refusal: "No." }) + chunk({}, "stop") + "data: [DONE]\n\n" },
    ]);
    await expect(
      client.withStructuredOutput(Weather, { includeRaw: true }).invoke("x"),
    ).rejects.toMatchObject({ code: "refusal" });
  });
});
