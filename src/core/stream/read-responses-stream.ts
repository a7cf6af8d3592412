import type { Message } from "../model/message.js";
import { accumulateResponsesEvent } from "./accumulate-responses-event.js";
import { checkSequenceOrder } from "./sequence-order.js";
import { readEventStream, type StreamFolding } from "./stream-reader.js";
import type { MessageStream, ReadStreamOptions } from "./types.js";

type Loose = Record<string, unknown>;

/** A text delta without logprobs: runs of them may be joined. */
function isPlainTextDelta(event: Loose): boolean {
  if (event.type !== "response.output_text.delta" || typeof event.delta !== "string") return false;
  const logprobs = event.logprobs;
  return !(Array.isArray(logprobs) && logprobs.length > 0);
}

/**
 * Joins consecutive text deltas of one content part into one delta carrying the later
 * sequence number: folded, they give the message that folding each would. Not when the run's
 * first event would be skipped as already seen (a continued message).
 */
function joinTextDeltas(snapshot: Message, run: Loose, next: Loose): boolean {
  if (next.item_id !== run.item_id || next.content_index !== run.content_index) return false;
  const sequence = next.sequence_number;
  const runSequence = run.sequence_number;
  if (sequence !== undefined || runSequence !== undefined) {
    if (typeof sequence !== "number" || typeof runSequence !== "number") return false;
    if (!(sequence > runSequence)) return false;
    const last = snapshot.metadata.lastSequenceNumber;
    if (last !== undefined && !(runSequence > last)) return false;
  }
  run.delta = (run.delta as string) + (next.delta as string);
  run.sequence_number = sequence;
  return true;
}

/** Folding for Responses API events, timing reasoning items with the stream's clock. */
function responsesFolding(options: ReadStreamOptions): StreamFolding {
  const now = options.now ?? (() => performance.now());
  const reasoningStarts = new Map<string, number>();
  // Events up to here were in the message the stream continues; a replay of them is skipped.
  const resumedAfter = options.initial?.metadata.lastSequenceNumber;
  return {
    expectedEnd: "response.completed, response.incomplete or response.failed",
    resumeAdvice(snapshot: Message) {
      const last = snapshot.metadata.lastSequenceNumber;
      return last !== undefined
        ? ` A background response can be resumed with starting_after=${last}.`
        : " Retry the request.";
    },
    payloadOf(payload, event) {
      // Some servers name the event only in the SSE `event:` field.
      if (typeof payload.type !== "string" && event.event) return { type: event.event, ...payload };
      return payload;
    },
    finish: (snapshot) => snapshot,
    joinable: isPlainTextDelta,
    join: joinTextDeltas,
    fold(snapshot, payload) {
      checkSequenceOrder(snapshot, payload, resumedAfter);
      const type = payload.type;
      if (type === "response.output_item.added" || type === "response.output_item.done") {
        const item = payload.item as Loose | null | undefined;
        if (typeof item === "object" && item !== null && item.type === "reasoning") {
          const id = item.id;
          if (typeof id === "string") {
            if (type === "response.output_item.added") reasoningStarts.set(id, now());
            const start =
              type === "response.output_item.done" ? reasoningStarts.get(id) : undefined;
            if (start !== undefined) {
              return accumulateResponsesEvent(snapshot, payload, {
                reasoningDurationMs: Math.max(0, now() - start),
              });
            }
          }
        }
      }
      return accumulateResponsesEvent(snapshot, payload);
    },
  };
}

/**
 * Reads a Responses API event stream (a fetch `Response` or its body) into message
 * snapshots, folded with `accumulateResponsesEvent`. The stream must end with
 * `response.completed`, `response.incomplete` or `response.failed` (or an `error` event).
 * Reasoning items get a `durationMs` measured with `options.now`.
 *
 * Iterate the result for a `{ snapshot, event }` per event, or await `finalMessage()`. A
 * stream that reports a failure ends normally with a message whose status is `failed`.
 * Errors thrown are `ColloquyError`s carrying the message received so far as `snapshot`:
 * `api_error` (`APIError`) for a non-2xx JSON error body, `not_event_stream` for HTML or other
 * content, `invalid_json` for an event that is not JSON, `stream_cut` for a stream that ended
 * early, `aborted` when the signal fired, `malformed_event` for an event that cannot be
 * folded, `out_of_order_event` for an event numbered at or before one already folded (a gap
 * in the numbers is fine), `too_many_parts` for an answer of more than 1000 parts, and
 * `connection_error` when reading the body failed.
 *
 * Only the Responses accumulator is imported, so an app that reads only Responses streams
 * does not ship the Chat Completions one (`readChatStream` is its counterpart).
 */
export function readResponsesStream(
  body: Response | ReadableStream<Uint8Array>,
  options: ReadStreamOptions = {},
): MessageStream {
  return readEventStream(body, options, responsesFolding(options));
}
