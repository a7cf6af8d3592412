import type { EventSourceMessage } from "eventsource-parser";
import { ColloquyError } from "../errors.js";
import type { Message } from "../model/message.js";
import { DONE_PAYLOAD, SseSource, type Payload } from "./sse-source.js";
import {
  abortedError,
  connectionLostError,
  cutError,
  foldError,
  startingSnapshot,
  stoppedAfter,
} from "./stream-errors.js";
import type {
  MessageStream,
  MessageStreamEvent,
  ReadStreamOptions,
  StreamUpdate,
} from "./types.js";

type Loose = Payload;

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

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

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

  /** Raises the error `build` makes of the snapshot, which it leaves marked. */
  function raise(build: (snapshot: Message) => ColloquyError): ColloquyError {
    // The joined events belong in the snapshot the error carries; if they cannot be folded,
    // the error being raised is the one to report.
    try {
      foldRun();
    } catch {
      // `apply` marked the snapshot failed; the error built here replaces that.
    }
    const error = build(snapshot);
    snapshot = error.snapshot!;
    return error;
  }

  const aborted = () => raise((current) => abortedError(current, signal?.reason));
  const cut = (detail: string) =>
    raise((current) =>
      cutError(current, folding.expectedEnd, detail, folding.resumeAdvice(current)),
    );

  const source = new SseSource(body, signal, folding.payloadOf.bind(folding), {
    snapshot: () => snapshot,
    raise,
    cut,
    aborted,
  });

  /** Folds the joined events, if any, into the snapshot. */
  function foldRun(): void {
    if (run === undefined) return;
    const joined = run;
    run = undefined;
    snapshot = apply(joined);
  }

  /**
   * Anything but a `ColloquyError` escaping the reader (the body failing mid-read, mostly) as
   * one that carries the snapshot, so callers handle a single error type and keep the partial
   * message whatever went wrong.
   */
  function asColloquyError(error: unknown): ColloquyError {
    if (error instanceof ColloquyError) return error;
    if (signal?.aborted) return aborted();
    return raise((current) => connectionLostError(current, error));
  }

  /** Folds one payload; an event the folding cannot read fails the message. */
  function apply(payload: Loose): Message {
    try {
      return folding.fold(snapshot, payload);
    } catch (error) {
      const failed = foldError(snapshot, error);
      snapshot = failed.snapshot!;
      throw failed;
    }
  }

  /**
   * The one folding loop: folds the payloads of the chunk read last. One at a time (the
   * update it made is returned, `undefined` once the chunk is used up) or, `joining` (for
   * `finalMessage()`, where no one sees the updates in between), all of them, joining the
   * payloads the folding can join (across chunks: the last run stays open until a payload
   * that does not join, an error or the end).
   */
  function foldPending(joining: boolean): StreamUpdate | undefined {
    if (abortCheckDue || joining) {
      abortCheckDue = false;
      if (signal?.aborted) throw aborted();
    }
    for (;;) {
      const payload = source.take();
      if (payload === undefined) return undefined;
      if (payload === DONE_PAYLOAD) {
        foldRun();
        finished = true;
        const done = folding.finish(snapshot);
        if (done === snapshot || joining) {
          snapshot = done;
          return undefined;
        }
        snapshot = done;
        return { snapshot, event: { done: true } };
      }
      events += 1;
      if (!joining) {
        snapshot = apply(payload);
        abortCheckDue = true;
        return { snapshot, event: payload as MessageStreamEvent };
      }
      if (!folding.joinable(payload)) {
        foldRun();
        snapshot = apply(payload);
      } else if (run === undefined || !folding.join(snapshot, run, payload)) {
        foldRun();
        run = payload;
      }
    }
  }

  /** True once no event can follow; throws `stream_cut` for a stream that ended early. */
  function ended(): boolean {
    if (finished) return true;
    if (!source.atEnd) return false;
    foldRun();
    if (snapshot.status === "in-progress") throw cut(stoppedAfter(events));
    return true;
  }

  function close(): void {
    closed = true;
    source.close();
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
        if (!source.readHeld()) await source.read();
        const update = foldPending(false);
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
      // The common case: the chunk read last, or one read ahead, holds the next event.
      do {
        const update = foldPending(false);
        if (update) return Promise.resolve({ done: false, value: update });
        if (ended()) {
          close();
          return Promise.resolve(DONE);
        }
      } while (source.readHeld());
    } catch (error) {
      return Promise.reject(failWith(error));
    }
    return track(readUpdate());
  }

  async function drain(): Promise<Message> {
    try {
      for (;;) {
        foldPending(true);
        if (ended()) break;
        // Chunks already read ahead are folded without waiting for each (see `readHeld`).
        if (source.readHeld()) continue;
        await source.read();
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
