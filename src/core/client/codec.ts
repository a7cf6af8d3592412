import type { Message } from "../model/message.js";
import type { BuiltRequest, ChatInput, RequestParams, ResolvedApi, StreamUpdate } from "./types.js";

/** A value, or a promise of it while the code that makes it is still loading. */
export type MaybePromise<T> = T | Promise<T>;

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
 * The conversions the client needs from the rest of the core: input normalising, both wire
 * formats in and out, and the stream reader. Kept behind one interface so the client's own
 * logic (request building, retries, batching) is tested on its own. The message-to-wire
 * converters are synchronous because `buildRequest` is; everything used only once a request
 * is on its way may still be loading (a promise).
 */
export interface ClientCodec {
  /** Normalises shorthand input into messages. */
  toMessages(input: ChatInput): MaybePromise<Message[]>;
  /** Messages as Chat Completions `messages`. */
  toChatMessages(messages: readonly Message[]): Converted<unknown[]>;
  /** Messages as Responses `input` items. */
  toResponsesInput(
    messages: readonly Message[],
    options: { previousResponseId?: string },
  ): Converted<unknown[]>;
  /** A non-streamed Chat Completion as a message. */
  messageFromChatCompletion(json: unknown): MaybePromise<Converted<Message>>;
  /** A non-streamed Response as a message. */
  messageFromResponse(json: unknown): MaybePromise<Converted<Message>>;
  /** Reads an SSE body into snapshots. */
  readMessageStream(
    body: ReadableStream<Uint8Array>,
    options: ReadOptions & { api: ResolvedApi },
  ): MaybePromise<MessageStream>;
  /** Starts loading what reading an answer from `api` needs, while the request is in flight. */
  prepare?(api: ResolvedApi): void;
}

/**
 * One API's whole wire format: building its requests and reading its answers. A client that
 * does not build requests synchronously loads only the codec of the API a request goes to.
 */
export interface ApiCodec {
  /** The request for messages and (merged) params. */
  buildRequest(messages: readonly Message[], params: RequestParams, stream: boolean): BuiltRequest;
  /** A non-streamed answer as a message. */
  messageFromJson(json: unknown): Converted<Message>;
  /** Reads an SSE body into snapshots. */
  readStream(body: ReadableStream<Uint8Array>, options: ReadOptions): MessageStream;
}

/** What the client's request loop uses, per resolved API; any step may still be loading. */
export interface CoreCodec {
  /** Normalises shorthand input into messages. */
  toMessages(input: ChatInput): MaybePromise<Message[]>;
  /** The request for `api`. */
  buildRequest(
    api: ResolvedApi,
    messages: readonly Message[],
    params: RequestParams,
    stream: boolean,
  ): MaybePromise<BuiltRequest>;
  /** A non-streamed answer from `api` as a message. */
  messageFromJson(api: ResolvedApi, json: unknown): MaybePromise<Converted<Message>>;
  /** Reads an SSE body from `api` into snapshots. */
  readStream(
    api: ResolvedApi,
    body: ReadableStream<Uint8Array>,
    options: ReadOptions,
  ): MaybePromise<MessageStream>;
  /** Starts loading what a request to `api` needs, before it is needed. */
  prepare?(api: ResolvedApi): void;
}
