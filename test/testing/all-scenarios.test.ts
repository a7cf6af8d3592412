import { describe, expect, it } from "vitest";
import { SCENARIOS } from "../../src/testing/index.js";
import {
  chatTool,
  emulator,
  finalChatCompletionOf,
  finalResponseOf,
  post,
  timeTool,
  weatherTool,
  type Json,
} from "./support.js";

/** Request extras some scenarios need to be more than the default answer. */
const EXTRAS: Record<string, { responses: Json; chat: Json }> = {
  "function-calls": {
    responses: { tools: [weatherTool] },
    chat: { tools: [chatTool(weatherTool)] },
  },
  "parallel-function-calls": {
    responses: { tools: [weatherTool, timeTool] },
    chat: { tools: [chatTool(weatherTool), chatTool(timeTool)] },
  },
  "tool-results": {
    responses: {
      input: [
        { role: "user", content: "weather?" },
        { type: "function_call", call_id: "c1", name: "get_weather", arguments: "{}" },
        { type: "function_call_output", call_id: "c1", output: "sunny" },
      ],
    },
    chat: {
      messages: [
        { role: "user", content: "weather?" },
        {
          role: "assistant",
          content: null,
          tool_calls: [
            { id: "c1", type: "function", function: { name: "get_weather", arguments: "{}" } },
          ],
        },
        { role: "tool", tool_call_id: "c1", content: "sunny" },
      ],
    },
  },
};

describe.each(SCENARIOS.map((scenario) => scenario.name))("scenario %s", (name) => {
  const headers = { "x-colloquy-scenario": name };
  const extras = EXTRAS[name] ?? { responses: {}, chat: {} };
  const responsesBody = { model: "gpt-4o-mini", input: "hello", ...extras.responses };
  const chatBody = {
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: "hello" }],
    ...extras.chat,
  };
  const handler = emulator({ imageSize: 16 });

  it("streams on the Responses API and parses", async () => {
    const final = await finalResponseOf(
      await post(handler, "/v1/responses", { ...responsesBody, stream: true }, headers),
    );
    expect(final.status).toBe("completed");
    expect(final.output.length).toBeGreaterThan(0);
  });

  it("answers on the Responses API without streaming", async () => {
    const response = await post(handler, "/v1/responses", responsesBody, headers);
    const body = (await response.json()) as Json;
    expect(body).toMatchObject({ object: "response", status: "completed", model: "gpt-4o-mini" });
    expect(body.output.length).toBeGreaterThan(0);
    expect(body.usage.total_tokens).toBe(body.usage.input_tokens + body.usage.output_tokens);
  });

  it("streams on the Chat API and parses", async () => {
    const final = await finalChatCompletionOf(
      await post(handler, "/v1/chat/completions", { ...chatBody, stream: true }, headers),
    );
    const choice = final.choices[0]!;
    expect(
      choice.message.content ?? choice.message.refusal ?? choice.message.tool_calls,
    ).toBeTruthy();
  });

  it("answers on the Chat API without streaming", async () => {
    const body = (await (
      await post(handler, "/v1/chat/completions", chatBody, headers)
    ).json()) as Json;
    expect(body).toMatchObject({ object: "chat.completion", model: "gpt-4o-mini" });
    expect(body.choices[0].message.role).toBe("assistant");
    expect(["stop", "tool_calls"]).toContain(body.choices[0].finish_reason);
  });
});
