import type { Message } from "../model/message.js";
import type { ChatInput, ResolvedApi, StreamUpdate } from "./types.js";

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

/**
 * The conversions the client needs from the rest of the core: input normalising, both wire
 * formats in and out, and the stream reader. Kept behind one interface so the client's own
 * logic (request building, retries, batching) is tested on its own.
 */
export interface ClientCodec {
  /** Normalises shorthand input into messages. */
  toMessages(input: ChatInput): Message[];
  /** Messages as Chat Completions `messages`. */
  toChatMessages(messages: readonly Message[]): Converted<unknown[]>;
  /** Messages as Responses `input` items. */
  toResponsesInput(
    messages: readonly Message[],
    options: { previousResponseId?: string },
  ): Converted<unknown[]>;
  /** A non-streamed Chat Completion as a message. */
  messageFromChatCompletion(json: unknown): Converted<Message>;
  /** A non-streamed Response as a message. */
  messageFromResponse(json: unknown): Converted<Message>;
  /** Reads an SSE body into snapshots. */
  readMessageStream(
    body: ReadableStream<Uint8Array>,
    options: { api: ResolvedApi; signal?: AbortSignal; initial?: Message; id?: string },
  ): MessageStream;
}
