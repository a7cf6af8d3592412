import type { Message } from "../model/message.js";
import type { BuiltRequest, RequestParams, StreamUpdate } from "./types.js";

/** A conversion result with what could not be expressed. */
export interface Converted<T> {
  /** The converted value. */
  value: T;
  /** What was dropped or approximated, in words. */
  warnings: readonly unknown[];
}

/** A stream of updates that can also hand back the last snapshot. */
export interface MessageStream extends AsyncIterable<StreamUpdate> {
  /** Consumes the rest and resolves with the final message. */
  finalMessage?: () => Promise<Message>;
}

/** Where a stream reader starts: the signal, the message to continue, the new message's id. */
export interface ReadOptions {
  /** Stops reading. */
  signal?: AbortSignal;
  /** The message received so far (resuming). */
  initial?: Message;
  /** The id of the message being read. */
  id?: string;
}

/**
 * One API's whole wire format: building its requests and reading its answers. There is one
 * per API (chat-codec.ts, responses-codec.ts), each its own chunk: the client loads only the
 * codec of the API a request goes to (lazy-codecs.ts).
 */
export interface ApiCodec {
  /** The request for messages and (merged) params. */
  buildRequest(messages: readonly Message[], params: RequestParams, stream: boolean): BuiltRequest;
  /** A non-streamed answer as a message. */
  messageFromJson(json: unknown): Converted<Message>;
  /** Reads an SSE body into snapshots. */
  readStream(body: ReadableStream<Uint8Array>, options: ReadOptions): MessageStream;
}
