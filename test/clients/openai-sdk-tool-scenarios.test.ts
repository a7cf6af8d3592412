import OpenAI, { BadRequestError } from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveEmulator, type ServedEmulator } from "./serve-emulator.js";

/**
 * The openai package against `colloquy serve --emulator` for the parts the application runs
 * or OpenAI runs for it: custom tools (free-form and grammar-constrained), apply_patch, shell
 * (hosted and local), local shell, tool search (hosted and client), compaction, Chat audio
 * output, Chat web search and `x-request-id`. Each asserts the item a user's code reads and
 * that sending the output back gives a text answer.
 */

let served: ServedEmulator;
let client: OpenAI;

beforeAll(async () => {
  served = await serveEmulator();
  client = new OpenAI({ baseURL: served.url, apiKey: "sk-emulated", maxRetries: 0 });
});
afterAll(() => served.close());

type Item = OpenAI.Responses.ResponseOutputItem;
type Input = OpenAI.Responses.ResponseInputItem;

function only<T extends Item["type"]>(output: Item[], type: T): Extract<Item, { type: T }> {
  const found = output.filter((item) => item.type === type);
  expect(found, `one ${type} in ${output.map((item) => item.type).join(", ")}`).toHaveLength(1);
  return found[0] as Extract<Item, { type: T }>;
}

function textOf(response: OpenAI.Responses.Response): string {
  return response.output
    .flatMap((item) => (item.type === "message" ? item.content : []))
    .map((part) => (part.type === "output_text" ? part.text : ""))
    .join("");
}

const SQL_GRAMMAR = [
  "start: select_stmt",
  'select_stmt: "SELECT" columns "FROM" table',
  'columns: "*" | WORD ("," WORD)*',
  "table: WORD",
  "%import common.WORD",
  "%import common.WS",
  "%ignore WS",
].join("\n");

const weather: OpenAI.Responses.FunctionTool = {
  type: "function",
  name: "get_weather",
  description: "Current weather at a place",
  strict: true,
  parameters: {
    type: "object",
    properties: { location: { type: "string" } },
    required: ["location"],
    additionalProperties: false,
  },
};

/** Sends `output` for the last response's call through previous_response_id; the answer is text. */
async function answerWith(
  previous: OpenAI.Responses.Response,
  output: Input,
  extra: Partial<OpenAI.Responses.ResponseCreateParamsNonStreaming> = {},
) {
  const next = await client.responses.create({
    model: previous.model,
    previous_response_id: previous.id,
    input: [output],
    ...extra,
  });
  expect(next.status).toBe("completed");
  expect(textOf(next).length).toBeGreaterThan(0);
  return next;
}

describe("the openai package against the emulator: custom tools", () => {
  it("a lark-grammar custom tool is called with input the grammar accepts, and its output gives text", async () => {
    const tools: OpenAI.Responses.Tool[] = [
      {
        type: "custom",
        name: "run_sql",
        description: "Execute a constrained SQL SELECT query.",
        format: { type: "grammar", syntax: "lark", definition: SQL_GRAMMAR },
      },
    ];
    const first = await client.responses.create({
      model: "gpt-5",
      input: "Get all data from the users table",
      tools,
    });
    const call = only(first.output, "custom_tool_call");
    expect(call.name).toBe("run_sql");
    expect(call.input).toBe("SELECT * FROM users");
    const next = await answerWith(
      first,
      { type: "custom_tool_call_output", call_id: call.call_id, output: "5 rows" },
      { tools },
    );
    expect(textOf(next)).toContain("5 rows");
  });

  it("a regex-grammar custom tool's input matches the regex, taken from the prompt", async () => {
    const response = await client.responses.create({
      model: "gpt-5",
      input: "Book the date tool for 2025-03-01",
      tools: [
        {
          type: "custom",
          name: "book_date",
          format: { type: "grammar", syntax: "regex", definition: "^\\d{4}-\\d{2}-\\d{2}$" },
        },
      ],
    });
    expect(only(response.output, "custom_tool_call").input).toBe("2025-03-01");
  });

  it("a plain-text custom tool streams its input in custom_tool_call_input deltas", async () => {
    const stream = await client.responses.create({
      model: "gpt-5",
      input: "Use the tool to list the first 5 users",
      tools: [{ type: "custom", name: "execute_sql", description: "Run SQL" }],
      stream: true,
    });
    let deltas = "";
    let done: OpenAI.Responses.Response | undefined;
    for await (const event of stream) {
      if (event.type === "response.custom_tool_call_input.delta") deltas += event.delta;
      if (event.type === "response.completed") done = event.response;
    }
    const call = only(done!.output, "custom_tool_call");
    expect(call.input).toContain("first 5 users");
    expect(deltas).toBe(call.input);
  });

  it("Chat: a custom tool call comes as tool_calls[].custom, and the tool message gets an answer", async () => {
    const tools: OpenAI.ChatCompletionTool[] = [
      {
        type: "custom",
        custom: {
          name: "math_exp",
          description: "Creates valid mathematical expressions",
          format: {
            type: "grammar",
            grammar: {
              syntax: "lark",
              definition:
                'start: expr\nexpr: term (SP ADD SP term)* -> add\n| term\nterm: INT\nSP: " "\nADD: "+"\n%import common.INT\n',
            },
          },
        },
      },
    ];
    const messages: OpenAI.ChatCompletionMessageParam[] = [
      { role: "user", content: "Use the math_exp tool to add four plus four." },
    ];
    const first = await client.chat.completions.create({ model: "gpt-5", messages, tools });
    expect(first.choices[0]!.finish_reason).toBe("tool_calls");
    const call = first.choices[0]!.message.tool_calls![0]!;
    if (call.type !== "custom") throw new Error(`expected a custom call, got ${call.type}`);
    expect(call.custom).toEqual({ name: "math_exp", input: "4 + 4" });
    messages.push(first.choices[0]!.message, { role: "tool", tool_call_id: call.id, content: "8" });
    const second = await client.chat.completions.create({ model: "gpt-5", messages, tools });
    expect(second.choices[0]!.message.content).toContain("8");
  });

  it("a custom tool call left without its output is refused like a function call", async () => {
    const tools: OpenAI.Responses.Tool[] = [{ type: "custom", name: "execute_sql" }];
    const first = await client.responses.create({ model: "gpt-5", input: "use the tool", tools });
    only(first.output, "custom_tool_call");
    const error = await client.responses
      .create({ model: "gpt-5", previous_response_id: first.id, input: "and then?", tools })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).param).toBe("input");
  });
});

