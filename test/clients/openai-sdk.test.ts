import OpenAI, { BadRequestError, NotFoundError, toFile } from "openai";
import { LengthFinishReasonError } from "openai/core/error";
import { zodFunction, zodResponseFormat, zodTextFormat } from "openai/helpers/zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { serveEmulator, type ServedEmulator } from "./serve-emulator.js";

/**
 * The openai package, as an application uses it, against `colloquy serve --emulator` over
 * loopback. Each call asserts what the application relies on: text, usage, a tool called with
 * arguments its schema accepts, a parsed object, an error of the right class and code.
 */

let served: ServedEmulator;
let client: OpenAI;

beforeAll(async () => {
  served = await serveEmulator();
  client = new OpenAI({ baseURL: served.url, apiKey: "sk-emulated", maxRetries: 0 });
});
afterAll(() => served.close());

const Weather = z.object({ location: z.string(), unit: z.enum(["C", "F"]) });
const weatherTool = zodFunction({
  name: "get_weather",
  description: "Current weather at a place",
  parameters: Weather,
});
const responsesWeatherTool = {
  type: "function" as const,
  name: "get_weather",
  description: "Current weather at a place",
  strict: true,
  parameters: weatherTool.function.parameters!,
};

/** The text of a response's messages (a streamed response has no `output_text`: the client adds it to created ones only). */
function textOf(response: OpenAI.Responses.Response): string {
  return response.output
    .flatMap((item) => (item.type === "message" ? item.content : []))
    .map((part) => (part.type === "output_text" ? part.text : ""))
    .join("");
}

const Person = z.object({ name: z.string(), age: z.number().int(), hobbies: z.array(z.string()) });

describe("the openai package against colloquy serve --emulator: Chat Completions", () => {
  it("create answers with text, a stop reason and usage", async () => {
    const completion = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "Say hello" }],
    });
    const [choice] = completion.choices;
    expect(choice!.message.content?.length).toBeGreaterThan(0);
    expect(choice!.finish_reason).toBe("stop");
    expect(completion.usage!.prompt_tokens).toBeGreaterThan(0);
    expect(completion.usage!.completion_tokens).toBeGreaterThan(0);
    expect(completion.usage!.total_tokens).toBe(
      completion.usage!.prompt_tokens + completion.usage!.completion_tokens,
    );
  });

  it("create with stream: true gives deltas that add up to text, and usage last when asked", async () => {
    const stream = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "Say hello" }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = "";
    let finish: string | null = null;
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    expect(text.length).toBeGreaterThan(0);
    expect(finish).toBe("stop");
    expect(usage!.completion_tokens).toBeGreaterThan(0);
  });

  it("the .stream() helper emits content events and a final completion with the same text", async () => {
    const stream = client.chat.completions.stream({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "Say hello" }],
    });
    const deltas: string[] = [];
    stream.on("content", (delta) => deltas.push(delta));
    const final = await stream.finalChatCompletion();
    expect(deltas.length).toBeGreaterThan(1);
    expect(final.choices[0]!.message.content).toBe(deltas.join(""));
    expect(await stream.finalContent()).toBe(deltas.join(""));
  });

  it("parse with zodResponseFormat gives an object the schema accepts", async () => {
    const completion = await client.chat.completions.parse({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "Describe Ada, 36, who likes chess" }],
      response_format: zodResponseFormat(Person, "person"),
    });
    const parsed = completion.choices[0]!.message.parsed;
    expect(Person.parse(parsed)).toEqual(parsed);
  });

  it("parse with an output limit too small for the object raises LengthFinishReasonError", async () => {
    const error = await client.chat.completions
      .parse({
        model: "gpt-4o-mini",
        messages: [{ role: "user", content: "Describe Ada, 36, who likes chess" }],
        response_format: zodResponseFormat(Person, "person"),
        max_completion_tokens: 3,
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LengthFinishReasonError);
  });

  it("a function tool round trip: a call whose arguments validate, then an answer from its result", async () => {
    const messages: OpenAI.ChatCompletionMessageParam[] = [
      { role: "user", content: "What is the weather in Paris?" },
    ];
    const first = await client.chat.completions.parse({
      model: "gpt-4o-mini",
      messages,
      tools: [weatherTool],
    });
    const message = first.choices[0]!.message;
    expect(first.choices[0]!.finish_reason).toBe("tool_calls");
    const call = message.tool_calls![0]!;
    if (call.type !== "function") throw new Error("expected a function call");
    expect(call.function.name).toBe("get_weather");
    const args = Weather.parse(call.function.parsed_arguments);
    expect(args.location).toMatch(/Paris/);

    messages.push(message, { role: "tool", tool_call_id: call.id, content: "18 C and sunny" });
    const second = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages,
      tools: [weatherTool],
    });
    expect(second.choices[0]!.finish_reason).toBe("stop");
    expect(second.choices[0]!.message.content).toContain("18 C and sunny");
  });

  it("web search through web_search_options answers with url_citation annotations", async () => {
    const completion = await client.chat.completions.create({
      model: "gpt-4o-search-preview",
      messages: [{ role: "user", content: "Search the latest news about the Moon" }],
      web_search_options: {},
    });
    const { content, annotations } = completion.choices[0]!.message;
    expect(annotations!.length).toBeGreaterThan(0);
    for (const { url_citation: cite } of annotations!) {
      expect(content!.slice(cite.start_index, cite.end_index)).toContain(cite.url);
    }
  });
});

