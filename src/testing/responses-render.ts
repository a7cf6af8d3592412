import type { EmulatorRequest } from "./emulator-request-model.js";
import type { OutputItem, Plan } from "./plan.js";
import { splitTokens, tokenLogprob, type TokenLogprob } from "./tokens.js";
import { EventList } from "./event-list.js";
import { startedItem } from "./started-item.js";
import { clientToolEvents } from "./client-tool-events.js";
import { countUsage, responsesUsage } from "./usage.js";

/** Turns a plan into Responses API events and response objects, in the order OpenAI sends them. */

type Json = Record<string, unknown>;

/** The lifecycle states of a response object. */
export type ResponseStatus =
  "queued" | "in_progress" | "completed" | "cancelled" | "incomplete" | "failed";

/** Identity of one response: its id, creation time and the request it answers. */
export interface ResponseIdentity {
  /** `resp_emu_...`. */
  id: string;
  /** Seconds since the epoch. */
  createdAt: number;
  /** The request. */
  request: EmulatorRequest;
}

/**
 * The tier a response reports: the one asked for, echoed; `auto` (or none) is reported as
 * `auto` while running and as the tier that served it, `default`, once finished.
 */
export function serviceTier(request: EmulatorRequest, status: ResponseStatus | "final"): string {
  const asked = request.serviceTier;
  if (asked && asked !== "auto") return asked;
  return status === "completed" || status === "incomplete" || status === "final"
    ? "default"
    : "auto";
}

/** A response object with every field the real API sends. */
export function responseObject(
  identity: ResponseIdentity,
  status: ResponseStatus,
  output: unknown[],
  usage: Json | null,
): Json {
  const body = identity.request.body;
  const reasoning = (body.reasoning as Json | undefined) ?? {};
  const text = (body.text as Json | undefined) ?? {};
  return {
    id: identity.id,
    object: "response",
    created_at: identity.createdAt,
    status,
    background: identity.request.background,
    completed_at: status === "completed" ? identity.createdAt + 1 : null,
    error: null,
    incomplete_details: status === "incomplete" ? { reason: "max_output_tokens" } : null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    max_tool_calls: body.max_tool_calls ?? null,
    model: identity.request.model,
    output,
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: body.previous_response_id ?? null,
    prompt_cache_key: body.prompt_cache_key ?? null,
    reasoning: { effort: reasoning.effort ?? null, summary: reasoning.summary ?? null },
    safety_identifier: body.safety_identifier ?? null,
    service_tier: serviceTier(identity.request, status),
    store: body.store ?? true,
    temperature: body.temperature ?? 1,
    text: { format: text.format ?? { type: "text" }, verbosity: text.verbosity ?? "medium" },
    tool_choice: body.tool_choice ?? "auto",
    tools: body.tools ?? [],
    top_logprobs: body.top_logprobs ?? 0,
    top_p: body.top_p ?? 1,
    truncation: body.truncation ?? "disabled",
    usage,
    user: body.user ?? null,
    metadata: body.metadata ?? {},
  };
}

/** A finished message with token logprobs filled in where the request asked for them. */
function withLogprobs(item: OutputItem, request: EmulatorRequest): OutputItem {
  if (item.type !== "message" || !request.logprobs) return item;
  const content = (item.content as Json[]).map((part) =>
    part.type === "output_text"
      ? {
          ...part,
          logprobs: splitTokens(String(part.text)).map((token) =>
            tokenLogprob(token, request.topLogprobs),
          ),
        }
      : part,
  );
  return { ...item, content };
}

/** The final response of a plan (what non-streaming calls return). */
export function finalResponse(identity: ResponseIdentity, plan: Plan): Json {
  const output = plan.items.map((item) => withLogprobs(item, identity.request));
  return responseObject(
    identity,
    plan.incomplete ? "incomplete" : "completed",
    output,
    responsesUsage(countUsage(identity.request, plan)),
  );
}

function messageEvents(
  list: EventList,
  item: OutputItem,
  outputIndex: number,
  request: EmulatorRequest,
): void {
  const base = { item_id: item.id, output_index: outputIndex };
  (item.content as Json[]).forEach((part, contentIndex) => {
    const at = { ...base, content_index: contentIndex };
    if (part.type === "refusal") {
      const refusal = String(part.refusal);
      list.push({
        type: "response.content_part.added",
        ...at,
        part: { type: "refusal", refusal: "" },
      });
      for (const token of splitTokens(refusal)) {
        list.push({ type: "response.refusal.delta", ...at, delta: token });
      }
      list.push({ type: "response.refusal.done", ...at, refusal });
      list.push({ type: "response.content_part.done", ...at, part });
      return;
    }
    const text = String(part.text);
    const annotations = (part.annotations as Json[] | undefined) ?? [];
    list.push({
      type: "response.content_part.added",
      ...at,
      part: { type: "output_text", annotations: [], logprobs: [], text: "" },
    });
    let sent = 0;
    let nextAnnotation = 0;
    const logprobs: TokenLogprob[] = [];
    for (const token of splitTokens(text)) {
      const tokenLogprobs = request.logprobs ? [tokenLogprob(token, request.topLogprobs)] : [];
      logprobs.push(...tokenLogprobs);
      list.push({
        type: "response.output_text.delta",
        ...at,
        delta: token,
        logprobs: tokenLogprobs,
      });
      sent += token.length;
      // An annotation is announced once the text it points at has arrived.
      while (nextAnnotation < annotations.length) {
        const annotation = annotations[nextAnnotation]!;
        const end = Number(annotation.end_index ?? annotation.index ?? 0);
        if (end > sent) break;
        list.push({
          type: "response.output_text.annotation.added",
          ...at,
          annotation_index: nextAnnotation,
          annotation,
        });
        nextAnnotation++;
      }
    }
    for (; nextAnnotation < annotations.length; nextAnnotation++) {
      list.push({
        type: "response.output_text.annotation.added",
        ...at,
        annotation_index: nextAnnotation,
        annotation: annotations[nextAnnotation],
      });
    }
    list.push({ type: "response.output_text.done", ...at, text, logprobs });
    list.push({ type: "response.content_part.done", ...at, part: { ...part, logprobs } });
  });
}