describe("the openai package against the emulator: apply_patch and shell", () => {
  it("apply_patch: an apply_patch_call with a create_file operation, then text after its output", async () => {
    const tools: OpenAI.Responses.Tool[] = [{ type: "apply_patch" }];
    const first = await client.responses.create({
      model: "gpt-5.1",
      input: "Create shopping-checklist.md with milk and bread",
      tools,
    });
    const call = only(first.output, "apply_patch_call");
    expect(call.operation).toMatchObject({ type: "create_file", path: "shopping-checklist.md" });
    if (call.operation.type !== "create_file") throw new Error("expected create_file");
    expect(call.operation.diff.split("\n")[0]).toMatch(/^\+/);
    await answerWith(
      first,
      { type: "apply_patch_call_output", call_id: call.call_id, status: "completed" },
      { tools },
    );
  });

  it("apply_patch: update and delete operations name the file, and the stream carries the diff", async () => {
    const tools: OpenAI.Responses.Tool[] = [{ type: "apply_patch" }];
    const removed = await client.responses.create({
      model: "gpt-5.1",
      input: "Delete obsolete.txt",
      tools,
      tool_choice: "required",
    });
    expect(only(removed.output, "apply_patch_call").operation).toEqual({
      type: "delete_file",
      path: "obsolete.txt",
    });
    const stream = await client.responses.create({
      model: "gpt-5.1",
      input: "Rename fib() to fibonacci() in lib/fib.py",
      tools,
      stream: true,
    });
    let diff = "";
    let done: OpenAI.Responses.Response | undefined;
    for await (const event of stream) {
      // The package's event union has no apply_patch diff events yet; they pass through as sent.
      const raw = event as { type: string; delta?: string };
      if (raw.type === "response.apply_patch_call_operation_diff.delta") diff += raw.delta;
      if (event.type === "response.completed") done = event.response;
    }
    const call = only(done!.output, "apply_patch_call");
    expect(call.operation).toMatchObject({ type: "update_file", path: "lib/fib.py", diff });
  });

  it("local shell (the shell tool without environment): a shell_call, then text after shell_call_output", async () => {
    const tools: OpenAI.Responses.Tool[] = [{ type: "shell" }];
    const first = await client.responses.create({
      model: "gpt-5.1",
      input: "Run `ls -a ~/Desktop`",
      tools,
    });
    const call = only(first.output, "shell_call");
    expect(call.action.commands).toEqual(["ls -a ~/Desktop"]);
    expect(first.output.map((item) => item.type)).toEqual(["shell_call"]);
    const next = await answerWith(
      first,
      {
        type: "shell_call_output",
        call_id: call.call_id,
        output: [{ stdout: "notes.txt\n", stderr: "", outcome: { type: "exit", exit_code: 0 } }],
      },
      { tools },
    );
    expect(textOf(next)).toContain("notes.txt");
  });

  it("hosted shell (a container environment): the call, its output and the answer in one response", async () => {
    const response = await client.responses.create({
      model: "gpt-5.2",
      input: "List the files in the container",
      tools: [{ type: "shell", environment: { type: "container_auto" } }],
    });
    expect(response.output.map((item) => item.type)).toEqual([
      "shell_call",
      "shell_call_output",
      "message",
    ]);
    const call = only(response.output, "shell_call");
    const output = only(response.output, "shell_call_output");
    expect(output.call_id).toBe(call.call_id);
    expect(output.output[0]!.outcome).toEqual({ type: "exit", exit_code: 0 });
    expect(output.output[0]!.stdout.length).toBeGreaterThan(0);
    // The container ran it: asking again needs no shell_call_output from the application.
    await answerWith(response, { role: "user", content: "thanks" });
  });

  it("local_shell: a local_shell_call with an exec action, then text after local_shell_call_output", async () => {
    const tools: OpenAI.Responses.Tool[] = [{ type: "local_shell" }];
    const first = await client.responses.create({
      model: "gpt-5-codex",
      input: "Run `ls -a` in my home directory",
      tools,
    });
    const call = only(first.output, "local_shell_call");
    expect(call.action).toMatchObject({ type: "exec", command: ["ls", "-a"] });
    await answerWith(
      first,
      { type: "local_shell_call_output", id: call.call_id, output: '{"stdout":"notes.txt"}' },
      { tools },
    );
  });

  it("a shell call left without its output is refused with param input", async () => {
    const tools: OpenAI.Responses.Tool[] = [{ type: "shell" }];
    const first = await client.responses.create({ model: "gpt-5.1", input: "run ls", tools });
    only(first.output, "shell_call");
    const error = await client.responses
      .create({ model: "gpt-5.1", previous_response_id: first.id, input: "done?", tools })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).message).toMatch(/shell call/);
  });
});

