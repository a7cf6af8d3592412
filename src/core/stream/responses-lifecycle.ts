import type { Message, MessageMetadata, MessageStatus } from "../model/message.js";
import { partsFromOutputItem, type OutputItemLike } from "../convert/parts-from-output-item.js";
import { deepEqual } from "./deep-equal.js";
import { findLastPartIndex, partItemId, spliceParts, withParts } from "./parts-edit.js";
import { metadataFromResponse } from "../convert/message-from-response.js";
import { messageErrorFromWire } from "./message-error.js";

/**
 * The response-level events of a Responses stream (`response.created` ... `response.completed`,
 * `error`): metadata, usage and the message status.
 */

type Loose = Record<string, unknown>;

const STATUS_FROM_RESPONSE: Record<string, MessageStatus> = {
  completed: "complete",
  incomplete: "incomplete",
  failed: "failed",
  cancelled: "aborted",
};

/** The message status for a Responses API `status` (`queued`/`in_progress` stay in progress). */
export function statusFromResponseStatus(status: unknown): MessageStatus {
  return (typeof status === "string" ? STATUS_FROM_RESPONSE[status] : undefined) ?? "in-progress";
}

/**
 * Metadata carried by a response object (the same mapping as a non-streamed response), merged
 * over what the message already holds.
 */
function mergeResponseMetadata(metadata: MessageMetadata, response: Loose): MessageMetadata {
  const fromResponse = metadataFromResponse(response);
  const next: MessageMetadata = { ...metadata, ...fromResponse };
  // A different response restarts the sequence numbering this message tracks.
  if (
    metadata.responseId !== undefined &&
    fromResponse.responseId !== undefined &&
    metadata.responseId !== fromResponse.responseId
  ) {
    delete next.lastSequenceNumber;
  }
  return next;
}

/**
 * Brings the parts in line with the final `response.output`: items that never got their
 * `output_item.done` (it happens, see the recordings), and fields the server only fills in
 * the final response. Parts equal to their final form keep their identity; reasoning parts
 * keep their measured duration. Items the final response leaves out are kept as streamed.
 */
function reconcileOutput(message: Message, output: unknown): Message {
  if (!Array.isArray(output)) return message;
  let parts = message.parts;
  for (const item of output as Loose[]) {
    if (typeof item?.id !== "string") continue;
    const id = item.id;
    const last = findLastPartIndex(parts, (part) => partItemId(part) === id);
    let first = last;
    while (first > 0 && partItemId(parts[first - 1]!) === id) first -= 1;
    const current = last === -1 ? [] : parts.slice(first, last + 1);
    const finalParts = partsFromOutputItem(item as OutputItemLike).map((part, index) => {
      const previous = current[index];
      if (
        previous?.type === "reasoning" &&
        part.type === "reasoning" &&
        previous.durationMs !== undefined
      ) {
        part = { ...part, durationMs: previous.durationMs };
      }
      return previous && deepEqual(previous, part) ? previous : part;
    });
    if (
      finalParts.length === current.length &&
      finalParts.every((part, i) => part === current[i])
    ) {
      continue;
    }
    parts =
      last === -1
        ? spliceParts(parts, parts.length, 0, finalParts)
        : spliceParts(parts, first, last - first + 1, finalParts);
  }
  return withParts(message, parts);
}

/** Applies `response.created` / `queued` / `in_progress` / `completed` / `incomplete` / `failed`. */
export function applyResponseEvent(message: Message, type: string, response: Loose): Message {
  const metadata = mergeResponseMetadata(message.metadata, response);
  const id = message.id === "" && typeof response.id === "string" ? response.id : message.id;
  let next: Message = { ...message, id, metadata };
  const terminal =
    type === "response.completed" || type === "response.incomplete" || type === "response.failed";
  if (!terminal) return next;
  next = reconcileOutput(next, response.output);
  next.status = type === "response.failed" ? "failed" : statusFromResponseStatus(response.status);
  if (next.status === "in-progress")
    next.status = type === "response.incomplete" ? "incomplete" : "complete";
  if (next.status === "failed") {
    next.error = messageErrorFromWire(
      response.error,
      next.error?.message ?? "The response failed.",
    );
  }
  return next;
}

/**
 * Applies an `error` event: the message fails with the error, keeping every part received.
 * The payload is `{ code, message, param }` in the typed union and `{ error: { ... } }` in
 * some recordings; both are read.
 */
export function applyErrorEvent(message: Message, event: Loose): Message {
  // In the flat shape `type` is the event's own ("error"), not an error type.
  const { type: _type, ...flat } = event;
  const source = typeof event.error === "object" && event.error !== null ? event.error : flat;
  return {
    ...message,
    status: "failed",
    error: messageErrorFromWire(source, "The stream reported an error."),
  };
}
