import type { EventSourceMessage } from "eventsource-parser";
import { ColloquyError } from "../errors.js";
import type { Message } from "../model/message.js";
import { createAssistantMessage } from "./create-assistant-message.js";
import {
  apiErrorFromBody,
  isErrorBody,
  notEventStreamError,
  type BodyOrigin,
} from "./http-errors.js";
import { abortableRead, openResponse, readText } from "./body-reading.js";
import { readAhead, type ChunkReader } from "./read-ahead.js";
import { SseDecoder } from "./sse-decoder.js";
import type {
  MessageStream,
  MessageStreamEvent,
  ReadStreamOptions,
  StreamUpdate,
} from "./types.js";

type Loose = Record<string, unknown>;

/**
 * What the reader needs from one API: how its payloads fold into a message and how its
 * streams end. Made once per stream, so it may keep per-stream state.
 */
export interface StreamFolding {
  /** Folds one parsed payload (an object) into the snapshot; may throw. */
  fold(snapshot: Message, payload: Loose): Message;
  /**
   * The payload a stream event stands for, given the SSE event it came in (an API whose
   * payloads may omit their type can take it from the event name).
   */
  payloadOf(payload: Loose, event: EventSourceMessage): Loose;
  /** The snapshot once `data: [DONE]` arrived. */
  finish(snapshot: Message): Message;
  /** What a complete stream ends with, for the error of a cut one. */
  expectedEnd: string;
  /** What to do about a cut stream, given what arrived (a sentence starting with a space). */
  resumeAdvice(snapshot: Message): string;
  /**
   * True for a payload that may be joined with others (see `join`); asked once per payload.
   * Used only where no one sees the updates in between (`finalMessage()`).
   */
  joinable(payload: Loose): boolean;
  /**
   * Joins `next` into `run`, both joinable (changing `run` in place, a payload the reader
   * parsed itself), when folding the two as one event gives the same message as folding them
   * in turn onto `snapshot`, the message before `run`; returns whether it did.
   */
  join(snapshot: Message, run: Loose, next: Loose): boolean;
}

/** Error codes this reader sets on a message itself; continuing such a message clears them. */
const READER_ERROR_CODES = new Set([
  "stream_cut",
  "invalid_json",
  "aborted",
  "connection_error",
  "out_of_order_event",
  "too_many_parts",
]);

