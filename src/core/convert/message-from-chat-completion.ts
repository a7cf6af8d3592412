import type { ChatCompletion } from "openai/resources/chat/completions";
import type { Message, MessageMetadata, MessageStatus } from "../model/message.js";
import type { AudioPart, Part, RefusalPart, TextPart } from "../model/parts.js";
import type { ToolCallPart } from "../model/tool-call-part.js";
import { createMessageId } from "../model/create.js";
import { annotationFromWire, logprobsFromWire } from "./parts-from-output-item.js";
import type { ConversionResult, ConversionWarning } from "./result.js";
import { usageFromChatCompletions } from "./usage-from-wire.js";
import { mergeChoiceExtra } from "./choice-extra.js";
import { describe, invalidInput } from "./input-errors.js";
import { isRecord, unmappedFields } from "./wire-helpers.js";

/** Top-level completion fields mapped into the message; the rest go to `metadata.extra`. */
const COMPLETION_MAPPED: ReadonlySet<string> = new Set([
  "id",
  "object",
  "created",
  "model",
  "choices",
  "usage",
  "service_tier",
  "system_fingerprint",
]);

/** Parses function arguments; invalid JSON leaves `input` undefined for the tool layer. */
function parseArguments(text: string): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toolCallFromWire(raw: Record<string, unknown>, index: number): ToolCallPart {
  if (raw.type === "custom" && isRecord(raw.custom)) {
    const input = typeof raw.custom.input === "string" ? raw.custom.input : "";
    return {
      type: "tool-call",
      kind: "custom",
      state: "input-available",
      toolCallId: typeof raw.id === "string" ? raw.id : "",
      toolName: typeof raw.custom.name === "string" ? raw.custom.name : "",
      inputText: input,
      input,
      index,
    };
  }
  const fn = isRecord(raw.function) ? raw.function : {};
  const inputText = typeof fn.arguments === "string" ? fn.arguments : "";
  return {
    type: "tool-call",
    kind: "function",
    state: "input-available",
    toolCallId: typeof raw.id === "string" ? raw.id : "",
    toolName: typeof fn.name === "string" ? fn.name : "",
    inputText,
    input: parseArguments(inputText),
    index,
  };
}

/**
 * The parts of one Chat Completions choice: reasoning text some compatible servers send
 * (`reasoning_content` / `reasoning`), the text with its annotations and logprobs, the
 * refusal, output audio, and tool calls (including the legacy `function_call`).
 */
export function partsFromChatChoice(choice: Record<string, unknown>): Part[] {
  const message = isRecord(choice.message) ? choice.message : {};
  const logprobs = isRecord(choice.logprobs) ? choice.logprobs : {};
  const parts: Part[] = [];
  const reasoning = message.reasoning_content ?? message.reasoning;
  if (typeof reasoning === "string" && reasoning !== "") {
    parts.push({ type: "reasoning", summary: [], text: reasoning });
  }
  const toolCalls = Array.isArray(message.tool_calls) ? message.tool_calls.filter(isRecord) : [];
  const annotations = Array.isArray(message.annotations) ? message.annotations : [];
  const content = typeof message.content === "string" ? message.content : undefined;
  const hasOther =
    toolCalls.length > 0 || typeof message.refusal === "string" || isRecord(message.audio);
  if ((content !== undefined && (content !== "" || !hasOther)) || annotations.length > 0) {
    const text: TextPart = { type: "text", text: content ?? "" };
    if (annotations.length > 0) text.annotations = annotations.map(annotationFromWire);
    const tokenLogprobs = logprobsFromWire(logprobs.content);
    if (tokenLogprobs) text.logprobs = tokenLogprobs;
    parts.push(text);
  }
  if (typeof message.refusal === "string") {
    const refusal: RefusalPart = { type: "refusal", refusal: message.refusal };
    const refusalLogprobs = logprobsFromWire(logprobs.refusal);
    if (refusalLogprobs) refusal.logprobs = refusalLogprobs;
    parts.push(refusal);
  }
  if (isRecord(message.audio)) {
    const audio = message.audio;
    const part: AudioPart = { type: "audio", origin: "output" };
    if (typeof audio.id === "string") part.id = audio.id;
    if (typeof audio.data === "string") part.data = audio.data;
    if (typeof audio.format === "string") part.format = audio.format;
    if (typeof audio.transcript === "string") part.transcript = audio.transcript;
    if (typeof audio.expires_at === "number") part.expiresAt = audio.expires_at;
    parts.push(part);
  }
  toolCalls.forEach((call, index) => parts.push(toolCallFromWire(call, index)));
  if (isRecord(message.function_call)) {
    const fn = message.function_call;
    const inputText = typeof fn.arguments === "string" ? fn.arguments : "";
    const name = typeof fn.name === "string" ? fn.name : "";
    // The legacy shape has no call id; the name is what a `role: "function"` reply refers to.
    parts.push({
      type: "tool-call",
      kind: "function",
      state: "input-available",
      toolCallId: name,
      toolName: name,
      inputText,
      input: parseArguments(inputText),
    });
  }
  return parts;
}

