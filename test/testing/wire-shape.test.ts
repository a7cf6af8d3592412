import { describe, expect, it } from "vitest";
import { allExchanges, capturesAvailable } from "../support/captures.js";
import {
  emulator,
  events,
  post,
  ssePayloads,
  timeTool,
  weatherTool,
  type Json,
} from "./support.js";

/**
 * Compares the emulator's events with the real recordings: every field the real API sends
 * with an event (or an output item, or a chat chunk) the emulator sends too.
 */

/** Fields the emulator may leave out: anti-side-channel padding and per-deployment extras. */
const OPTIONAL = new Set([
  "obfuscation",
  "content_filters",
  "content_filter_results",
  "prompt_filter_results",
  "phase",
  "moderation",
  "prompt_cache_retention",
  "billing",
  "frequency_penalty",
  "presence_penalty",
  "status",
  "user_location",
  // Newer or feature-specific fields: programmatic tool calling, tool search, per-tool billing.
  "function_call.caller",
  "function_call.namespace",
  "response.tool_usage",
  "reasoning.content",
]);

const optional = (type: string, key: string) => OPTIONAL.has(key) || OPTIONAL.has(`${type}.${key}`);

function keysByType(
  payloads: Json[],
  pick: (payload: Json) => [string, Json][],
): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const payload of payloads) {
    for (const [type, object] of pick(payload)) {
      const keys = map.get(type) ?? new Set<string>();
      for (const key of Object.keys(object)) keys.add(key);
      map.set(type, keys);
    }
  }
  return map;
}

const eventsOf = (payload: Json): [string, Json][] => [[String(payload.type), payload]];
const itemsOf = (payload: Json): [string, Json][] =>
  payload.type === "response.output_item.done" ? [[String(payload.item.type), payload.item]] : [];
const responsesOf = (payload: Json): [string, Json][] =>
  payload.type === "response.completed" ? [["response", payload.response]] : [];

async function emulatorPayloads(): Promise<Json[]> {
  const handler = emulator({ imageSize: 16 });
  // Each built-in tool's scenario needs its tool declared, as a model only calls tools it has.
  const tool = (type: string, extra: Json = {}) => ({ tools: [{ type, ...extra }] });
  const mcp = { server_label: "s", server_url: "https://mcp.example/sse" };
  const bodies: Json[] = [
    { input: "hello" },
    { model: "o4-mini", input: "why?", include: ["reasoning.encrypted_content"] },
    { input: "use the tool", tools: [weatherTool, timeTool] },
    { input: "search news", ...tool("web_search") },
    {
      input: "read the file",
      include: ["file_search_call.results"],
      ...tool("file_search", { vector_store_ids: ["vs_1"] }),
    },
    { input: "draw", ...tool("image_generation") },
    { input: "python code", ...tool("code_interpreter", { container: { type: "auto" } }) },
    {
      model: "computer-use-preview",
      input: "screenshot",
      truncation: "auto",
      ...tool("computer_use_preview", {
        display_width: 1024,
        display_height: 768,
        environment: "browser",
      }),
    },
    { input: "mcp", ...tool("mcp", { ...mcp, require_approval: "always" }) },
    { input: "mcp", ...tool("mcp", { ...mcp, require_approval: "never" }) },
    { input: "refuse" },
    { input: "hi", include: ["message.output_text.logprobs"], top_logprobs: 2 },
    { input: "use the tool", tools: [{ type: "custom", name: "execute_sql" }] },
    { input: "Create notes.md", ...tool("apply_patch") },
    { input: "list files", ...tool("shell") },
    { input: "list files", ...tool("shell", { environment: { type: "container_auto" } }) },
    { model: "gpt-5-codex", input: "list files", ...tool("local_shell") },
    {
      input: "weather?",
      tools: [{ ...weatherTool, defer_loading: true }, { type: "tool_search" }],
    },
    {
      input: "weather?",
      tools: [
        { ...weatherTool, defer_loading: true },
        { type: "tool_search", execution: "client" },
      ],
    },
    { input: "hi", context_management: [{ type: "compaction", compact_threshold: 1 }] },
  ];
  const all: Json[] = [];
  for (const body of bodies) {
    const response = await post(handler, "/v1/responses", {
      model: "gpt-4o-mini",
      stream: true,
      ...body,
    });
    // A refused request has no events: it would leave the comparison with nothing to check.
    expect(response.status, JSON.stringify(body)).toBe(200);
    all.push(...(await events(response)));
  }
  return all;
}

describe.skipIf(!capturesAvailable())("wire shape against the recordings", () => {
  it("sends every field the real Responses API sends, per event, item and response", async () => {
    const recorded = allExchanges("responses")
      .filter((exchange) => exchange.sse)
      .flatMap((exchange) => ssePayloads(exchange.sse!))
      .filter((payload): payload is Json => typeof payload === "object" && payload !== null);
    const ours = await emulatorPayloads();
    const missing: string[] = [];
    for (const pick of [eventsOf, itemsOf, responsesOf]) {
      const real = keysByType(recorded, pick);
      const mine = keysByType(ours, pick);
      for (const [type, keys] of mine) {
        for (const key of real.get(type) ?? []) {
          if (!keys.has(key) && !optional(type, key)) missing.push(`${type}.${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("sends every field the real Chat API sends per chunk and choice", async () => {
    const recorded = allExchanges("chat")
      .filter((exchange) => exchange.sse)
      .flatMap((exchange) => ssePayloads(exchange.sse!))
      .filter(
        (payload): payload is Json =>
          typeof payload === "object" &&
          payload !== null &&
          (payload as Json).object === "chat.completion.chunk",
      );
    const handler = emulator();
    const ours: Json[] = [];
    for (const body of [
      { messages: [{ role: "user", content: "hi" }], stream_options: { include_usage: true } },
      { messages: [{ role: "user", content: "refuse" }], logprobs: true },
    ]) {
      const response = await post(handler, "/v1/chat/completions", {
        model: "gpt-4o-mini",
        stream: true,
        ...body,
      });
      expect(response.status, JSON.stringify(body)).toBe(200);
      const text = await response.text();
      ours.push(...(ssePayloads(text).filter((p) => typeof p === "object") as Json[]));
    }
    const chunkKeys = (list: Json[]) => keysByType(list, (chunk) => [["chunk", chunk]]);
    const choiceKeys = (list: Json[]) =>
      keysByType(list, (chunk) =>
        ((chunk.choices as Json[] | undefined) ?? []).map(
          (choice) => ["choice", choice] as [string, Json],
        ),
      );
    const missing: string[] = [];
    for (const keys of [chunkKeys, choiceKeys]) {
      const real = keys(recorded);
      const mine = keys(ours);
      for (const [type, set] of mine) {
        for (const key of real.get(type) ?? []) {
          if (!set.has(key) && !optional(type, key)) missing.push(`${type}.${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
