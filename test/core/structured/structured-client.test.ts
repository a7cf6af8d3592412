import { describe, expect, it } from "vitest";
import { z } from "zod";
import { capturesAvailable } from "../../support/captures.js";
import { createChatClient } from "../../../src/core/client/create-chat-client.js";
import type { ChatClientOptions } from "../../../src/core/client/types.js";
import { ColloquyError } from "../../../src/core/errors.js";
import { ValidationError } from "../../../src/core/validation-error.js";
import { fakeFetch, type FakeReply } from "../client/support/fake-fetch.js";
import { recordedJson, recordedSse } from "../client/support/recordings.js";

const hasCaptures = capturesAvailable();

const Weather = z.object({
  city: z.string(),
  temperature: z.number(),
  units: z.enum(["c", "f"]),
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

/** A Chat Completions stream whose tool call arguments arrive in pieces. */
function toolCallSse(name: string, args: string): string {
  const pieces = args.match(/.{1,5}/gs) ?? [];
  const chunk = (delta: unknown, finish: string | null = null) =>
    `data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", model: "gpt-4o", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  return [
    chunk({
      role: "assistant",
      tool_calls: [{ index: 0, id: "call_1", type: "function", function: { name, arguments: "" } }],
    }),
    ...pieces.map((p) => chunk({ tool_calls: [{ index: 0, function: { arguments: p } }] })),
    chunk({}, "tool_calls"),
    "data: [DONE]\n\n",
  ].join("");
}

function textSse(text: string): string {
  const chunk = (delta: unknown, finish: string | null = null) =>
    `data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", model: "gpt-4o", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  return [
    ...(text.match(/.{1,3}/gs) ?? []).map((p) => chunk({ content: p })),
    chunk({}, "stop"),
    "data: [DONE]\n\n",
  ].join("");
}

describe.runIf(hasCaptures)("json_schema over recordings", () => {
  it("returns the validated object from a recorded Chat stream and sends response_format", async () => {
    const { client, server } = setup([
      { sse: recordedSse("chat", "structured-output-json-schema-stream.sse") },
    ]);
    const weather = await client
      .withStructuredOutput(Weather, { name: "weather" })
      .invoke("Weather in SF?");
    expect(weather).toEqual({ city: "San Francisco", temperature: 61, units: "f" });
    expect(server.requests[0]!.body!.response_format).toEqual({
      type: "json_schema",
      json_schema: {
        name: "weather",
        strict: true,
        schema: {
          type: "object",
          properties: {
            city: { type: "string" },
            temperature: { type: "number" },
            units: { type: "string", enum: ["c", "f"] },
          },
          required: ["city", "temperature", "units"],
          additionalProperties: false,
        },
      },
    });
  });

  it("streams partial objects, then the final value", async () => {
    const { client } = setup([
      { sse: recordedSse("chat", "structured-output-json-schema-stream.sse") },
    ]);
    const updates = [];
    for await (const update of client.withStructuredOutput(Weather).stream("Weather in SF?"))
      updates.push(update);
    const partials = updates.filter((u) => u.type === "partial").map((u) => u.partial);
    expect(partials.length).toBeGreaterThan(2);
    expect(partials).toContainEqual({ city: "San Francisco" });
    const final = updates.at(-1)!;
    expect(final.type).toBe("final");
    if (final.type === "final")
      expect(final.value).toEqual({ city: "San Francisco", temperature: 61, units: "f" });
  });

  it("uses text.format on the Responses API, with includeRaw", async () => {
    const recorded = recordedJson("responses", "structured-output-json-schema.session.json");
    const { client, server } = setup([{ json: recorded.json }], {
      api: "responses",
      stream: false,
    });
    const Animals = z.object({ animal_data_list: z.array(z.string()) });
    const result = await client
      .withStructuredOutput(Animals, { name: "data_list", includeRaw: true })
      .invoke("Write a JSON document with a list of five animals");
    expect(result.parsingError).toBeUndefined();
    expect(result.parsed?.animal_data_list).toHaveLength(5);
    expect(result.raw.role).toBe("assistant");
    const sent = (recorded.request as { text: { format: Record<string, unknown> } }).text;
    expect(server.requests[0]!.body!.text).toEqual({ format: { ...sent.format, strict: true } });
  });

  it("turns a recorded refusal into a refusal error", async () => {
    const recorded = recordedJson("chat", "structured-refusal.session.json");
    const { client } = setup([{ json: recorded.json }], { stream: false });
    const Recipe = z.object({
      name: z.string(),
      ingredients: z.array(z.string()),
      steps: z.array(z.string()),
    });
    const error = (await client
      .withStructuredOutput(Recipe)
      .invoke("rob a bank")
      .catch((e: unknown) => e)) as ColloquyError;
    expect(error).toBeInstanceOf(ColloquyError);
    expect(error.code).toBe("refusal");
    expect(error.message).toMatch(/refused to answer: "I'm very sorry/);
    expect(error.snapshot?.role).toBe("assistant");
  });
});

describe("function_calling", () => {
  it("forces a call to the schema tool and validates its arguments", async () => {
    const { client, server } = setup([
      { sse: toolCallSse("weather", '{"city":"Oslo","temperature":-3,"units":"c"}') },
    ]);
    const value = await client
      .withStructuredOutput(Weather, { method: "function_calling", name: "weather" })
      .invoke("Oslo?");
    expect(value).toEqual({ city: "Oslo", temperature: -3, units: "c" });
    expect(server.requests[0]!.body).toMatchObject({
      tool_choice: { type: "function", function: { name: "weather" } },
      parallel_tool_calls: false,
      tools: [{ type: "function", function: { name: "weather", strict: true } }],
    });
  });

  it("streams partial arguments", async () => {
    const { client } = setup([
      { sse: toolCallSse("output", '{"city":"Oslo","temperature":-3,"units":"c"}') },
    ]);
    const partials: unknown[] = [];
    for await (const update of client
      .withStructuredOutput(Weather, { method: "function_calling" })
      .stream("Oslo?")) {
      if (update.type === "partial") partials.push(update.partial);
    }
    expect(partials[0]).toEqual({});
    expect(partials).toContainEqual({ city: "Oslo", temperature: -3 });
  });
});

describe("json_mode and validation", () => {
  it("asks for a JSON object and names the schema in the instructions", async () => {
    const { client, server } = setup([
      { sse: textSse('{"city":"Rome","temperature":20,"units":"c"}') },
    ]);
    const value = await client
      .withStructuredOutput(Weather, { method: "json_mode" })
      .invoke("Rome?", { instructions: "Be accurate." });
    expect(value.city).toBe("Rome");
    const body = server.requests[0]!.body!;
    expect(body.response_format).toEqual({ type: "json_object" });
    const system = (body.messages as { role: string; content: string }[])[0]!;
    expect(system.role).toBe("system");
    expect(system.content).toMatch(
      /^Be accurate\.\n\nAnswer with a JSON object that matches this JSON Schema:/,
    );
  });

  it("fails with a ValidationError carrying the zod issues and the raw text", async () => {
    const raw = '{"city":"Rome","temperature":"warm","units":"k"}';
    const { client } = setup([{ sse: textSse(raw) }]);
    const error = (await client
      .withStructuredOutput(Weather, { method: "json_mode" })
      .invoke("Rome?")
      .catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.value).toBe(raw);
    expect(error.issues.map((i) => (i as { path: string[] }).path.join("."))).toEqual([
      "temperature",
      "units",
    ]);
    expect(error.message).toMatch(/does not match the schema: temperature: .*; units: /);
    expect(error.snapshot?.role).toBe("assistant");
  });

  it("reports text that is not JSON", async () => {
    const { client } = setup([{ sse: textSse("Sure! Here it is") }]);
    const error = (await client
      .withStructuredOutput(Weather, { method: "json_mode" })
      .invoke("x")
      .catch((e: unknown) => e)) as ColloquyError;
    expect(error.code).toBe("invalid_json");
  });

  it("turns strict-mode nulls back into absent optional fields", async () => {
    const Person = z.object({ name: z.string(), nickname: z.string().optional() });
    const { client } = setup([{ sse: textSse('{"name":"Ada","nickname":null}') }]);
    await expect(client.withStructuredOutput(Person).invoke("x")).resolves.toEqual({ name: "Ada" });
  });
});