/** A choice's `index`, 0 when it has none (or one that is not a number). */
function choiceIndex(choice: Record<string, unknown>): number {
  return typeof choice.index === "number" ? choice.index : 0;
}

/** Chat `finish_reason` -> message status: `length` and `content_filter` stop early. */
export function messageStatusFromFinishReason(finishReason: unknown): MessageStatus {
  return finishReason === "length" || finishReason === "content_filter" ? "incomplete" : "complete";
}

/** Options for `messageFromChatCompletion`. */
export interface MessageFromChatCompletionOptions {
  /** The message id; defaults to the completion id. */
  id?: string;
}

/**
 * Completion metadata (everything but the parts) from a Chat Completions object or its last
 * chunk, shared with the streaming accumulator.
 */
export function metadataFromChatCompletion(completion: Record<string, unknown>): MessageMetadata {
  const metadata: MessageMetadata = {};
  if (typeof completion.model === "string") metadata.model = completion.model;
  if (typeof completion.id === "string") metadata.completionId = completion.id;
  const usage = usageFromChatCompletions(completion.usage);
  if (usage) metadata.usage = usage;
  if (typeof completion.service_tier === "string" || completion.service_tier === null) {
    metadata.serviceTier = completion.service_tier;
  }
  if (typeof completion.system_fingerprint === "string" || completion.system_fingerprint === null) {
    metadata.systemFingerprint = completion.system_fingerprint;
  }
  if (typeof completion.created === "number") metadata.createdAt = completion.created;
  const extra = unmappedFields(completion, COMPLETION_MAPPED);
  if (extra) metadata.extra = extra;
  return metadata;
}

/**
 * A Chat Completions object -> one assistant `Message` from choice 0; further choices
 * (`n > 1`) go to `metadata.alternatives`, and unmapped fields of the completion to
 * `metadata.extra` (choice 0's own unmapped fields under `extra.choice`, an alternative's
 * on its `extra`). Throws
 * `ColloquyError("invalid_input")` when `completion` is not an object.
 */
export function messageFromChatCompletion(
  completion: ChatCompletion | Record<string, unknown>,
  options: MessageFromChatCompletionOptions = {},
): ConversionResult<Message> {
  if (!isRecord(completion)) {
    return invalidInput(
      "messageFromChatCompletion",
      `expected a completion object, got ${describe(completion)}. Pass the object returned by POST /v1/chat/completions.`,
    );
  }
  const raw: Record<string, unknown> = completion;
  const warnings: ConversionWarning[] = [];
  const choices = Array.isArray(raw.choices) ? raw.choices.filter(isRecord) : [];
  const sorted = [...choices].sort((a, b) => choiceIndex(a) - choiceIndex(b));
  const first = sorted[0];
  if (!first) {
    warnings.push({
      code: "missing-choices",
      message:
        "The completion has no choices, so the message has no parts. Pass the object returned by POST /v1/chat/completions.",
    });
  }
  const metadata = metadataFromChatCompletion(raw);
  if (first && typeof first.finish_reason === "string") metadata.finishReason = first.finish_reason;
  // Choice 0's unmapped fields (Azure's `content_filter_results`) under `extra.choice`, each
  // further choice's on its alternative.
  const choiceExtra = first ? mergeChoiceExtra(undefined, first) : undefined;
  if (choiceExtra) metadata.extra = { ...metadata.extra, choice: choiceExtra };
  if (sorted.length > 1) {
    metadata.alternatives = sorted.slice(1).map((choice) => {
      const extra = mergeChoiceExtra(undefined, choice);
      return {
        index: choiceIndex(choice),
        parts: partsFromChatChoice(choice),
        ...(typeof choice.finish_reason === "string" ? { finishReason: choice.finish_reason } : {}),
        ...(extra ? { extra } : {}),
      };
    });
  }
  return {
    value: {
      id: options.id ?? (typeof raw.id === "string" ? raw.id : createMessageId()),
      role: "assistant",
      parts: first ? partsFromChatChoice(first) : [],
      metadata,
      status: messageStatusFromFinishReason(first?.finish_reason),
    },
    warnings,
  };
}
