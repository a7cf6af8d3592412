import { describe, expect, it } from "vitest";
import { SCENARIOS } from "../../src/testing/index.js";
import { allExchanges, capturesAvailable, type CaptureApi } from "../support/captures.js";
import {
  chatTool,
  emulator,
  post,
  ssePayloads,
  timeTool,
  weatherTool,
  type Json,
} from "./support.js";

/**
 * The emulator's streams speak only the grammar the real API speaks: every event type it
 * sends, and every field name of each event type (top-level, and of the event's `item`, `part`
 * and `delta` objects, told apart by their own `type`), occurs in the recorded OpenAI traffic
 * of the same API. A client written against the emulator then meets nothing OpenAI never sends.
 * (wire-shape.test.ts proves the other direction: every field OpenAI sends, we send.)
 */

/**
 * Fields the real API sends that the recordings happen not to hold, each with its reason.
 * Keep this short: a name here is a claim about OpenAI that the recordings cannot back.
 */
const REFUSAL_UNRECORDED =
  "OpenAI's API reference and the openai package's types (ResponseRefusalDeltaEvent, " +
  "ResponseRefusalDoneEvent, ResponseOutputRefusal) define it; no recorded Responses stream refused";
const CUSTOM_CALL_UNRECORDED =
  "Chat custom tool calls are recorded only unstreamed (chat/custom-tool-call.cassette.yaml: " +
  "tool_calls[] {id, type: custom, custom: {name, input}}); streamed, the call comes whole in " +
  "its tool_calls delta, in that shape with its index";
const REAL_BUT_UNRECORDED = new Map<string, string>([
  ...["custom", "id", "index", "type"].map((key): [string, string] => [
    `chat.completion.chunk: delta.tool_call[custom].${key}`,
    CUSTOM_CALL_UNRECORDED,
  ]),
  ["response.refusal.delta", REFUSAL_UNRECORDED],
  ["response.refusal.done", REFUSAL_UNRECORDED],
  ["response.content_part.added: part[refusal].type", REFUSAL_UNRECORDED],
  ["response.content_part.added: part[refusal].refusal", REFUSAL_UNRECORDED],
  ["response.content_part.done: part[refusal].type", REFUSAL_UNRECORDED],
  ["response.content_part.done: part[refusal].refusal", REFUSAL_UNRECORDED],
  [
    "response.function_call_arguments.done: name",
    "a required field of the openai package's ResponseFunctionCallArgumentsDoneEvent, which " +
      "clients read to name the call; the recorded streams predate it",
  ],
  [
    "chat.completion.chunk: delta.annotations",
    "Chat web search is recorded only unstreamed (chat/web-search-url-citations.session.json, " +
      "message.annotations); streamed, the search models send the same url_citation list in a delta",
  ],
]);

/**
 * Successions the real API makes that the recordings happen not to hold, with the reason.
 * Event types listed in REAL_BUT_UNRECORDED have no recorded neighbours and are left out.
 */
const ORDER_UNRECORDED = new Map<string, string>([
  [
    "response.image_generation_call.partial_image -> response.image_generation_call.partial_image",
    "the one recorded partial-image stream asked for a single partial image; with " +
      "partial_images above 1, OpenAI sends them one after another, coarse to fine",
  ],
  [
    "response.mcp_call_arguments.delta -> response.mcp_call_arguments.delta",
    "the recorded MCP calls' arguments fit in one delta; longer arguments stream in several, " +
      "as function call arguments do",
  ],
]);

/** Every succession `a -> b` of event types within one stream. */
function successions(streams: Json[][]): Set<string> {
  const pairs = new Set<string>();
  for (const stream of streams) {
    for (let i = 1; i < stream.length; i++) {
      pairs.add(`${String(stream[i - 1]!.type)} -> ${String(stream[i]!.type)}`);
    }
  }
  return pairs;
}

/** The successions the emulator makes and the real API never made. */
function unknownOrder(ours: Set<string>, real: Set<string>): string[] {
  return [...ours]
    .filter((pair) => !real.has(pair) && !ORDER_UNRECORDED.has(pair))
    .filter((pair) => !pair.split(" -> ").some((type) => REAL_BUT_UNRECORDED.has(type)))
    .sort();
}

/** The grammar of a set of payloads: each event type, and each field path per event type. */
type Grammar = Map<string, Set<string>>;

