import type { ChatCompletion } from "openai/resources/chat/completions";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  chatTool,
  emulator,
  events,
  finalChatCompletionOf,
  post,
  timeTool,
  weatherTool,
  type Json,
} from "./support.js";

async function streamed(body: Json, headers: Record<string, string> = {}) {
  const response = await post(
    emulator(),
    "/v1/chat/completions",
    { model: "gpt-4o-mini", stream: true, ...body },
    headers,
  );
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  return finalChatCompletionOf(response);
}

async function plain(body: Json): Promise<ChatCompletion> {
  const response = await post(emulator(), "/v1/chat/completions", {
    model: "gpt-4o-mini",
    ...body,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as ChatCompletion;
}

const user = (content: string) => [{ role: "user", content }];

describe("Chat Completions scenarios, streamed and parsed by the openai package", () => {
  it("answers with the default markdown, streamed and not", async () => {
    const final = await streamed({ messages: user("Tell me about otters") });
    expect(final.id).toMatch(/^chatcmpl-emu-/);
    expect(final.choices[0]!.finish_reason).toBe("stop");
    expect(final.choices[0]!.message.content).toContain("Tell me about otters");
    const completion = await plain({ messages: user("Tell me about otters") });
    expect(completion.object).toBe("chat.completion");
    expect(completion.choices[0]!.message.content).toBe(final.choices[0]!.message.content);
    expect(completion.usage!.total_tokens).toBeGreaterThan(0);
  });

  it("ends with a usage chunk when stream_options.include_usage is set", async () => {
    const response = await post(emulator(), "/v1/chat/completions", {
      model: "gpt-4o-mini",
      messages: user("hi"),
      stream: true,
      stream_options: { include_usage: true },
    });
    const text = await response.text();
    expect(text.endsWith("data: [DONE]\n\n")).toBe(true);
    const chunks = text
      .split("\n\n")
      .filter((block) => block.startsWith("data: {"))
      .map((block) => JSON.parse(block.slice(6)) as Json);
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage.prompt_tokens).toBeGreaterThan(0);
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
  });

  it("streams tool call deltas that fit the tool's schema", async () => {
    const final = await streamed({
      messages: user("weather in Paris?"),
      tools: [chatTool(weatherTool)],
    });
    const choice = final.choices[0]!;
    expect(choice.finish_reason).toBe("tool_calls");
    const call = choice.message.tool_calls![0]!;
    if (call.type !== "function") throw new Error(call.type);
    expect(call.function.name).toBe("get_weather");
    expect(JSON.parse(call.function.arguments)).toMatchObject({ unit: "C" });
  });

  it("streams parallel tool calls", async () => {
    const final = await streamed({
      messages: user("use the tools"),
      tools: [chatTool(weatherTool), chatTool(timeTool)],
    });
    const names = final.choices[0]!.message.tool_calls!.map((call) =>
      call.type === "function" ? call.function.name : call.type,
    );
    expect(names).toEqual(["get_weather", "get_time"]);
  });

  it("answers with tool results from role: tool messages", async () => {
    const final = await streamed({
      messages: [
        { role: "user", content: "weather in Paris?" },
        {
          role: "assistant",
          content: null,
          tool_calls: [
            { id: "call_1", type: "function", function: { name: "get_weather", arguments: "{}" } },
          ],
        },
        { role: "tool", tool_call_id: "call_1", content: "21 degrees" },
      ],
      tools: [chatTool(weatherTool)],
    });
    expect(final.choices[0]!.message.content).toContain("21 degrees");
    expect(final.choices[0]!.message.content).toContain("get_weather");
  });

  it("produces structured output that conforms to the schema", async () => {
    const schema = z.object({
      name: z.string(),
      items: z.array(z.object({ qty: z.number().int() })),
    });
    const final = await streamed({
      messages: user("make a list"),
      response_format: {
        type: "json_schema",
        json_schema: { name: "list", strict: true, schema: z.toJSONSchema(schema) },
      },
    });
    schema.parse(JSON.parse(final.choices[0]!.message.content!));
  });

  it("JSON mode follows an object shape shown in the user message when no system message gives one", async () => {
    const final = await plain({
      messages: user(
        'Describe a person as JSON like {"name": "Ada", "age": 36, "hobbies": ["chess"]}',
      ),
      response_format: { type: "json_object" },
    });
    z.object({ name: z.string(), age: z.number().int(), hobbies: z.array(z.string()) }).parse(
      JSON.parse(final.choices[0]!.message.content!),
    );
  });

  it("refuses through delta.refusal", async () => {
    const response = await post(emulator(), "/v1/chat/completions", {
      model: "gpt-4o-mini",
      messages: user("refuse this"),
      stream: true,
    });
    const chunks = (await events(response)).filter((chunk) => typeof chunk === "object");
    expect(chunks.filter((chunk) => chunk.choices[0]?.delta?.refusal).length).toBeGreaterThan(1);
    const final = await streamed({ messages: user("refuse this") });
    expect(final.choices[0]!.message.refusal).toContain("can't help");
    expect(final.choices[0]!.message.content).toBeNull();
  });

  it("answers built-in tool scenarios with the default text", async () => {
    const final = await streamed({ messages: user("search the latest news") });
    expect(final.choices[0]!.message.content).toContain("search the latest news");
  });

  it("web_search_options: the answer cites its sources with url_citation annotations, streamed and not", async () => {
    const body = {
      model: "gpt-4o-search-preview",
      messages: user("search the latest news"),
      web_search_options: {},
    };
    const completion = await plain(body);
    const { content, annotations } = completion.choices[0]!.message;
    expect(annotations!.length).toBeGreaterThan(0);
    for (const { type, url_citation: cite } of annotations!) {
      expect(type).toBe("url_citation");
      // Each citation spans the markdown link to the very URL it names.
      expect(content!.slice(cite.start_index, cite.end_index)).toContain(cite.url);
    }
    const response = await post(emulator(), "/v1/chat/completions", { ...body, stream: true });
    const chunks = (await events(response)).filter((chunk) => typeof chunk === "object");
    const streamedAnnotations = chunks.flatMap(
      (chunk) => chunk.choices[0]?.delta?.annotations ?? [],
    );
    expect(streamedAnnotations).toEqual(annotations);
  });

  it("reports reasoning tokens for the reasoning scenario on a reasoning model only", async () => {
    const completion = await plain({ model: "o4-mini", messages: user("why is that?") });
    expect(completion.usage!.completion_tokens_details!.reasoning_tokens).toBeGreaterThan(0);
    const plainModel = await plain({ model: "gpt-4.1-mini", messages: user("why is that?") });
    expect(plainModel.usage!.completion_tokens_details!.reasoning_tokens).toBe(0);
  });

  it("sends logprobs and n choices when asked", async () => {
    const final = await streamed({
      messages: user("hello"),
      n: 2,
      logprobs: true,
      top_logprobs: 2,
    });
    expect(final.choices).toHaveLength(2);
    const logprobs = final.choices[0]!.logprobs!.content!;
    expect(logprobs.map((entry) => entry.token).join("")).toBe(final.choices[0]!.message.content);
    expect(logprobs[0]!.top_logprobs).toHaveLength(2);
    const completion = await plain({ messages: user("hello"), n: 3 });
    expect(completion.choices.map((choice) => choice.index)).toEqual([0, 1, 2]);
  });
});
