import { describe, expect, it } from "vitest";
import { chatTool, emulator, post, weatherTool, type Json } from "./support.js";

/**
 * Requests OpenAI rejects are rejected by the emulator too, with OpenAI's status and error
 * fields, so a client's error path fails offline as it would in production.
 */

type Handler = ReturnType<typeof emulator>;

async function rejection(
  handler: Handler,
  path: "/v1/responses" | "/v1/chat/completions",
  body: Json,
): Promise<{ status: number; error: Json }> {
  const response = await post(handler, path, body);
  const parsed = (await response.json()) as { error: Json };
  return { status: response.status, error: parsed.error };
}

const responses = (body: Json, handler: Handler = emulator()) =>
  rejection(handler, "/v1/responses", { model: "gpt-4.1-mini", input: "hi", ...body });
const chat = (body: Json, handler: Handler = emulator()) =>
  rejection(handler, "/v1/chat/completions", {
    model: "gpt-4.1-mini",
    messages: [{ role: "user", content: "hi" }],
    ...body,
  });

const invalid = (param: string | null, code: string | null) => ({
  type: "invalid_request_error",
  param,
  code,
});

describe("requests OpenAI rejects", () => {
  it("an unknown model is a 404 model_not_found on both APIs", async () => {
    for (const result of [
      await responses({ model: "gpt-banana" }),
      await chat({ model: "gpt-banana" }),
    ]) {
      expect(result.status).toBe(404);
      expect(result.error).toMatchObject(invalid(null, "model_not_found"));
      expect(result.error.message).toContain("gpt-banana");
    }
  });

  it("a dated snapshot of a known model is accepted", async () => {
    const response = await post(emulator(), "/v1/responses", {
      model: "gpt-4o-2024-08-06",
      input: "hi",
    });
    expect(response.status).toBe(200);
  });

  it("a missing model is a 400 missing_required_parameter", async () => {
    const response = await post(emulator(), "/v1/responses", { input: "hi" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: Json }).error).toMatchObject(
      invalid("model", "missing_required_parameter"),
    );
  });

  it("an unknown parameter: unknown_parameter on Responses, unrecognized argument on Chat", async () => {
    const fromResponses = await responses({ max_tokens: 100 });
    expect(fromResponses.status).toBe(400);
    expect(fromResponses.error).toMatchObject(invalid("max_tokens", "unknown_parameter"));
    const fromChat = await chat({ max_output_tokens: 100 });
    expect(fromChat.status).toBe(400);
    expect(fromChat.error).toMatchObject(invalid(null, null));
    expect(fromChat.error.message).toBe(
      "Unrecognized request argument supplied: max_output_tokens",
    );
  });

  it("a wrong type is invalid_type, an out-of-range number names its bound", async () => {
    const wrongType = await responses({ temperature: "hot" });
    expect(wrongType.status).toBe(400);
    expect(wrongType.error).toMatchObject(invalid("temperature", "invalid_type"));
    // As recorded from the real API (error-http-400.cassette.yaml).
    const below = await responses({ temperature: -1 });
    expect(below).toEqual({
      status: 400,
      error: {
        message:
          "Invalid 'temperature': decimal below minimum value. Expected a value >= 0, but got -1 instead.",
        ...invalid("temperature", "decimal_below_min_value"),
      },
    });
    const above = await chat({ n: 500 });
    expect(above.error).toMatchObject(invalid("n", "integer_above_max_value"));
  });

  it("a parameter the model does not support is unsupported_parameter", async () => {
    // As recorded (error-unsupported-parameter-max-tokens.json).
    expect(await chat({ model: "o4-mini", max_tokens: 100 })).toEqual({
      status: 400,
      error: {
        message:
          "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
        ...invalid("max_tokens", "unsupported_parameter"),
      },
    });
    // As recorded (error-unsupported-parameter-temperature.json).
    expect(await responses({ model: "gpt-5-mini", temperature: 0.2 })).toEqual({
      status: 400,
      error: {
        message: "Unsupported parameter: 'temperature' is not supported with this model.",
        ...invalid("temperature", null),
      },
    });
  });

  it("an invalid JSON Schema for strict structured output is invalid_json_schema", async () => {
    const banana = { type: "json_schema", name: "out", strict: true, schema: { type: "banana" } };
    const fromResponses = await responses({ text: { format: banana } });
    expect(fromResponses.status).toBe(400);
    expect(fromResponses.error).toMatchObject(invalid("text.format.schema", "invalid_json_schema"));
    const open = {
      type: "object",
      properties: { title: { type: "string" } },
      required: ["title"],
    };
    const fromChat = await chat({
      response_format: {
        type: "json_schema",
        json_schema: { name: "out", strict: true, schema: open },
      },
    });
    expect(fromChat.status).toBe(400);
    expect(fromChat.error).toMatchObject(invalid("response_format", "invalid_json_schema"));
    expect(fromChat.error.message).toContain("'additionalProperties' is required");
  });

  it("a strict tool without parameters is invalid_function_parameters, as recorded", async () => {
    // As recorded (error-400-invalid-schema.session.json).
    const tool = { type: "function", function: { name: "get_color", strict: true } };
    expect(await chat({ tools: [tool] })).toEqual({
      status: 400,
      error: {
        message:
          "Invalid schema for function 'get_color': In context=(), 'additionalProperties' is required to be supplied and to be false.",
        ...invalid("tools[0].function.parameters", "invalid_function_parameters"),
      },
    });
    const loose = { ...weatherTool, strict: true, parameters: { type: "object", properties: {} } };
    const fromResponses = await responses({ tools: [loose] });
    expect(fromResponses.error).toMatchObject(
      invalid("tools[0].parameters", "invalid_function_parameters"),
    );
  });

  it("a function call without its output in the next request is refused", async () => {
    const call = { type: "function_call", call_id: "call_1", name: "get_weather", arguments: "{}" };
    const fromResponses = await responses({ input: [{ role: "user", content: "hi" }, call] });
    expect(fromResponses.status).toBe(400);
    expect(fromResponses.error).toMatchObject(invalid("input", null));
    expect(fromResponses.error.message).toBe("No tool output found for function call call_1.");
    const fromChat = await chat({
      messages: [
        { role: "user", content: "weather?" },
        {
          role: "assistant",
          content: null,
          tool_calls: [
            { id: "call_1", type: "function", function: { name: "f", arguments: "{}" } },
          ],
        },
        { role: "user", content: "well?" },
      ],
    });
    expect(fromChat.status).toBe(400);
    expect(fromChat.error).toMatchObject(invalid("messages.[1].role", null));
    expect(fromChat.error.message).toContain("call_1");
  });

  it("a tool output without its call is refused", async () => {
    const output = { type: "function_call_output", call_id: "call_9", output: "sunny" };
    const result = await responses({ input: [{ role: "user", content: "hi" }, output] });
    expect(result.status).toBe(400);
    expect(result.error).toMatchObject(invalid("input", null));
    const fromChat = await chat({
      messages: [
        { role: "user", content: "hi" },
        { role: "tool", tool_call_id: "call_9", content: "sunny" },
      ],
    });
    expect(fromChat.error).toMatchObject(invalid("messages.[1].role", null));
  });

  it("an unknown previous_response_id is previous_response_not_found", async () => {
    const result = await responses({ previous_response_id: "resp_nope" });
    expect(result.status).toBe(400);
    expect(result.error).toMatchObject(
      invalid("previous_response_id", "previous_response_not_found"),
    );
  });

  it("a response made with store: false cannot be continued or retrieved", async () => {
    const handler = emulator();
    const first = (await (
      await post(handler, "/v1/responses", { model: "gpt-4.1-mini", input: "hi", store: false })
    ).json()) as Json;
    expect(first.store).toBe(false);
    const next = await responses({ previous_response_id: first.id }, handler);
    expect(next.error).toMatchObject(
      invalid("previous_response_id", "previous_response_not_found"),
    );
    const retrieved = await handler(new Request(`http://emulator.test/v1/responses/${first.id}`));
    expect(retrieved.status).toBe(404);
  });

  it("background with store: false is refused", async () => {
    const result = await responses({ background: true, store: false });
    expect(result.status).toBe(400);
    expect(result.error).toMatchObject(invalid("background", "invalid_value"));
  });

  it("a forced tool the request does not declare is refused", async () => {
    const result = await chat({
      tools: [chatTool(weatherTool)],
      tool_choice: { type: "function", function: { name: "get_time" } },
    });
    expect(result.status).toBe(400);
    expect(result.error).toMatchObject(invalid("tool_choice", "invalid_value"));
  });

  it("input beyond the model's context window is context_length_exceeded", async () => {
    const long = "word ".repeat(10_000);
    const fromChat = await chat({ model: "gpt-4", messages: [{ role: "user", content: long }] });
    expect(fromChat.status).toBe(400);
    expect(fromChat.error).toMatchObject(invalid("messages", "context_length_exceeded"));
    const fromResponses = await responses({ model: "gpt-4", input: long });
    expect(fromResponses.error).toMatchObject(invalid("input", "context_length_exceeded"));
  });

  it("audio input on a model that does not listen is refused, naming the content part", async () => {
    const heard = {
      role: "user",
      content: [
        { type: "text", text: "What is said here?" },
        { type: "input_audio", input_audio: { data: "UklGRg==", format: "wav" } },
      ],
    };
    const refused = await chat({ messages: [heard] });
    expect(refused.status).toBe(400);
    expect(refused.error).toMatchObject(invalid("messages.[0].content.[1].type", "invalid_value"));
    expect(String(refused.error.message)).toMatch(/audio model/);
    const answered = await post(emulator(), "/v1/chat/completions", {
      model: "gpt-4o-audio-preview",
      messages: [heard],
    });
    expect(answered.status).toBe(200);
  });
});
