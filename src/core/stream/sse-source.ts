import type { EventSourceMessage } from "eventsource-parser";
import type { ColloquyError } from "../errors.js";
import type { Message } from "../model/message.js";
import { abortableRead, openResponse, readText } from "./body-reading.js";
import {
  apiErrorFromBody,
  isErrorBody,
  notEventStreamError,
  type BodyOrigin,
} from "./http-errors.js";
import { readAhead, type ChunkReader } from "./read-ahead.js";
import { SseDecoder } from "./sse-decoder.js";
import { excerpt, invalidJsonError, notAnObjectError } from "./stream-errors.js";

/** A parsed event payload (an object). */
export type Payload = Record<string, unknown>;

/** What `take()` hands out for `data: [DONE]`. */
export const DONE_PAYLOAD = "done";

/**
 * What a source needs from its reader to raise errors: they carry the reader's snapshot, and
 * raising one marks that snapshot (folding first whatever the reader held back).
 */
export interface SseSourceHost {
  /** The snapshot so far, for the errors of a body that is not an event stream. */
  snapshot(): Message;
  /** Raises the error `build` makes of the snapshot so far. */
  raise(build: (snapshot: Message) => ColloquyError): ColloquyError;
  /** Raises `stream_cut`: the body ended early, `detail` says how. */
  cut(detail: string): ColloquyError;
  /** Raises `aborted`: the signal fired. */
  aborted(): ColloquyError;
}

const NO_EVENTS: EventSourceMessage[] = [];

/**
 * Bytes -> payloads: opens the body (checking a `Response` first), sniffs bodies that are not
 * event streams, reads chunks ahead of the consumer, decodes SSE events and parses their JSON.
 * It knows nothing of messages: the reader folds what `take()` hands out.
 */
export class SseSource {
  /** The last chunk read was the end of the body. */
  atEnd = false;
  private reader: ChunkReader | undefined;
  private readonly decoder = new SseDecoder();
  private origin: BodyOrigin = {};
  private sniffed = false;
  // The events of the last chunk read, and how many of them were taken.
  private pending = NO_EVENTS;
  private taken = 0;

  constructor(
    private readonly body: Response | ReadableStream<Uint8Array>,
    private readonly signal: AbortSignal | undefined,
    /** The payload a stream event stands for (see `StreamFolding.payloadOf`). */
    private readonly payloadOf: (payload: Payload, event: EventSourceMessage) => Payload,
    private readonly host: SseSourceHost,
  ) {}

  /**
   * The next payload of the chunk read last, `DONE_PAYLOAD` for `data: [DONE]` (after which
   * nothing more is handed out), or `undefined` once the chunk is used up.
   */
  take(): Payload | typeof DONE_PAYLOAD | undefined {
    while (this.taken < this.pending.length) {
      const event = this.pending[this.taken++]!;
      const data = event.data.trim();
      if (data === "") continue;
      if (data === "[DONE]") {
        this.pending = NO_EVENTS;
        this.taken = 0;
        return DONE_PAYLOAD;
      }
      return this.parse(event, data);
    }
    return undefined;
  }

  private parse(event: EventSourceMessage, data: string): Payload {
    let payload: unknown;
    try {
      payload = JSON.parse(data) as unknown;
    } catch (cause) {
      if (this.atEnd) throw this.host.cut(`its last event was truncated: ${excerpt(data)}`);
      throw this.host.raise((snapshot) => invalidJsonError(snapshot, event, data, cause));
    }
    if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
      throw this.host.raise((snapshot) => notAnObjectError(snapshot, event, data));
    }
    return this.payloadOf(payload as Payload, event);
  }

  /** Reads the next chunk of the body, whose events `take()` then hands out. */
  async read(): Promise<void> {
    const reader = (this.reader ??= await this.open());
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await abortableRead(reader, this.signal);
    } catch (error) {
      if (this.signal?.aborted) throw this.host.aborted();
      throw error;
    }
    this.atEnd = result.done;
    const chunk = result.value;
    // Chunks of only whitespace still go to the decoder (they can be part of a line), so the
    // stream parses the same however it is split.
    if (!this.sniffed && chunk) {
      const first = chunk.find((byte) => byte > 0x20);
      if (first !== undefined) this.sniffed = true;
      // `<` opens an HTML page, `{` a JSON body: neither is an event stream.
      if (first === 0x3c || first === 0x7b) {
        const text = await readText(reader, chunk);
        const snapshot = this.host.snapshot();
        if (first === 0x7b && isErrorBody(text))
          throw apiErrorFromBody(text, this.origin, snapshot);
        throw notEventStreamError(text, this.origin, undefined, snapshot);
      }
    }
    this.decode(result);
  }

  /**
   * Like `read()` when the next chunk is already read ahead: takes it without waiting (no
   * promise, no task) and returns true; false when there is none (or the body is still to be
   * sniffed), and then `read()` is the way on. Why: a consumer that waited once per chunk
   * fell behind the read-ahead, which on a long body then held thousands of chunks, each
   * kept long enough for the garbage collector to move it, so the cost per chunk grew with
   * the length of the stream. Taking what is held keeps the consumer level with the reads.
   */
  readHeld(): boolean {
    if (!this.sniffed || this.atEnd || !this.reader) return false;
    // What `read()` would reject with: an abort ends the stream before any held chunk.
    if (this.signal?.aborted) throw this.host.aborted();
    const result = this.reader.held();
    if (!result) return false;
    this.decode(result);
    return true;
  }

  /** Decodes a chunk (or the end) into the events `take()` hands out. */
  private decode(result: ReadableStreamReadResult<Uint8Array>): void {
    this.atEnd = result.done;
    this.pending = this.atEnd ? this.decoder.end() : this.decoder.push(result.value!);
    this.taken = 0;
  }

  private async open(): Promise<ChunkReader> {
    if (this.signal?.aborted) throw this.host.aborted();
    let stream: ReadableStream<Uint8Array> | null;
    if (this.body instanceof Response) {
      ({ stream, origin: this.origin } = await openResponse(this.body, this.host.snapshot()));
    } else stream = this.body;
    if (!stream) throw this.host.cut("the response had no body");
    return readAhead(stream.getReader());
  }

  /** Stops reading: the body is cancelled (a no-op once it has ended) and released. */
  close(): void {
    this.pending = NO_EVENTS;
    const reader = this.reader;
    if (!reader) return;
    void reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
