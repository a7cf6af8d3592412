import type { EventSourceMessage } from "eventsource-parser";
import { ColloquyError } from "../errors.js";
import type { Message } from "../model/message.js";
import { accumulateChatChunk, finishChatMessage } from "./accumulate-chat-chunk.js";
import { accumulateResponsesEvent } from "./accumulate-responses-event.js";
import { createAssistantMessage } from "./create-assistant-message.js";
import {
  apiErrorFromBody,
  isErrorBody,
  notEventStreamError,
  type BodyOrigin,
} from "./http-errors.js";
import { abortableRead, openResponse, readText } from "./body-reading.js";
import { SseDecoder } from "./sse-decoder.js";
import type {
  MessageStream,
  MessageStreamEvent,
  ReadMessageStreamOptions,
  StreamUpdate,
} from "./types.js";

type Loose = Record<string, unknown>;

/** Error codes this reader sets on a message itself; continuing such a message clears them. */
const READER_ERROR_CODES = new Set(["stream_cut", "invalid_json", "aborted", "connection_error"]);

/** The message a stream starts from. */
function startingSnapshot(options: ReadMessageStreamOptions): Message {
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

function describeEvent(event: EventSourceMessage): string {
  return event.event ? `event "${event.event}"` : "an event";
}

function excerpt(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}...` : text;
}

/**
 * Reads an OpenAI event stream (a fetch `Response` or its body) into message snapshots.
 *
 * - `api: "responses"`: Responses API events, folded with `accumulateResponsesEvent`; the
 *   stream must end with `response.completed`, `response.incomplete` or `response.failed`
 *   (or an `error` event).
 * - `api: "chat"`: Chat Completions chunks, folded with `accumulateChatChunk`; `data: [DONE]`
 *   ends the stream, which must have sent `[DONE]` or a `finish_reason`.
 *
 * Iterate the result for a `{ snapshot, event }` per event, or await `finalMessage()`. (When a
 * Chat `[DONE]` completes a message that never got a `finish_reason`, a last update carries
 * the event `{ done: true }`.) A
 * stream that reports a failure (`response.failed`, an `error` event or payload) ends
 * normally with a message whose status is `failed`. Errors thrown are `ColloquyError`s
 * carrying the message received so far as `snapshot`: `api_error` (`APIError`) for a non-2xx
 * JSON error body, `not_event_stream` for HTML or other content, `invalid_json` for an event
 * that is not JSON, `stream_cut` for a stream that ended early, `aborted` when the signal fired,
 * `malformed_event` for an event the accumulator cannot fold, and `connection_error` when
 * reading the body failed.
 */
export function readMessageStream(
  body: Response | ReadableStream<Uint8Array>,
  options: ReadMessageStreamOptions,
): MessageStream {
  const now = options.now ?? (() => performance.now());
  let snapshot = startingSnapshot(options);
  let generator: AsyncGenerator<StreamUpdate, void, undefined> | undefined;

  const reasoningStarts = new Map<string, number>();

  /**
   * Anything but a `ColloquyError` escaping the reader (the body failing mid-read, mostly) as
   * one that carries the snapshot, so callers handle a single error type and keep the partial
   * message whatever went wrong.
   */
  function asColloquyError(error: unknown): ColloquyError {
    if (error instanceof ColloquyError) return error;
    if (options.signal?.aborted) return abortedError();
    const detail = error instanceof Error ? error.message : String(error);
    const message =
      `Reading the stream failed (${detail}). The connection was probably lost; the ` +
      "snapshot holds what had arrived. Retry the request.";
    snapshot = failedWith(snapshot, "connection_error", message);
    return new ColloquyError("connection_error", message, { snapshot, cause: error });
  }

  /** Folds one payload; an event the accumulator cannot fold fails the message. */
  function apply(payload: Loose): Message {
    try {
      return accumulate(payload);
    } catch (error) {
      const failure = error instanceof ColloquyError ? error : undefined;
      const code = failure?.code ?? "malformed_event";
      const message = failure?.message ?? `An event could not be read: ${String(error)}.`;
      snapshot = failedWith(snapshot, code, message);
      throw new ColloquyError(code, message, {
        snapshot,
        cause: error,
      });
    }
  }

  function accumulate(payload: Loose): Message {
    if (options.api === "chat") return accumulateChatChunk(snapshot, payload);
    const item = (
      typeof payload.item === "object" && payload.item !== null ? payload.item : {}
    ) as Loose;
    if (item.type === "reasoning" && typeof item.id === "string") {
      if (payload.type === "response.output_item.added") reasoningStarts.set(item.id, now());
      if (payload.type === "response.output_item.done") {
        const start = reasoningStarts.get(item.id);
        if (start !== undefined) {
          return accumulateResponsesEvent(snapshot, payload, {
            reasoningDurationMs: Math.max(0, now() - start),
          });
        }
      }
    }
    return accumulateResponsesEvent(snapshot, payload);
  }

  function abortedError(): ColloquyError {
    snapshot = { ...snapshot, status: "aborted" };
    return new ColloquyError(
      "aborted",
      "The stream was stopped by its abort signal; the snapshot holds what had arrived.",
      { snapshot, cause: options.signal?.reason },
    );
  }

  function fail(code: "invalid_json" | "stream_cut", message: string): ColloquyError {
    snapshot = failedWith(snapshot, code, message);
    return new ColloquyError(code, message, { snapshot });
  }

  /** Parses one SSE event; `undefined` for `[DONE]` and empty keep-alives. */
  function parseEvent(event: EventSourceMessage, atEnd: boolean): Loose | "done" | undefined {
    const data = event.data.trim();
    if (data === "") return undefined;
    if (data === "[DONE]") return "done";
    let payload: unknown;
    try {
      payload = JSON.parse(data) as unknown;
    } catch (cause) {
      if (atEnd) throw cutError(`its last event was truncated: ${excerpt(data)}`);
      throw Object.assign(
        fail(
          "invalid_json",
          `${describeEvent(event)} carried data that is not valid JSON: ${excerpt(data)}. ` +
            "The server or a proxy sent a malformed event.",
        ),
        { cause },
      );
    }
    if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
      throw fail(
        "invalid_json",
        `${describeEvent(event)} carried JSON that is not an object: ${excerpt(data)}.`,
      );
    }
    const loose = payload as Loose;
    if (options.api === "responses" && typeof loose.type !== "string" && event.event) {
      return { type: event.event, ...loose };
    }
    return loose;
  }

  function cutError(detail: string): ColloquyError {
    const expected =
      options.api === "chat"
        ? "a finish_reason or data: [DONE]"
        : "response.completed, response.incomplete or response.failed";
    const resume =
      options.api === "responses" && snapshot.metadata.lastSequenceNumber !== undefined
        ? ` A background response can be resumed with starting_after=${snapshot.metadata.lastSequenceNumber}.`
        : " Retry the request.";
    return fail(
      "stream_cut",
      `The stream ended before ${expected}: ${detail}. The connection was probably cut.${resume}`,
    );
  }

  async function* run(): AsyncGenerator<StreamUpdate, void, undefined> {
    if (options.signal?.aborted) throw abortedError();
    let stream: ReadableStream<Uint8Array> | null;
    let origin: BodyOrigin = {};
    if (body instanceof Response) ({ stream, origin } = await openResponse(body, snapshot));
    else stream = body;
    if (!stream) throw cutError("the response had no body");

    const reader = stream.getReader();
    const decoder = new SseDecoder();
    let sniffed = false;
    let finished = false;
    let events = 0;
    try {
      while (!finished) {
        let result: ReadableStreamReadResult<Uint8Array>;
        try {
          result = await abortableRead(reader, options.signal);
        } catch (error) {
          if (options.signal?.aborted) throw abortedError();
          throw error;
        }
        const atEnd = result.done;
        let chunk = result.value;
        // Chunks of only whitespace still go to the decoder (they can be part of a line), so
        // the stream parses the same however it is split.
        if (!sniffed && chunk) {
          const first = chunk.find((byte) => byte > 0x20);
          if (first !== undefined) sniffed = true;
          // `<` opens an HTML page, `{` a JSON body: neither is an event stream.
          if (first === 0x3c || first === 0x7b) {
            const text = await readText(reader, chunk);
            chunk = undefined;
            if (first === 0x7b && isErrorBody(text)) throw apiErrorFromBody(text, origin, snapshot);
            throw notEventStreamError(text, origin, undefined, snapshot);
          }
        }
        const parsed = atEnd ? decoder.end() : decoder.push(chunk!);
        for (const event of parsed) {
          const payload = parseEvent(event, atEnd);
          if (payload === undefined) continue;
          if (payload === "done") {
            finished = true;
            const done = options.api === "chat" ? finishChatMessage(snapshot) : snapshot;
            if (done !== snapshot) {
              snapshot = done;
              yield { snapshot, event: { done: true } };
            }
            break;
          }
          events += 1;
          snapshot = apply(payload);
          yield { snapshot, event: payload as MessageStreamEvent };
          if (options.signal?.aborted) throw abortedError();
        }
        if (atEnd) break;
      }
      if (!finished && snapshot.status === "in-progress") {
        throw cutError(`it stopped after ${events} event${events === 1 ? "" : "s"}`);
      }
    } finally {
      // Stops the body early on errors, aborts and `[DONE]`; a no-op once it has ended.
      void reader.cancel().catch(() => undefined);
      reader.releaseLock();
    }
  }

  // The error that ended the stream, so a later `finalMessage()` reports it again.
  let failure: unknown;
  async function* guarded(): AsyncGenerator<StreamUpdate, void, undefined> {
    try {
      yield* run();
    } catch (error) {
      failure = asColloquyError(error);
      throw failure;
    }
  }

  const iterate = () => (generator ??= guarded());
  return {
    get snapshot() {
      return snapshot;
    },
    [Symbol.asyncIterator]: iterate,
    async finalMessage() {
      if (failure !== undefined) throw failure;
      for await (const _update of { [Symbol.asyncIterator]: iterate }) {
        // Draining: every update is already in `snapshot`.
      }
      if (failure !== undefined) throw failure;
      return snapshot;
    },
  };
}