describe("the openai package against the emulator: tool search", () => {
  const deferred = { ...weather, defer_loading: true };

  it("hosted: a tool_search_call, the tool_search_output that loads the function, and its call", async () => {
    const response = await client.responses.create({
      model: "gpt-5.4",
      input: "What is the weather in Paris?",
      tools: [deferred, { type: "tool_search" }],
    });
    expect(response.output.map((item) => item.type)).toEqual([
      "tool_search_call",
      "tool_search_output",
      "function_call",
    ]);
    const search = only(response.output, "tool_search_call");
    expect(search.execution).toBe("server");
    expect(search.arguments).toEqual({ paths: ["get_weather"] });
    const loaded = only(response.output, "tool_search_output");
    expect(loaded.tools.map((tool) => (tool as { name?: string }).name)).toEqual(["get_weather"]);
    const call = only(response.output, "function_call");
    expect(JSON.parse(call.arguments)).toEqual({ location: "Paris" });
    await answerWith(response, {
      type: "function_call_output",
      call_id: call.call_id,
      output: "18 C",
    });
  });

  it("client: a tool_search_call for the application, its tool_search_output, then the loaded function's call", async () => {
    const tools: OpenAI.Responses.Tool[] = [deferred, { type: "tool_search", execution: "client" }];
    const first = await client.responses.create({
      model: "gpt-5.4",
      input: "What is the weather in Paris?",
      tools,
    });
    const search = only(first.output, "tool_search_call");
    expect(search.execution).toBe("client");
    expect(search.call_id).toMatch(/^call_/);
    const second = await client.responses.create({
      model: "gpt-5.4",
      previous_response_id: first.id,
      input: [
        {
          type: "tool_search_output",
          call_id: search.call_id,
          execution: "client",
          tools: [weather],
        },
      ],
      tools,
    });
    const call = only(second.output, "function_call");
    expect(call.name).toBe("get_weather");
    expect(JSON.parse(call.arguments)).toEqual({ location: "Paris" });
    await answerWith(
      second,
      { type: "function_call_output", call_id: call.call_id, output: "18 C" },
      { tools },
    );
  });
});

