import type { Message } from "../model/message.js";
import type { Part, ReasoningPart, RefusalPart, TextPart } from "../model/parts.js";
import {
  annotationFromWire,
  logprobsFromWire,
  partsFromOutputItem,
} from "../convert/parts-from-output-item.js";
import { isRecord } from "../convert/wire-helpers.js";
import { updateLastPart } from "./parts-edit.js";
import { copyMessage, metadataWithSequence, textPartWithText } from "./snapshot-copies.js";

/**
 * Content events of a Responses stream: text and refusal parts of message items (with
 * annotations and logprobs), and the summaries and text of reasoning items.
 */

type Loose = Record<string, unknown>;

function textOf(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function isTextAt(itemId: unknown, contentIndex: unknown) {
  return (part: Part): part is TextPart =>
    part.type === "text" && part.itemId === itemId && part.contentIndex === contentIndex;
}

function isRefusalAt(itemId: unknown, contentIndex: unknown) {
  return (part: Part): part is RefusalPart =>
    part.type === "refusal" && part.itemId === itemId && part.contentIndex === contentIndex;
}

function isReasoning(itemId: unknown) {
  return (part: Part): part is ReasoningPart => part.type === "reasoning" && part.id === itemId;
}

function newTextPart(event: Loose): () => TextPart {
  return () => ({
    type: "text",
    text: "",
    state: "streaming",
    itemId: textOf(event.item_id),
    contentIndex: typeof event.content_index === "number" ? event.content_index : 0,
  });
}

function newRefusalPart(event: Loose): () => RefusalPart {
  return () => ({
    type: "refusal",
    refusal: "",
    state: "streaming",
    itemId: textOf(event.item_id),
    contentIndex: typeof event.content_index === "number" ? event.content_index : 0,
  });
}

/** The part a wire content part maps to, at its content index, with the item's phase. */
function partFromContent(message: Message, event: Loose, state: "streaming" | "done"): Part {
  const phase = message.parts.find(
    (part) => part.type === "text" && part.itemId === event.item_id && part.phase !== undefined,
  );
  const [part] = partsFromOutputItem({
    type: "message",
    id: event.item_id,
    content: [event.part],
    ...(phase?.type === "text" ? { phase: phase.phase } : {}),
  });
  const contentIndex = typeof event.content_index === "number" ? event.content_index : 0;
  if (part?.type === "text") return { ...part, contentIndex, state };
  if (part?.type === "refusal") return { ...part, contentIndex, state };
  return part ?? { type: "unknown", originalType: "content_part", raw: { ...event } };
}

/** Applies `response.content_part.added` / `.done`. */
export function applyContentPart(message: Message, event: Loose, done: boolean): Message {
  const content: Loose = isRecord(event.part) ? event.part : {};
  if (content.type === "reasoning_text") {
    // A new reasoning_text block starts a new paragraph, as in the non-streamed mapping.
    if (done) return message;
    return updateLastPart(message, isReasoning(event.item_id), (part) =>
      part.text
        ? { ...part, text: `${part.text}\n\n${textOf(content.text)}` }
        : { ...part, text: textOf(content.text) },
    );
  }
  const part = partFromContent(message, event, done ? "done" : "streaming");
  const matches = (existing: Part): existing is Part => {
    if (part.type === "refusal") return isRefusalAt(event.item_id, event.content_index)(existing);
    if (part.type === "text") return isTextAt(event.item_id, event.content_index)(existing);
    // Content this version does not know: one part per item and content type.
    return (
      existing.type === "unknown" &&
      existing.id === event.item_id &&
      part.type === "unknown" &&
      existing.originalType === part.originalType
    );
  };
  // A new content part goes last: content parts arrive in order, right after their item.
  return updateLastPart(
    message,
    matches,
    () => part,
    () => part,
  );
}

/** Applies `response.output_text.delta`, with its logprobs. */
export function applyTextDelta(message: Message, event: Loose): Message {
  const delta = textOf(event.delta);
  const logprobs = logprobsFromWire(event.logprobs);
  // Logprobs are a plain array in the model, so each delta copies it (see LOGPROBS_COPY_COST
  // in chat-choice.ts for the measured cost); only streams that asked for logprobs pay it.
  return updateLastPart(
    message,
    isTextAt(event.item_id, event.content_index),
    (part) =>
      logprobs
        ? {
            ...part,
            text: part.text + delta,
            logprobs: part.logprobs ? part.logprobs.concat(logprobs) : logprobs,
          }
        : textPartWithText(part, part.text + delta),
    newTextPart(event),
  );
}

/**
 * `response.output_text.delta` in the common case, in one step: no logprobs, and the delta
 * belongs to the last part. The message is copied once, with its sequence number, where the
 * general path copies it twice. `undefined` when the event needs the general path.
 */
export function appendTextDelta(
  message: Message,
  event: Loose,
  sequence: number | undefined,
): Message | undefined {
  const delta = event.delta;
  if (typeof delta !== "string") return undefined;
  const logprobs = event.logprobs;
  if (Array.isArray(logprobs) && logprobs.length > 0) return undefined;
  const parts = message.parts;
  const index = parts.length - 1;
  const last = parts[index];
  if (
    last?.type !== "text" ||
    last.itemId !== event.item_id ||
    last.contentIndex !== event.content_index
  ) {
    return undefined;
  }
  const nextParts = parts.slice();
  nextParts[index] = textPartWithText(last, last.text + delta);
  const metadata =
    sequence === undefined || message.metadata.lastSequenceNumber === sequence
      ? message.metadata
      : metadataWithSequence(message.metadata, sequence);
  return copyMessage(message, nextParts, metadata);
}

/** Applies `response.output_text.done`: the whole text, authoritative. */
export function applyTextDone(message: Message, event: Loose): Message {
  return updateLastPart(
    message,
    isTextAt(event.item_id, event.content_index),
    (part) => ({ ...part, text: textOf(event.text), state: "done" }),
    newTextPart(event),
  );
}

/** Applies `response.output_text.annotation.added`. */
export function applyAnnotationAdded(message: Message, event: Loose): Message {
  const annotation = annotationFromWire(event.annotation);
  return updateLastPart(
    message,
    isTextAt(event.item_id, event.content_index),
    (part) => ({ ...part, annotations: [...(part.annotations ?? []), annotation] }),
    newTextPart(event),
  );
}

/** Applies `response.refusal.delta` / `.done`. */
export function applyRefusal(message: Message, event: Loose, done: boolean): Message {
  return updateLastPart(
    message,
    isRefusalAt(event.item_id, event.content_index),
    (part) =>
      done
        ? { ...part, refusal: textOf(event.refusal), state: "done" }
        : { ...part, refusal: part.refusal + textOf(event.delta) },
    newRefusalPart(event),
  );
}

function newReasoningPart(event: Loose): () => ReasoningPart {
  return () => ({ type: "reasoning", id: textOf(event.item_id), summary: [], state: "streaming" });
}

/**
 * How far past the last summary an index may point. Summaries arrive in order, so a gap only
 * means a missed `summary_part.added`; a larger one is a hostile index that would otherwise
 * allocate that many empty summaries.
 */
const MAX_SUMMARY_GAP = 16;

function withSummary(
  part: ReasoningPart,
  index: number,
  update: (summary: ReasoningPart["summary"][number]) => ReasoningPart["summary"][number],
): ReasoningPart {
  if (!Number.isInteger(index) || index < 0 || index > part.summary.length + MAX_SUMMARY_GAP) {
    return part;
  }
  const summary = part.summary.slice();
  while (summary.length <= index) summary.push({ text: "", state: "streaming" });
  summary[index] = update(summary[index]!);
  return { ...part, summary };
}

/** Applies `response.reasoning_summary_part.added` / `.done` and `reasoning_summary_text.delta` / `.done`. */
export function applyReasoningSummary(message: Message, event: Loose): Message {
  const index = typeof event.summary_index === "number" ? event.summary_index : 0;
  const part: Loose = isRecord(event.part) ? event.part : {};
  return updateLastPart(
    message,
    isReasoning(event.item_id),
    (reasoning) =>
      withSummary(reasoning, index, (summary) => {
        switch (event.type) {
          case "response.reasoning_summary_part.added":
            return { text: textOf(part.text), state: "streaming" };
          case "response.reasoning_summary_text.delta":
            return { ...summary, text: summary.text + textOf(event.delta) };
          case "response.reasoning_summary_text.done":
            return { text: textOf(event.text), state: "done" };
          default:
            return { text: textOf(part.text) || summary.text, state: "done" };
        }
      }),
    newReasoningPart(event),
  );
}

/** Applies `response.reasoning_text.delta` / `.done` (raw reasoning, where exposed). */
export function applyReasoningText(message: Message, event: Loose, done: boolean): Message {
  return updateLastPart(
    message,
    isReasoning(event.item_id),
    (part) => {
      if (!done) return { ...part, text: (part.text ?? "") + textOf(event.delta) };
      // The deltas already hold the text (of every block); done only fills a missed start.
      return part.text === undefined ? { ...part, text: textOf(event.text) } : part;
    },
    newReasoningPart(event),
  );
}
