import { accumulateChatChunk, finishChatMessage } from "./accumulate-chat-chunk.js";
import { readEventStream, type StreamFolding } from "./stream-reader.js";
import type { MessageStream, ReadStreamOptions } from "./types.js";

/** Folding for Chat Completions chunks; it keeps no state, so one serves every stream. */
const CHAT_FOLDING: StreamFolding = {
  expectedEnd: "a finish_reason or data: [DONE]",
  resumeAdvice: () => " Retry the request.",
  payloadOf: (payload) => payload,
  finish: finishChatMessage,
  fold: accumulateChatChunk,
};

/**
 * Reads a Chat Completions event stream (a fetch `Response` or its body) into message
 * snapshots, folded with `accumulateChatChunk`. `data: [DONE]` ends the stream, which must
 * have sent `[DONE]` or a `finish_reason`.
 *
 * Iterate the result for a `{ snapshot, event }` per chunk, or await `finalMessage()`. (When
 * `[DONE]` completes a message that never got a `finish_reason`, a last update carries the
 * event `{ done: true }`.) A stream that reports a failure (an `error` payload) ends normally
 * with a message whose status is `failed`. Errors thrown are `ColloquyError`s carrying the
 * message received so far as `snapshot`, with the same codes as `readResponsesStream`.
 *
 * Only the Chat Completions accumulator is imported, so an app that reads only Chat streams
 * does not ship the Responses one.
 */
export function readChatStream(
  body: Response | ReadableStream<Uint8Array>,
  options: ReadStreamOptions = {},
): MessageStream {
  return readEventStream(body, options, CHAT_FOLDING);
}
