import type { EventSourceMessage } from "eventsource-parser";
import { ColloquyError } from "../errors.js";
import type { Message } from "../model/message.js";
import { createAssistantMessage } from "./create-assistant-message.js";
import type { ReadStreamOptions } from "./types.js";

/**
 * The errors a stream reader raises, as pure functions of the snapshot so far: each returns
 * the `ColloquyError` with the snapshot marked as the error leaves it (`error.snapshot`), so a
 * caller always keeps the partial message, whatever went wrong.
 */

/** Error codes this reader sets on a message itself; continuing such a message clears them. */
const READER_ERROR_CODES = new Set([
  "stream_cut",
  "invalid_json",
  "aborted",
  "connection_error",
  "out_of_order_event",
  "too_many_parts",
]);

/** The message a stream starts from: `options.initial` without the reader's own error. */
export function startingSnapshot(options: ReadStreamOptions): Message {
  const initial = options.initial;
  if (!initial) return createAssistantMessage(options.id);
  let start: Message = options.id !== undefined ? { ...initial, id: options.id } : initial;
  if (
    start.status === "aborted" ||
    (start.status === "failed" && READER_ERROR_CODES.has(start.error?.code ?? ""))
  ) {
    const { error: _error, ...rest } = start;
    start = { ...rest, status: "in-progress" };
  }
  return start;
}

function failedWith(snapshot: Message, code: string, message: string): Message {
  return { ...snapshot, status: "failed", error: { message, code } };
}

/** The consumer aborted: the snapshot is kept as `aborted`. */
export function abortedError(snapshot: Message, reason: unknown): ColloquyError {
  return new ColloquyError(
    "aborted",
    "The answer was stopped before it finished; what arrived so far is kept.",
    { snapshot: { ...snapshot, status: "aborted" }, cause: reason },
  );
}

/** The stream cannot go on: the snapshot fails with `code` and `message`. */
export function failedError(
  snapshot: Message,
  code: "invalid_json" | "stream_cut",
  message: string,
): ColloquyError {
  return new ColloquyError(code, message, { snapshot: failedWith(snapshot, code, message) });
}

/** The stream ended before its end: `detail` says how, `advice` what to do (from the API). */
export function cutError(
  snapshot: Message,
  expectedEnd: string,
  detail: string,
  advice: string,
): ColloquyError {
  return failedError(
    snapshot,
    "stream_cut",
    `The stream ended before ${expectedEnd}: ${detail}. The connection was probably cut.${advice}`,
  );
}

/** How a cut stream stopped, by the number of events that had arrived. */
export function stoppedAfter(events: number): string {
  return `it stopped after ${events} event${events === 1 ? "" : "s"}`;
}

/** Anything but a `ColloquyError` escaping the reader (the body failing mid-read, mostly). */
export function connectionLostError(snapshot: Message, error: unknown): ColloquyError {
  const detail = error instanceof Error ? error.message : String(error);
  // Shown to end users as is, so it says what happened and what to do, not how.
  const message =
    `The connection was lost before the answer finished (${detail}). What arrived so far ` +
    "is kept; retry for the full answer.";
  return new ColloquyError("connection_error", message, {
    snapshot: failedWith(snapshot, "connection_error", message),
    cause: error,
  });
}

/** An event the folding could not read (its own `ColloquyError`, or anything it threw). */
export function foldError(snapshot: Message, error: unknown): ColloquyError {
  const failure = error instanceof ColloquyError ? error : undefined;
  const code = failure?.code ?? "malformed_event";
  const message = failure?.message ?? `An event could not be read: ${String(error)}.`;
  return new ColloquyError(code, message, {
    snapshot: failedWith(snapshot, code, message),
    cause: error,
  });
}

function describeEvent(event: EventSourceMessage): string {
  return event.event ? `event "${event.event}"` : "an event";
}

/** The start of an event's data, for a message. */
export function excerpt(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}...` : text;
}

/** An event whose data is not JSON (not the last one, which a cut would explain). */
export function invalidJsonError(
  snapshot: Message,
  event: EventSourceMessage,
  data: string,
  cause: unknown,
): ColloquyError {
  const error = failedError(
    snapshot,
    "invalid_json",
    `${describeEvent(event)} carried data that is not valid JSON: ${excerpt(data)}. ` +
      "The server or a proxy sent a malformed event.",
  );
  return Object.assign(error, { cause });
}

/** An event whose data is JSON but not an object. */
export function notAnObjectError(
  snapshot: Message,
  event: EventSourceMessage,
  data: string,
): ColloquyError {
  return failedError(
    snapshot,
    "invalid_json",
    `${describeEvent(event)} carried JSON that is not an object: ${excerpt(data)}.`,
  );
}
