import { createRandom, words, type Random } from "../lib/random.js";

/** Which OpenAI API a generated stream imitates. */
export type StreamApi = "responses" | "chat";

/** A generated stream: its SSE text and the answer text it spells out. */
export interface GeneratedStream {
  /** The full `text/event-stream` body. */
  sse: string;
  /** The concatenation of every delta, to check each contender's result against. */
  text: string;
}

/** Short deltas shaped like real tokens: a word, a space-led word, punctuation. */
function deltas(random: Random, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const roll = random.next();
    if (roll < 0.08) out.push(random.pick([".", ",", ":", "\n\n", " `", "`", " **", "**"]));
    else out.push(` ${words(random, 1)}`);
  }
  return out;
}

function obfuscation(random: Random): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  let value = "";
  const length = random.int(3, 14);
  for (let i = 0; i < length; i++) value += random.pick(alphabet.split(""));
  return value;
}

function chatSse(random: Random, parts: string[]): string {
  const base = {
    id: "chatcmpl-BENCH0000000000000000000001",
    object: "chat.completion.chunk",
    created: 1_760_000_000,
    model: "gpt-4o-mini-2024-07-18",
    service_tier: "default",
    system_fingerprint: "fp_bench00001",
  };
  const chunk = (delta: object, finish: string | null, extra: object = {}) =>
    `data: ${JSON.stringify({
      ...base,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
      usage: null,
      ...extra,
      obfuscation: obfuscation(random),
    })}\n\n`;
  const out = [chunk({ role: "assistant", content: "", refusal: null }, null)];
  for (const part of parts) out.push(chunk({ content: part }, null));
  out.push(chunk({}, "stop"));
  out.push(
    `data: ${JSON.stringify({
      ...base,
      choices: [],
      usage: {
        prompt_tokens: 20,
        completion_tokens: parts.length,
        total_tokens: parts.length + 20,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0 },
      },
      obfuscation: obfuscation(random),
    })}\n\n`,
  );
  out.push("data: [DONE]\n\n");
  return out.join("");
}

function responsesSse(random: Random, parts: string[]): string {
  const responseId = "resp_bench000000000000000000000000000000000000001";
  const itemId = "msg_bench000000000000000000000000000000000000001";
  let sequence = 0;
  const event = (type: string, body: object) =>
    `event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: sequence++, ...body })}\n\n`;
  const response = (status: string, output: object[], usage: object | null) => ({
    id: responseId,
    object: "response",
    created_at: 1_760_000_000,
    status,
    background: false,
    error: null,
    incomplete_details: null,
    instructions: null,
    max_output_tokens: null,
    model: "gpt-4.1-mini-2025-04-14",
    output,
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    service_tier: "default",
    store: true,
    temperature: 1,
    text: { format: { type: "text" }, verbosity: "medium" },
    tool_choice: "auto",
    tools: [],
    top_p: 1,
    truncation: "disabled",
    usage,
    user: null,
    metadata: {},
  });
  const text = parts.join("");
  const item = (status: string, content: object[]) => ({
    id: itemId,
    type: "message",
    status,
    content,
    role: "assistant",
  });
  const part = (value: string) => ({
    type: "output_text",
    annotations: [],
    logprobs: [],
    text: value,
  });
  const out = [
    event("response.created", { response: response("in_progress", [], null) }),
    event("response.in_progress", { response: response("in_progress", [], null) }),
    event("response.output_item.added", { output_index: 0, item: item("in_progress", []) }),
    event("response.content_part.added", {
      item_id: itemId,
      output_index: 0,
      content_index: 0,
      part: part(""),
    }),
  ];
  for (const delta of parts) {
    out.push(
      event("response.output_text.delta", {
        item_id: itemId,
        output_index: 0,
        content_index: 0,
        delta,
        logprobs: [],
        obfuscation: obfuscation(random),
      }),
    );
  }
  out.push(
    event("response.output_text.done", {
      item_id: itemId,
      output_index: 0,
      content_index: 0,
      text,
      logprobs: [],
    }),
    event("response.content_part.done", {
      item_id: itemId,
      output_index: 0,
      content_index: 0,
      part: part(text),
    }),
    event("response.output_item.done", { output_index: 0, item: item("completed", [part(text)]) }),
    event("response.completed", {
      response: response("completed", [item("completed", [part(text)])], {
        input_tokens: 20,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens: parts.length,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: parts.length + 20,
      }),
    }),
  );
  return out.join("");
}

/** A seeded OpenAI stream of `count` text deltas, framed as the real API frames it. */
export function generateStream(api: StreamApi, count: number, seed = 1): GeneratedStream {
  const random = createRandom(seed);
  const parts = deltas(random, count);
  const sse = api === "chat" ? chatSse(random, parts) : responsesSse(random, parts);
  return { sse, text: parts.join("") };
}

/** Seeded answer deltas, for benches that frame them themselves. */
export function generateAnswerDeltas(count: number, seed = 1): string[] {
  return deltas(createRandom(seed), count);
}

/** Frames the given deltas as an OpenAI stream of `api`. */
export function frameDeltas(api: StreamApi, parts: string[], seed = 1): string {
  const random = createRandom(seed);
  return api === "chat" ? chatSse(random, parts) : responsesSse(random, parts);
}