describe("the openai package against colloquy serve --emulator: Responses", () => {
  it("create answers with output_text and usage", async () => {
    const response = await client.responses.create({ model: "gpt-4.1-mini", input: "Say hello" });
    expect(response.status).toBe("completed");
    expect(response.output_text.length).toBeGreaterThan(0);
    expect(response.usage!.input_tokens).toBeGreaterThan(0);
    expect(response.usage!.output_tokens).toBeGreaterThan(0);
  });

  it("create with stream: true: deltas add up to the completed response's text", async () => {
    const stream = await client.responses.create({
      model: "gpt-4.1-mini",
      input: "Say hello",
      stream: true,
    });
    let text = "";
    let completed: OpenAI.Responses.Response | undefined;
    for await (const event of stream) {
      if (event.type === "response.output_text.delta") text += event.delta;
      if (event.type === "response.completed") completed = event.response;
    }
    expect(text.length).toBeGreaterThan(0);
    expect(textOf(completed!)).toBe(text);
    expect(completed!.usage!.output_tokens).toBeGreaterThan(0);
  });

  it("the .stream() helper's finalResponse holds the text its delta events carried", async () => {
    const stream = client.responses.stream({ model: "gpt-4.1-mini", input: "Say hello" });
    const deltas: string[] = [];
    stream.on("response.output_text.delta", (event) => deltas.push(event.delta));
    const final = await stream.finalResponse();
    expect(deltas.length).toBeGreaterThan(1);
    expect(final.output_text).toBe(deltas.join(""));
  });

  it("parse with zodTextFormat gives output_parsed the schema accepts", async () => {
    const response = await client.responses.parse({
      model: "gpt-4.1-mini",
      input: "Describe Ada, 36, who likes chess",
      text: { format: zodTextFormat(Person, "person") },
    });
    expect(Person.parse(response.output_parsed)).toEqual(response.output_parsed);
  });

  it("a function tool round trip through previous_response_id", async () => {
    const first = await client.responses.create({
      model: "gpt-4.1-mini",
      input: "What is the weather in Tokyo?",
      tools: [responsesWeatherTool],
    });
    const call = first.output.find((item) => item.type === "function_call");
    if (call?.type !== "function_call") throw new Error("expected a function call");
    expect(call.name).toBe("get_weather");
    expect(Weather.parse(JSON.parse(call.arguments)).location).toMatch(/Tokyo/);

    const second = await client.responses.create({
      model: "gpt-4.1-mini",
      previous_response_id: first.id,
      input: [{ type: "function_call_output", call_id: call.call_id, output: "22 C, clear" }],
      tools: [responsesWeatherTool],
    });
    expect(second.output_text).toContain("22 C, clear");
  });

  it("a built-in tool (web_search) is called and the answer cites its sources", async () => {
    const response = await client.responses.create({
      model: "gpt-4.1-mini",
      input: "Search the latest news about the Moon",
      tools: [{ type: "web_search" }],
    });
    const search = response.output.find((item) => item.type === "web_search_call");
    expect(search?.status).toBe("completed");
    expect(response.output_text.length).toBeGreaterThan(0);
    const message = response.output.find((item) => item.type === "message");
    if (message?.type !== "message") throw new Error("expected a message");
    const annotations = message.content.flatMap((part) =>
      part.type === "output_text" ? part.annotations : [],
    );
    expect(annotations.some((annotation) => annotation.type === "url_citation")).toBe(true);
  });

  it("retrieve returns the stored response as it was created", async () => {
    const created = await client.responses.create({ model: "gpt-4.1-mini", input: "Say hello" });
    const retrieved = await client.responses.retrieve(created.id);
    expect(retrieved.id).toBe(created.id);
    expect(retrieved.status).toBe("completed");
    expect(retrieved.output_text).toBe(created.output_text);
  });

  it("background and resume: a dropped stream picks up after the last sequence number seen", async () => {
    const stream = await client.responses.create({
      model: "gpt-4.1-mini",
      input: "Say hello",
      background: true,
      stream: true,
    });
    let id = "";
    let last = -1;
    let text = "";
    for await (const event of stream) {
      if (event.type === "response.created") id = event.response.id;
      last = event.sequence_number;
      if (event.type === "response.output_text.delta") {
        text += event.delta;
        break; // the connection drops after the first delta
      }
    }
    expect(id).not.toBe("");
    const resumed = await client.responses.retrieve(id, { stream: true, starting_after: last });
    let completed: OpenAI.Responses.Response | undefined;
    for await (const event of resumed) {
      expect(event.sequence_number).toBeGreaterThan(last);
      last = event.sequence_number;
      if (event.type === "response.output_text.delta") text += event.delta;
      if (event.type === "response.completed") completed = event.response;
    }
    expect(completed!.background).toBe(true);
    expect(textOf(completed!)).toBe(text);
  });

  it("cancel stops a background response, and retrieve then says cancelled", async () => {
    const queued = await client.responses.create(
      { model: "gpt-4.1-mini", input: "Say hello", background: true },
      { headers: { "x-colloquy-fault": "slow=50" } },
    );
    expect(queued.status).toBe("queued");
    const cancelled = await client.responses.cancel(queued.id);
    expect(cancelled.status).toBe("cancelled");
    expect((await client.responses.retrieve(queued.id)).status).toBe("cancelled");
  });

  it("files: an upload gives an id a later request can refer to", async () => {
    const file = await client.files.create({
      file: await toFile(new TextEncoder().encode("%PDF-1.4 notes"), "notes.pdf", {
        type: "application/pdf",
      }),
      purpose: "user_data",
    });
    expect(file).toMatchObject({ object: "file", filename: "notes.pdf", purpose: "user_data" });
    const response = await client.responses.create({
      model: "gpt-4.1-mini",
      input: [
        {
          role: "user",
          content: [
            { type: "input_file", file_id: file.id },
            { type: "input_text", text: "Summarise these notes" },
          ],
        },
      ],
    });
    expect(response.output_text.length).toBeGreaterThan(0);
  });
});

