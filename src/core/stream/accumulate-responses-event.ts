import type { Message } from "../model/message.js";
import { builtinPartType } from "../model/part-types.js";
import { isRecord } from "../convert/wire-helpers.js";
import { asMalformedEvent, notAnObjectError } from "./malformed-event.js";
import type { ResponsesStreamEvent, UnknownStreamEvent } from "./types.js";
import { copyMessage, metadataWithSequence } from "./snapshot-copies.js";
import { MAX_MESSAGE_PARTS, MAX_UNKNOWN_EVENTS, tooManyPartsError } from "./stream-limits.js";
import { applyErrorEvent, applyResponseEvent } from "./responses-lifecycle.js";
import { applyOutputItemAdded, applyOutputItemDone } from "./responses-items.js";
import {
  appendTextDelta,
  applyAnnotationAdded,
  applyContentPart,
  applyReasoningSummary,
  applyReasoningText,
  applyRefusal,
  applyTextDelta,
  applyTextDone,
} from "./responses-content.js";
import {
  applyAudio,
  applyBuiltinProgress,
  applyImageGeneration,
  applyInterpreterCode,
  applyMcpArguments,
  applyPatchDiff,
  applyToolInput,
} from "./responses-tools.js";

type Loose = Record<string, unknown>;

/** Options for `accumulateResponsesEvent`. */
export interface AccumulateResponsesOptions {
  /** For `response.output_item.done` of a reasoning item: how long it took, in milliseconds. */
  reasoningDurationMs?: number;
}

/** The phases a built-in tool reports in `response.<item type>.<phase>` events. */
const BUILTIN_PHASES: ReadonlySet<string> = new Set([
  "in_progress",
  "searching",
  "interpreting",
  "completed",
  "failed",
]);

/**
 * The phase of a built-in tool's progress event, or undefined for any other event. The tools
 * are the part-type table's wire items, so a built-in added there reports its progress too.
 */
function builtinProgressPhase(type: string): string | undefined {
  const match = /^response\.([a-z_]+)\.([a-z_]+)$/.exec(type);
  if (!match || !BUILTIN_PHASES.has(match[2]!) || !builtinPartType(match[1]!)) return undefined;
  return match[2];
}

function applyKnownEvent(
  message: Message,
  event: Loose,
  options: AccumulateResponsesOptions,
): Message | undefined {
  const type = event.type;
  if (typeof type !== "string") return undefined;
  // A payload of the wrong type reads as an empty one: the event still moves the lifecycle on.
  const response = isRecord(event.response) ? event.response : {};
  const item = isRecord(event.item) ? event.item : {};
  switch (type) {
    case "response.created":
    case "response.queued":
    case "response.in_progress":
    case "response.completed":
    case "response.incomplete":
    case "response.failed":
      return applyResponseEvent(message, type, response);
    case "error":
      return applyErrorEvent(message, event);
    case "response.output_item.added":
      return applyOutputItemAdded(message, item);
    case "response.output_item.done":
      return applyOutputItemDone(message, item, options.reasoningDurationMs);
    case "response.content_part.added":
      return applyContentPart(message, event, false);
    case "response.content_part.done":
      return applyContentPart(message, event, true);
    case "response.output_text.delta":
      return applyTextDelta(message, event);
    case "response.output_text.done":
      return applyTextDone(message, event);
    case "response.output_text.annotation.added":
      return applyAnnotationAdded(message, event);
    case "response.refusal.delta":
      return applyRefusal(message, event, false);
    case "response.refusal.done":
      return applyRefusal(message, event, true);
    case "response.reasoning_summary_part.added":
    case "response.reasoning_summary_part.done":
    case "response.reasoning_summary_text.delta":
    case "response.reasoning_summary_text.done":
      return applyReasoningSummary(message, event);
    case "response.reasoning_text.delta":
      return applyReasoningText(message, event, false);
    case "response.reasoning_text.done":
      return applyReasoningText(message, event, true);
    case "response.function_call_arguments.delta":
    case "response.custom_tool_call_input.delta":
      return applyToolInput(message, event, false);
    case "response.function_call_arguments.done":
    case "response.custom_tool_call_input.done":
      return applyToolInput(message, event, true);
    case "response.mcp_call_arguments.delta":
      return applyMcpArguments(message, event, false);
    case "response.mcp_call_arguments.done":
      return applyMcpArguments(message, event, true);
    case "response.code_interpreter_call_code.delta":
      return applyInterpreterCode(message, event, false);
    case "response.code_interpreter_call_code.done":
      return applyInterpreterCode(message, event, true);
    case "response.apply_patch_call_operation_diff.delta":
      return applyPatchDiff(message, event, false);
    case "response.apply_patch_call_operation_diff.done":
      return applyPatchDiff(message, event, true);
    case "response.image_generation_call.in_progress":
    case "response.image_generation_call.generating":
    case "response.image_generation_call.partial_image":
    case "response.image_generation_call.completed":
      return applyImageGeneration(message, event, type.slice(type.lastIndexOf(".") + 1));
    case "response.audio.delta":
    case "response.audio.done":
    case "response.audio.transcript.delta":
    case "response.audio.transcript.done":
      return applyAudio(message, event);
  }
  const phase = builtinProgressPhase(type);
  if (phase) return applyBuiltinProgress(message, event, phase);
  return undefined;
}