const NO_EVENTS: EventSourceMessage[] = [];
const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/** The message a stream starts from. */
function startingSnapshot(options: ReadStreamOptions): Message {
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
 * Reads an event stream into message snapshots with the given folding. The work is driven by
 * the consumer: each `next()` folds one pending event (no read, no extra task when the last
 * chunk already holds it), and `finalMessage()` folds chunk after chunk without handing out
 * updates one at a time.
 */
export function readEventStream(
  body: Response | ReadableStream<Uint8Array>,
  options: ReadStreamOptions,
  folding: StreamFolding,
): MessageStream {
  const signal = options.signal;
  let snapshot = startingSnapshot(options);

  let reader: ChunkReader | undefined;
  const decoder = new SseDecoder();
  let origin: BodyOrigin = {};
  let sniffed = false;
  // The events of the last chunk read, and how many of them were folded.
  let pending = NO_EVENTS;
  let taken = 0;
  // The last chunk was the end of the body.
  let atEnd = false;
  // `data: [DONE]` arrived.
  let finished = false;
  let events = 0;
  // An update went out: the consumer may have aborted before asking for the next one.
  let abortCheckDue = false;
  // No more updates: the stream ended, failed or was closed by its consumer.
  let closed = false;
  // The error that ended the stream, so a later `finalMessage()` reports it again.
  let failure: ColloquyError | undefined;
  // The read in progress, so that concurrent callers take turns.
  let busy: Promise<unknown> | undefined;
  // Joinable events `finalMessage()` joined into one and has not folded yet (see
  // `StreamFolding.join`).
  let run: Loose | undefined;

  /** Folds the joined events, if any, into the snapshot. */
  function foldRun(): void {
    if (run === undefined) return;
    const joined = run;
    run = undefined;
    snapshot = apply(joined);
  }

  /**
   * Folds the joined events before an error takes the snapshot; if they cannot be folded,
   * the error being raised is the one to report.
   */
  function foldRunBeforeError(): void {
    try {
      foldRun();
    } catch {
      // `apply` marked the snapshot failed; the caller's error replaces that.
    }
  }

  function abortedError(): ColloquyError {
    foldRunBeforeError();
    snapshot = { ...snapshot, status: "aborted" };
    return new ColloquyError(
      "aborted",
      "The answer was stopped before it finished; what arrived so far is kept.",
      { snapshot, cause: signal?.reason },
    );
  }

  function fail(code: "invalid_json" | "stream_cut", message: string): ColloquyError {
    foldRunBeforeError();
    snapshot = failedWith(snapshot, code, message);
    return new ColloquyError(code, message, { snapshot });
  }

  function cutError(detail: string): ColloquyError {
    // The advice reads the snapshot: the joined events belong in it.
    foldRunBeforeError();
    return fail(
      "stream_cut",
      `The stream ended before ${folding.expectedEnd}: ${detail}. The connection was probably ` +
        `cut.${folding.resumeAdvice(snapshot)}`,
    );
  }

  /**
   * Anything but a `ColloquyError` escaping the reader (the body failing mid-read, mostly) as
   * one that carries the snapshot, so callers handle a single error type and keep the partial
   * message whatever went wrong.
   */
  function asColloquyError(error: unknown): ColloquyError {
    if (error instanceof ColloquyError) return error;
    if (signal?.aborted) return abortedError();
    foldRunBeforeError();
    const detail = error instanceof Error ? error.message : String(error);
    // Shown to end users as is, so it says what happened and what to do, not how.
    const message =
      `The connection was lost before the answer finished (${detail}). What arrived so far ` +
      "is kept; retry for the full answer.";
    snapshot = failedWith(snapshot, "connection_error", message);
    return new ColloquyError("connection_error", message, { snapshot, cause: error });
  }

  /** Folds one payload; an event the folding cannot read fails the message. */
  function apply(payload: Loose): Message {
    try {
      return folding.fold(snapshot, payload);
    } catch (error) {
      const failure = error instanceof ColloquyError ? error : undefined;
      const code = failure?.code ?? "malformed_event";
      const message = failure?.message ?? `An event could not be read: ${String(error)}.`;
      snapshot = failedWith(snapshot, code, message);
      throw new ColloquyError(code, message, { snapshot, cause: error });
    }
  }

  /** Parses one SSE event; `undefined` for empty keep-alives. */
  function parseEvent(event: EventSourceMessage): Loose | "done" | undefined {
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
    return folding.payloadOf(payload as Loose, event);
  }

  /** Folds pending events up to the next update; `undefined` once they are used up. */
  function takeUpdate(): StreamUpdate | undefined {
    if (abortCheckDue) {
      abortCheckDue = false;
      if (signal?.aborted) throw abortedError();
    }
    while (taken < pending.length) {
      const payload = parseEvent(pending[taken++]!);
      if (payload === undefined) continue;
      if (payload === "done") {
        finished = true;
        pending = NO_EVENTS;
        taken = 0;
        const done = folding.finish(snapshot);
        if (done === snapshot) return undefined;
        snapshot = done;
        return { snapshot, event: { done: true } };
      }
      events += 1;
      snapshot = apply(payload);
      abortCheckDue = true;
      return { snapshot, event: payload as MessageStreamEvent };
    }
    return undefined;
  }

  /** True once no event can follow; throws `stream_cut` for a stream that ended early. */
  function ended(): boolean {
    if (finished) return true;
    if (!atEnd) return false;
    foldRun();
    if (snapshot.status === "in-progress") {
      throw cutError(`it stopped after ${events} event${events === 1 ? "" : "s"}`);
    }
    return true;
  }

  async function open(): Promise<ChunkReader> {
    if (signal?.aborted) throw abortedError();
    let stream: ReadableStream<Uint8Array> | null;
    if (body instanceof Response) ({ stream, origin } = await openResponse(body, snapshot));
    else stream = body;
    if (!stream) throw cutError("the response had no body");
    return readAhead(stream.getReader());
  }

  /** Reads the next chunk of the body into `pending`. */
  async function readChunk(): Promise<void> {
    reader ??= await open();
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await abortableRead(reader, signal);
    } catch (error) {
      if (signal?.aborted) throw abortedError();
      throw error;
    }
    atEnd = result.done;
    const chunk = result.value;
    // Chunks of only whitespace still go to the decoder (they can be part of a line), so the
    // stream parses the same however it is split.
    if (!sniffed && chunk) {
      const first = chunk.find((byte) => byte > 0x20);
      if (first !== undefined) sniffed = true;
      // `<` opens an HTML page, `{` a JSON body: neither is an event stream.
      if (first === 0x3c || first === 0x7b) {
        const text = await readText(reader, chunk);
        if (first === 0x7b && isErrorBody(text)) throw apiErrorFromBody(text, origin, snapshot);
        throw notEventStreamError(text, origin, undefined, snapshot);
      }
    }
    pending = atEnd ? decoder.end() : decoder.push(chunk!);
    taken = 0;
  }

  /** Stops reading: the body is cancelled (a no-op once it has ended) and released. */
  function close(): void {
    closed = true;
    pending = NO_EVENTS;
    if (!reader) return;
    void reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }

  function failWith(error: unknown): ColloquyError {
    failure = asColloquyError(error);
    close();
    return failure;
  }

  /** The next update, reading as many chunks as it takes. */
  async function readUpdate(): Promise<IteratorResult<StreamUpdate, undefined>> {
    try {
      for (;;) {
        await readChunk();
        const update = takeUpdate();
        if (update) return { done: false, value: update };
        if (ended()) {
          close();
          return DONE;
        }
      }
    } catch (error) {
      throw failWith(error);
    }
  }

  /** Waits for the read in progress, whatever its outcome. */
  function afterBusy<T>(then: () => Promise<T>): Promise<T> {
    return busy!.then(then, then);
  }

  function track<T>(promise: Promise<T>): Promise<T> {
    const tracked = promise.finally(() => {
      if (busy === tracked) busy = undefined;
    });
    busy = tracked;
    return tracked;
  }

  function next(): Promise<IteratorResult<StreamUpdate, undefined>> {
    if (busy) return afterBusy(next);
    if (closed) return Promise.resolve(DONE);
    try {
      // The common case: the chunk read last holds the next event.
      const update = takeUpdate();
      if (update) return Promise.resolve({ done: false, value: update });
      if (ended()) {
        close();
        return Promise.resolve(DONE);
      }
    } catch (error) {
      return Promise.reject(failWith(error));
    }
    return track(readUpdate());
  }

  /**
   * Folds every pending event, joining the events the folding can join (across chunks: the
   * last run stays open until an event that does not join, an error or the end).
   */
  function foldPending(): void {
    if (signal?.aborted) throw abortedError();
    while (taken < pending.length) {
      const payload = parseEvent(pending[taken++]!);
      if (payload === undefined) continue;
      if (payload === "done") {
        foldRun();
        finished = true;
        pending = NO_EVENTS;
        taken = 0;
        snapshot = folding.finish(snapshot);
        return;
      }
      events += 1;
      if (!folding.joinable(payload)) {
        foldRun();
        snapshot = apply(payload);
      } else if (run === undefined || !folding.join(snapshot, run, payload)) {
        foldRun();
        run = payload;
      }
    }
  }

  async function drain(): Promise<Message> {
    try {
      for (;;) {
        foldPending();
        if (ended()) break;
        await readChunk();
        if (failure !== undefined) throw failure;
      }
      foldRun();
    } catch (error) {
      throw failWith(error);
    }
    close();
    return snapshot;
  }

  function finalMessage(): Promise<Message> {
    if (busy) return afterBusy(finalMessage);
    if (failure !== undefined) return Promise.reject(failure);
    if (closed) return Promise.resolve(snapshot);
    return track(drain());
  }

  const iterator: AsyncIterableIterator<StreamUpdate, undefined, undefined> = {
    next,
    return(): Promise<IteratorResult<StreamUpdate, undefined>> {
      if (busy) return afterBusy(() => iterator.return!());
      if (!closed) close();
      return Promise.resolve(DONE);
    },
    [Symbol.asyncIterator]: () => iterator,
  };

  return {
    get snapshot() {
      // Between two chunks of a `finalMessage()`, events may wait joined: the snapshot shows
      // them. Should they not fold, the drain reports it after its read.
      if (run !== undefined) {
        try {
          foldRun();
        } catch (error) {
          failure = asColloquyError(error);
        }
      }
      return snapshot;
    },
    [Symbol.asyncIterator]: () => iterator,
    finalMessage,
  };
}