describe("the openai package against colloquy serve --emulator: bad requests", () => {
  it("an unknown model is a NotFoundError with code model_not_found", async () => {
    const error = await client.chat.completions
      .create({ model: "gpt-banana", messages: [{ role: "user", content: "hi" }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: "model_not_found",
      type: "invalid_request_error",
      param: null,
    });
    const fromResponses = await client.responses
      .create({ model: "gpt-banana", input: "hi" })
      .catch((caught: unknown) => caught);
    expect(fromResponses).toBeInstanceOf(NotFoundError);
    expect(fromResponses).toMatchObject({ code: "model_not_found" });
  });

  it("an unknown previous_response_id is a BadRequestError naming the parameter", async () => {
    const error = await client.responses
      .create({ model: "gpt-4.1-mini", input: "hi", previous_response_id: "resp_missing" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({
      status: 400,
      code: "previous_response_not_found",
      param: "previous_response_id",
    });
  });

  it("an unknown parameter is a BadRequestError with code unknown_parameter", async () => {
    const error = await client.responses
      .create({ model: "gpt-4.1-mini", input: "hi", max_tokens: 10 } as never)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ code: "unknown_parameter", param: "max_tokens" });
  });

  it("an invalid strict JSON Schema is a BadRequestError with code invalid_json_schema", async () => {
    const error = await client.responses
      .create({
        model: "gpt-4.1-mini",
        input: "hi",
        text: {
          format: { type: "json_schema", name: "out", strict: true, schema: { type: "banana" } },
        },
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ code: "invalid_json_schema", param: "text.format.schema" });
  });
});