function note(grammar: Grammar, type: string, path: string): void {
  const set = grammar.get(type) ?? new Set<string>();
  set.add(path);
  grammar.set(type, set);
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Records `object`'s keys under `prefix`, qualified by the object's own `type` when it has one. */
function noteKeys(grammar: Grammar, type: string, prefix: string, object: Json): void {
  const kind = typeof object.type === "string" ? `${prefix}[${object.type}]` : prefix;
  for (const key of Object.keys(object)) note(grammar, type, `${kind}.${key}`);
}

/** A Responses event: its type, its keys, and the keys of its item, part and delta. */
function responsesGrammar(payloads: Json[]): Grammar {
  const grammar: Grammar = new Map();
  for (const payload of payloads) {
    const type = String(payload.type);
    note(grammar, type, "");
    for (const key of Object.keys(payload)) note(grammar, type, key);
    for (const sub of ["item", "part", "delta"]) {
      if (isObject(payload[sub])) noteKeys(grammar, type, sub, payload[sub]);
    }
  }
  return grammar;
}

/** A Chat chunk: its keys, each choice's keys, and the keys of each delta and its tool calls. */
function chatGrammar(payloads: Json[]): Grammar {
  const grammar: Grammar = new Map();
  for (const payload of payloads) {
    const type = String(payload.object);
    note(grammar, type, "");
    for (const key of Object.keys(payload)) note(grammar, type, key);
    for (const choice of (payload.choices as Json[] | undefined) ?? []) {
      noteKeys(grammar, type, "choice", choice);
      if (!isObject(choice.delta)) continue;
      noteKeys(grammar, type, "delta", choice.delta);
      for (const call of (choice.delta.tool_calls as Json[] | undefined) ?? []) {
        noteKeys(grammar, type, "delta.tool_call", call);
        if (isObject(call.function))
          noteKeys(grammar, type, "delta.tool_call.function", call.function);
      }
    }
  }
  return grammar;
}

/**
 * The items of recorded non-streamed responses, as the `item` of `response.output_item.added`
 * and `.done`: the item an item event carries is the item of the response's `output`, so a
 * recording that was not streamed (computer use is recorded only so) still shows its fields.
 */
function recordedOutputItems(grammar: Grammar): void {
  for (const exchange of allExchanges("responses")) {
    const output = isObject(exchange.json) ? (exchange.json.output as unknown) : undefined;
    if (!Array.isArray(output)) continue;
    for (const item of output.filter(isObject)) {
      for (const type of ["response.output_item.added", "response.output_item.done"]) {
        noteKeys(grammar, type, "item", item);
      }
    }
  }
}

function recordedStreams(api: CaptureApi): Json[][] {
  return allExchanges(api)
    .filter((exchange) => exchange.sse)
    .map((exchange) =>
      ssePayloads(exchange.sse!)
        .filter(isObject)
        .filter((payload) => (api === "chat" ? payload.object === "chat.completion.chunk" : true)),
    );
}

function recordedPayloads(api: CaptureApi): Json[] {
  return recordedStreams(api).flat();
}

/** What the real API never sent: event types, then field paths, as `type` or `type: path`. */
function unknownToReal(ours: Grammar, real: Grammar): string[] {
  const reports: string[] = [];
  for (const [type, paths] of ours) {
    if (REAL_BUT_UNRECORDED.has(type)) continue;
    const known = real.get(type);
    if (!known) {
      reports.push(`${type} (event type)`);
      continue;
    }
    for (const path of paths) {
      if (path !== "" && !known.has(path) && !REAL_BUT_UNRECORDED.has(`${type}: ${path}`)) {
        reports.push(`${type}: ${path}`);
      }
    }
  }
  return reports.sort();
}

const tool = (type: string, extra: Json = {}) => ({ tools: [{ type, ...extra }] });
const SQL_GRAMMAR = {
  type: "grammar",
  syntax: "lark",
  definition:
    'start: "SELECT" columns "FROM" WORD\ncolumns: "*" | WORD\n%import common.WORD\n%import common.WS\n%ignore WS',
};
const mcp = { server_label: "s", server_url: "https://mcp.example/sse" };

/** What each scenario needs in a Responses request to run rather than fall back to text. */
const RESPONSES_NEEDS: Record<string, Json[]> = {
  "function-calls": [{ tools: [weatherTool] }],
  "parallel-function-calls": [{ tools: [weatherTool, timeTool] }],
  "web-search": [tool("web_search"), tool("web_search_preview")],
  "image-generation": [tool("image_generation")],
  "file-search": [
    { include: ["file_search_call.results"], ...tool("file_search", { vector_store_ids: ["v"] }) },
  ],
  "code-interpreter": [tool("code_interpreter", { container: { type: "auto" } })],
  "computer-use": [
    {
      model: "computer-use-preview",
      truncation: "auto",
      ...tool("computer_use_preview", {
        display_width: 1024,
        display_height: 768,
        environment: "browser",
      }),
    },
  ],
  mcp: [
    tool("mcp", { ...mcp, require_approval: "always" }),
    tool("mcp", { ...mcp, require_approval: "never" }),
  ],
  reasoning: [{ model: "o4-mini", reasoning: { summary: "auto" } }],
  "custom-tool-calls": [
    { tools: [{ type: "custom", name: "execute_sql", format: { type: "text" } }] },
    { tools: [{ type: "custom", name: "run_sql", format: SQL_GRAMMAR }] },
  ],
  "apply-patch": [
    { input: "Create notes.md", ...tool("apply_patch") },
    { input: "Delete obsolete.txt", ...tool("apply_patch") },
  ],
  shell: [tool("shell"), tool("shell", { environment: { type: "container_auto" } })],
  "local-shell": [{ model: "gpt-5-codex", ...tool("local_shell") }],
  "tool-search": [
    { tools: [{ ...weatherTool, defer_loading: true }, { type: "tool_search" }] },
    {
      tools: [
        { ...weatherTool, defer_loading: true },
        { type: "tool_search", execution: "client" },
      ],
    },
  ],
  "structured-output": [
    {
      text: {
        format: {
          type: "json_schema",
          name: "city",
          strict: true,
          schema: {
            type: "object",
            properties: { city: { type: "string" } },
            required: ["city"],
            additionalProperties: false,
          },
        },
      },
    },
  ],
  "tool-results": [
    {
      input: [
        { role: "user", content: "weather?" },
        { type: "function_call", call_id: "c1", name: "get_weather", arguments: "{}" },
        { type: "function_call_output", call_id: "c1", output: "sunny" },
      ],
      tools: [weatherTool],
    },
  ],
};

/** Request options that change a stream's shape whatever the scenario. */
const RESPONSES_VARIANTS: Json[] = [
  { input: "Write a long essay about the sea", max_output_tokens: 16 },
  { context_management: [{ type: "compaction", compact_threshold: 1 }] },
  { background: true },
  { include: ["message.output_text.logprobs"], top_logprobs: 2 },
];

const CHAT_NEEDS: Record<string, Json[]> = {
  "custom-tool-calls": [
    {
      tools: [
        {
          type: "custom",
          custom: { name: "run_sql", format: { type: "grammar", grammar: SQL_GRAMMAR } },
        },
      ],
    },
  ],
  "function-calls": [{ tools: [chatTool(weatherTool)] }],
  "parallel-function-calls": [{ tools: [chatTool(weatherTool), chatTool(timeTool)] }],
  "web-search": [{ model: "gpt-4o-mini-search-preview", web_search_options: {} }],
  reasoning: [{ model: "o4-mini" }],
  "structured-output": [
    {
      response_format: {
        type: "json_schema",
        json_schema: {
          name: "city",
          strict: true,
          schema: {
            type: "object",
            properties: { city: { type: "string" } },
            required: ["city"],
            additionalProperties: false,
          },
        },
      },
    },
  ],
  "tool-results": [
    {
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
      tools: [chatTool(weatherTool)],
    },
  ],
};

const CHAT_VARIANTS: Json[] = [
  { stream_options: { include_usage: true } },
  {
    model: "gpt-audio",
    modalities: ["text", "audio"],
    audio: { voice: "ash", format: "pcm16" },
    stream_options: { include_usage: true },
  },
  { logprobs: true, top_logprobs: 2 },
  { messages: [{ role: "user", content: "Write a long essay" }], max_completion_tokens: 16 },
];

async function streamOf(
  handler: ReturnType<typeof emulator>,
  path: string,
  body: Json,
  scenario?: string,
): Promise<Json[]> {
  const headers: Record<string, string> = scenario ? { "x-colloquy-scenario": scenario } : {};
  const response = await post(handler, path, { stream: true, ...body }, headers);
  // A refused request has no events: it would leave the check with nothing to compare.
  expect(response.status, `${scenario ?? "variant"} ${JSON.stringify(body)}`).toBe(200);
  return ssePayloads(await response.text()).filter(isObject);
}

async function emulatorResponsesStreams(): Promise<Json[][]> {
  const handler = emulator({ imageSize: 16 });
  const all: Json[][] = [];
  const base = { model: "gpt-4.1-mini", input: "hello" };
  for (const { name } of SCENARIOS) {
    for (const needs of RESPONSES_NEEDS[name] ?? [{}]) {
      all.push(await streamOf(handler, "/v1/responses", { ...base, ...needs }, name));
    }
  }
  for (const variant of RESPONSES_VARIANTS) {
    all.push(await streamOf(handler, "/v1/responses", { ...base, ...variant }));
  }
  return all;
}

async function emulatorChatPayloads(): Promise<Json[]> {
  const handler = emulator();
  const all: Json[] = [];
  const base = { model: "gpt-4o-mini", messages: [{ role: "user", content: "hello" }] };
  for (const { name } of SCENARIOS) {
    for (const needs of CHAT_NEEDS[name] ?? [{}]) {
      all.push(...(await streamOf(handler, "/v1/chat/completions", { ...base, ...needs }, name)));
    }
  }
  for (const variant of CHAT_VARIANTS) {
    all.push(...(await streamOf(handler, "/v1/chat/completions", { ...base, ...variant })));
  }
  return all;
}

describe.skipIf(!capturesAvailable())("the emulator's streams against the recorded grammar", () => {
  it("every Responses event type and field the emulator streams, in every scenario, OpenAI has sent", async () => {
    const ours = responsesGrammar((await emulatorResponsesStreams()).flat());
    const real = responsesGrammar(recordedPayloads("responses"));
    recordedOutputItems(real);
    // Every scenario ran as itself, not as the text it falls back to without its tool.
    const itemTypes = [...(ours.get("response.output_item.done") ?? [])]
      .map((path) => /^item\[(\w+)\]\.type$/.exec(path)?.[1])
      .filter(Boolean);
    expect(new Set(itemTypes)).toEqual(
      new Set([
        "message",
        "reasoning",
        "function_call",
        "web_search_call",
        "image_generation_call",
        "file_search_call",
        "code_interpreter_call",
        "computer_call",
        "mcp_list_tools",
        "mcp_call",
        "mcp_approval_request",
        "custom_tool_call",
        "apply_patch_call",
        "shell_call",
        "shell_call_output",
        "local_shell_call",
        "tool_search_call",
        "tool_search_output",
        "compaction",
      ]),
    );
    expect(unknownToReal(ours, real)).toEqual([]);
  });

  it("every Chat chunk field the emulator streams, in every scenario, OpenAI has sent", async () => {
    const ours = chatGrammar(await emulatorChatPayloads());
    const real = chatGrammar(recordedPayloads("chat"));
    expect(ours.get("chat.completion.chunk")?.size).toBeGreaterThan(10);
    expect(unknownToReal(ours, real)).toEqual([]);
  });

  it("every succession of Responses event types the emulator streams, OpenAI has streamed", async () => {
    const ours = successions(await emulatorResponsesStreams());
    const real = successions(recordedStreams("responses"));
    expect(ours.size).toBeGreaterThan(30);
    expect(unknownOrder(ours, real)).toEqual([]);
  });

  it("reports a succession of event types the real API never made", () => {
    const real = successions(recordedStreams("responses"));
    const ours = successions([
      [{ type: "response.created" }, { type: "response.in_progress" }],
      [{ type: "response.output_text.delta" }, { type: "response.created" }],
    ]);
    expect(unknownOrder(ours, real)).toEqual(["response.output_text.delta -> response.created"]);
  });

  it("reports an event type or a field the real API never sent", () => {
    const real = responsesGrammar(recordedPayloads("responses"));
    const ours = responsesGrammar([
      { type: "response.made_up", sequence_number: 0 },
      { type: "response.output_text.delta", delta: "x", invented: true },
      { type: "response.output_item.added", item: { type: "message", mood: "happy" } },
    ]);
    expect(unknownToReal(ours, real)).toEqual([
      "response.made_up (event type)",
      "response.output_item.added: item[message].mood",
      "response.output_text.delta: invented",
    ]);
  });
});