function reasoningEvents(list: EventList, item: OutputItem, outputIndex: number): void {
  const base = { item_id: item.id, output_index: outputIndex };
  (item.summary as Json[]).forEach((part, summaryIndex) => {
    const at = { ...base, summary_index: summaryIndex };
    const text = String(part.text);
    list.push({
      type: "response.reasoning_summary_part.added",
      ...at,
      part: { type: "summary_text", text: "" },
    });
    for (const token of splitTokens(text)) {
      list.push({ type: "response.reasoning_summary_text.delta", ...at, delta: token });
    }
    list.push({ type: "response.reasoning_summary_text.done", ...at, text });
    list.push({ type: "response.reasoning_summary_part.done", ...at, part });
  });
}

function argumentPieces(text: string): string[] {
  return text.match(/[\s\S]{1,8}/g) ?? [];
}

function itemEvents(
  list: EventList,
  item: OutputItem,
  outputIndex: number,
  request: EmulatorRequest,
  plan: Plan,
): void {
  const at = { output_index: outputIndex, item_id: item.id };
  const finished = withLogprobs(item, request);
  list.push({
    type: "response.output_item.added",
    output_index: outputIndex,
    item: startedItem(item),
  });
  switch (item.type) {
    case "message":
      messageEvents(list, finished, outputIndex, request);
      break;
    case "reasoning":
      reasoningEvents(list, item, outputIndex);
      break;
    case "function_call":
      for (const delta of argumentPieces(String(item.arguments))) {
        list.push({ type: "response.function_call_arguments.delta", ...at, delta });
      }
      list.push({
        type: "response.function_call_arguments.done",
        ...at,
        name: item.name,
        arguments: item.arguments,
      });
      break;
    case "web_search_call":
      list.push({ type: "response.web_search_call.in_progress", ...at });
      list.push({ type: "response.web_search_call.searching", ...at });
      list.push({ type: "response.web_search_call.completed", ...at });
      break;
    case "file_search_call":
      list.push({ type: "response.file_search_call.in_progress", ...at });
      list.push({ type: "response.file_search_call.searching", ...at });
      list.push({ type: "response.file_search_call.completed", ...at });
      break;
    case "image_generation_call": {
      list.push({ type: "response.image_generation_call.in_progress", ...at });
      list.push({ type: "response.image_generation_call.generating", ...at });
      (plan.partialImages[item.id] ?? []).forEach((image, index) => {
        list.push({
          type: "response.image_generation_call.partial_image",
          ...at,
          partial_image_index: index,
          partial_image_b64: image,
          size: item.size,
          quality: item.quality,
          background: item.background,
          output_format: item.output_format,
        });
      });
      list.push({ type: "response.image_generation_call.completed", ...at });
      break;
    }
    case "code_interpreter_call":
      list.push({ type: "response.code_interpreter_call.in_progress", ...at });
      for (const delta of splitTokens(String(item.code))) {
        list.push({ type: "response.code_interpreter_call_code.delta", ...at, delta });
      }
      list.push({ type: "response.code_interpreter_call_code.done", ...at, code: item.code });
      list.push({ type: "response.code_interpreter_call.interpreting", ...at });
      list.push({ type: "response.code_interpreter_call.completed", ...at });
      break;
    case "mcp_list_tools":
      list.push({ type: "response.mcp_list_tools.in_progress", ...at });
      list.push({ type: "response.mcp_list_tools.completed", ...at });
      break;
    case "custom_tool_call":
    case "apply_patch_call":
    case "shell_call":
    case "shell_call_output":
      clientToolEvents(list, item, outputIndex);
      break;
    case "mcp_call":
      list.push({ type: "response.mcp_call.in_progress", ...at });
      for (const delta of argumentPieces(String(item.arguments))) {
        list.push({ type: "response.mcp_call_arguments.delta", ...at, delta });
      }
      list.push({ type: "response.mcp_call_arguments.done", ...at, arguments: item.arguments });
      list.push({ type: "response.mcp_call.completed", ...at });
      break;
  }
  list.push({ type: "response.output_item.done", output_index: outputIndex, item: finished });
}

/**
 * Every event of a streamed response, numbered from 0. Background responses start with
 * `response.queued` after `response.created`, as the real API does.
 */
export function responseEvents(identity: ResponseIdentity, plan: Plan): Json[] {
  const list = new EventList();
  const initial = identity.request.background ? "queued" : "in_progress";
  list.push({ type: "response.created", response: responseObject(identity, initial, [], null) });
  if (identity.request.background) {
    list.push({ type: "response.queued", response: responseObject(identity, "queued", [], null) });
  }
  list.push({
    type: "response.in_progress",
    response: responseObject(identity, "in_progress", [], null),
  });
  plan.items.forEach((item, index) => itemEvents(list, item, index, identity.request, plan));
  list.push({
    type: plan.incomplete ? "response.incomplete" : "response.completed",
    response: finalResponse(identity, plan),
  });
  return list.events;
}
