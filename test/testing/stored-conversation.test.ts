import { describe, expect, it } from "vitest";
import { emulator, post, weatherTool, type Json } from "./support.js";

/**
 * Stored responses carry the conversation: `previous_response_id` continues it as OpenAI
 * does, and a stored response can be listed (`input_items`) and deleted.
 */

type Handler = ReturnType<typeof emulator>;

async function create(handler: Handler, body: Json): Promise<Json> {
  const response = await post(handler, "/v1/responses", { model: "gpt-4.1-mini", ...body });
  const parsed = (await response.json()) as Json;
  expect(response.status, JSON.stringify(parsed)).toBe(200);
  return parsed;
}

const get = (handler: Handler, path: string, method = "GET") =>
  handler(new Request(`http://emulator.test/v1${path}`, { method }));

describe("previous_response_id", () => {
  it("carries the call, so the next request sends only its output", async () => {
    const handler = emulator();
    const first = await create(handler, {
      input: "What is the weather in Paris?",
      tools: [weatherTool],
    });
    const call = (first.output as Json[]).find((item) => item.type === "function_call")!;
    expect(JSON.parse(String(call.arguments))).toMatchObject({ location: "Paris" });
    const second = await create(handler, {
      previous_response_id: first.id,
      input: [{ type: "function_call_output", call_id: call.call_id, output: "18 C, clear" }],
      tools: [weatherTool],
    });
    expect(second.previous_response_id).toBe(first.id);
    const text = JSON.stringify(second.output);
    // The answer uses the tool's output: the model saw the call it made before.
    expect(text).toContain("18 C, clear");
    // Input tokens count the carried conversation too, as OpenAI bills it.
    expect((second.usage as Json).input_tokens).toBeGreaterThan(
      (first.usage as Json).input_tokens as number,
    );
  });

  it("still needs the output of a carried call", async () => {
    const handler = emulator();
    const first = await create(handler, {
      input: "What is the weather in Paris?",
      tools: [weatherTool],
    });
    const call = (first.output as Json[]).find((item) => item.type === "function_call")!;
    const response = await post(handler, "/v1/responses", {
      model: "gpt-4.1-mini",
      previous_response_id: first.id,
      input: "never mind",
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: Json };
    expect(error).toMatchObject({ type: "invalid_request_error", param: "input", code: null });
    expect(error.message).toBe(`No tool output found for function call ${String(call.call_id)}.`);
  });

  it("answers from the whole conversation: the last user message may come from before", async () => {
    const handler = emulator();
    const first = await create(handler, { input: "Please refuse this" });
    const second = await create(handler, {
      previous_response_id: first.id,
      input: [{ role: "developer", content: "Be brief." }],
    });
    expect(JSON.stringify(second.output)).toContain("refusal");
  });
});

describe("a stored response", () => {
  it("lists its own input items, newest first unless asked otherwise", async () => {
    const handler = emulator();
    const first = await create(handler, { input: "first question" });
    const second = await create(handler, {
      previous_response_id: first.id,
      input: [
        { role: "user", content: "second question" },
        { role: "user", content: "third question" },
      ],
    });
    const list = (await (
      await get(handler, `/responses/${String(second.id)}/input_items`)
    ).json()) as Json;
    expect(list.object).toBe("list");
    // String content comes back as OpenAI keeps it: one input_text part.
    expect((list.data as Json[])[0]!.content).toEqual([
      { type: "input_text", text: "third question" },
    ]);
    const texts = (list.data as Json[]).map((item) => (item.content as Json[])[0]!.text);
    expect(texts).toEqual(["third question", "second question"]);
    expect((list.data as Json[]).every((item) => String(item.id).startsWith("msg_"))).toBe(true);
    expect(list.first_id).toBe((list.data as Json[])[0]!.id);
    const ascending = (await (
      await get(handler, `/responses/${String(second.id)}/input_items?order=asc`)
    ).json()) as Json;
    expect((ascending.data as Json[]).map((item) => (item.content as Json[])[0]!.text)).toEqual([
      "second question",
      "third question",
    ]);
  });

  it("is deleted: it can no longer be retrieved nor continued", async () => {
    const handler = emulator();
    const first = await create(handler, { input: "hi" });
    const deleted = await get(handler, `/responses/${String(first.id)}`, "DELETE");
    expect(await deleted.json()).toEqual({ id: first.id, object: "response", deleted: true });
    expect((await get(handler, `/responses/${String(first.id)}`)).status).toBe(404);
    expect((await get(handler, `/responses/${String(first.id)}`, "DELETE")).status).toBe(404);
    const next = await post(handler, "/v1/responses", {
      model: "gpt-4.1-mini",
      previous_response_id: first.id,
      input: "again",
    });
    expect(next.status).toBe(400);
  });
});