/** True for the `response.created` of a response other than the one the message holds. */
export function startsNewResponse(snapshot: Message, event: Loose): boolean {
  if (event.type !== "response.created") return false;
  const response = isRecord(event.response) ? event.response : {};
  return response.id !== snapshot.metadata.responseId;
}

/**
 * Folds one Responses API stream event into a message snapshot and returns the next one.
 * Pure and immutable: the input is never changed, and only the objects on the event's path
 * are new (the message, its `parts` array, the one changed part), so untouched parts keep
 * their identity. Every piece of state lives in the message, so a persisted snapshot can be
 * continued: events at or before `metadata.lastSequenceNumber` are skipped (returning the
 * same snapshot). Unknown event types are appended to `metadata.unknownEvents` (the first
 * 200; later ones are counted in `metadata.unknownEventsOmitted`).
 *
 * Fields of the wrong type are ignored rather than trusted. Throws only `ColloquyError`s:
 * `malformed_event` for an event that is not an object, or one that cannot be folded at all,
 * and `too_many_parts` for one that would give the message more than 1000 parts (both carry
 * the snapshot before the event).
 */
export function accumulateResponsesEvent(
  snapshot: Message,
  event: ResponsesStreamEvent | UnknownStreamEvent,
  options: AccumulateResponsesOptions = {},
): Message {
  if (!isRecord(event)) throw notAnObjectError("accumulateResponsesEvent", event);
  try {
    return foldEvent(snapshot, event, options);
  } catch (error) {
    // The folds tolerate wrong-typed fields; a shape nobody foresaw must still surface as a
    // colloquy error naming the event, never as a bare TypeError.
    throw asMalformedEvent("accumulateResponsesEvent", describeEvent(event), error, snapshot);
  }
}

function describeEvent(event: Loose): string {
  return typeof event.type === "string" ? `a "${event.type}" event` : "an event without a type";
}

/**
 * `snapshot` with `event` kept among its unknown events, or counted once they are full: the
 * copy each one costs stays bounded, so a stream of unknown events folds in linear time.
 */
function withUnknownEvent(snapshot: Message, event: Loose): Message {
  const { metadata } = snapshot;
  const kept = metadata.unknownEvents ?? [];
  if (kept.length >= MAX_UNKNOWN_EVENTS) {
    const unknownEventsOmitted = (metadata.unknownEventsOmitted ?? 0) + 1;
    return { ...snapshot, metadata: { ...metadata, unknownEventsOmitted } };
  }
  return { ...snapshot, metadata: { ...metadata, unknownEvents: [...kept, { ...event }] } };
}

function foldEvent(snapshot: Message, loose: Loose, options: AccumulateResponsesOptions): Message {
  const sequence = Number.isFinite(loose.sequence_number)
    ? (loose.sequence_number as number)
    : undefined;
  const last = snapshot.metadata.lastSequenceNumber;
  if (
    sequence !== undefined &&
    last !== undefined &&
    sequence <= last &&
    !startsNewResponse(snapshot, loose)
  ) {
    return snapshot;
  }
  if (loose.type === "response.output_text.delta") {
    const appended = appendTextDelta(snapshot, loose, sequence);
    if (appended) return appended;
  }
  let next = applyKnownEvent(snapshot, loose, options) ?? withUnknownEvent(snapshot, loose);
  if (next.parts.length > MAX_MESSAGE_PARTS && next.parts.length > snapshot.parts.length) {
    throw tooManyPartsError(snapshot, describeEvent(loose));
  }
  if (sequence !== undefined && next.metadata.lastSequenceNumber !== sequence) {
    next = copyMessage(next, next.parts, metadataWithSequence(next.metadata, sequence));
  }
  return next;
}