describe("the openai package against the emulator: compaction, audio, web search, request ids", () => {
  it("context_management past its threshold ends the response with a compaction item, which a later turn accepts", async () => {
    const first = await client.responses.create({
      model: "gpt-5.2",
      input: "Explain unit, integration and end-to-end tests",
      context_management: [{ type: "compaction", compact_threshold: 5 }],
    });
    expect(first.output.map((item) => item.type)).toEqual(["message", "compaction"]);
    const compacted = only(first.output, "compaction");
    expect(compacted.encrypted_content.length).toBeGreaterThan(10);
    await answerWith(first, { role: "user", content: "Summarise that" });
    const below = await client.responses.create({
      model: "gpt-5.2",
      input: "Hi",
      context_management: [{ type: "compaction", compact_threshold: 10_000 }],
    });
    expect(below.output.map((item) => item.type)).toEqual(["message"]);
  });

  it("Chat audio output: message.audio has id, base64 WAV data, the transcript and expires_at", async () => {
    const completion = await client.chat.completions.create({
      model: "gpt-audio",
      modalities: ["text", "audio"],
      audio: { voice: "ash", format: "wav" },
      messages: [{ role: "user", content: "Say hello" }],
    });
    const { message } = completion.choices[0]!;
    expect(message.content).toBeNull();
    const audio = message.audio!;
    expect(audio.id).toMatch(/^audio_/);
    expect(audio.transcript).toContain("Say hello");
    expect(audio.expires_at).toBeGreaterThan(completion.created);
    expect(Buffer.from(audio.data, "base64").subarray(0, 4).toString("latin1")).toBe("RIFF");
    expect(completion.usage!.completion_tokens_details!.audio_tokens).toBeGreaterThan(0);
  });

  it("Chat audio output without the audio options, or on a model that does not speak, is a BadRequestError", async () => {
    const missing = await client.chat.completions
      .create({
        model: "gpt-audio",
        modalities: ["text", "audio"],
        messages: [{ role: "user", content: "Say hello" }],
      })
      .catch((caught: unknown) => caught);
    expect(missing).toBeInstanceOf(BadRequestError);
    expect(missing).toMatchObject({ code: "missing_required_parameter", param: "audio" });
    const silent = await client.chat.completions
      .create({
        model: "gpt-4o-mini",
        modalities: ["text", "audio"],
        audio: { voice: "ash", format: "wav" },
        messages: [{ role: "user", content: "Say hello" }],
      })
      .catch((caught: unknown) => caught);
    expect(silent).toBeInstanceOf(BadRequestError);
    expect(silent).toMatchObject({ code: "invalid_value", param: "modalities" });
  });

  it("Chat audio output streamed: delta.audio carries transcript and pcm16 data, and the stream helper finishes it", async () => {
    const stream = client.chat.completions.stream({
      model: "gpt-audio",
      modalities: ["text", "audio"],
      audio: { voice: "ash", format: "pcm16" },
      messages: [{ role: "user", content: "Say hello" }],
      stream_options: { include_usage: true },
    });
    // The usage chunk comes before the one that ends the audio, as recorded: read it as it passes.
    let usage: OpenAI.CompletionUsage | undefined;
    stream.on("chunk", (chunk) => (usage = chunk.usage ?? usage));
    const final = await stream.finalChatCompletion();
    const choice = final.choices[0]!;
    expect(choice.finish_reason).toBe("stop");
    const audio = choice.message.audio!;
    expect(audio.transcript).toContain("Say hello");
    expect(audio.expires_at).toBeGreaterThan(0);
    // pcm16 is raw 16-bit samples: an even number of bytes, no container.
    const bytes = Buffer.from(audio.data, "base64");
    expect(bytes.length % 2).toBe(0);
    expect(bytes.length).toBeGreaterThan(1000);
    expect(usage!.completion_tokens_details!.audio_tokens).toBeGreaterThan(0);
  });

  it("Chat web search: url_citation annotations point at the cited span, streamed as well", async () => {
    const stream = await client.chat.completions.create({
      model: "gpt-4o-search-preview",
      messages: [{ role: "user", content: "Search the latest news about the Moon" }],
      web_search_options: {},
      stream: true,
    });
    let content = "";
    const annotations: OpenAI.ChatCompletionMessage.Annotation[] = [];
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta as
        { content?: string; annotations?: OpenAI.ChatCompletionMessage.Annotation[] } | undefined;
      content += delta?.content ?? "";
      annotations.push(...(delta?.annotations ?? []));
    }
    expect(annotations.length).toBeGreaterThan(0);
    for (const { url_citation: cite } of annotations) {
      expect(content.slice(cite.start_index, cite.end_index)).toContain(cite.url);
    }
  });

  it("every answer carries an x-request-id the package exposes as _request_id, errors too", async () => {
    const completion = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "hi" }],
    });
    expect(completion._request_id).toMatch(/^req_[0-9a-f]{32}$/);
    const response = await client.responses.create({ model: "gpt-4o-mini", input: "hi" });
    expect(response._request_id).toMatch(/^req_[0-9a-f]{32}$/);
    expect(response._request_id).not.toBe(completion._request_id);
    const error = await client.responses
      .create({ model: "no-such-model", input: "hi" })
      .catch((caught: unknown) => caught);
    expect((error as { requestID?: string }).requestID).toMatch(/^req_[0-9a-f]{32}$/);
  });
});
