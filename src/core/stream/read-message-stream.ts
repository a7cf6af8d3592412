import { readChatStream } from "./read-chat-stream.js";
import { readResponsesStream } from "./read-responses-stream.js";
import type { MessageStream, ReadMessageStreamOptions } from "./types.js";

/**
 * Reads an OpenAI event stream (a fetch `Response` or its body) into message snapshots.
 *
 * - `api: "responses"`: Responses API events, folded with `accumulateResponsesEvent`; the
 *   stream must end with `response.completed`, `response.incomplete` or `response.failed`
 *   (or an `error` event). Same as `readResponsesStream`.
 * - `api: "chat"`: Chat Completions chunks, folded with `accumulateChatChunk`; `data: [DONE]`
 *   ends the stream, which must have sent `[DONE]` or a `finish_reason`. Same as
 *   `readChatStream`.
 *
 * Iterate the result for a `{ snapshot, event }` per event, or await `finalMessage()`. (When a
 * Chat `[DONE]` completes a message that never got a `finish_reason`, a last update carries
 * the event `{ done: true }`.) A stream that reports a failure (`response.failed`, an `error`
 * event or payload) ends normally with a message whose status is `failed`. Errors thrown are
 * `ColloquyError`s carrying the message received so far as `snapshot`: `api_error`
 * (`APIError`) for a non-2xx JSON error body, `not_event_stream` for HTML or other content,
 * `invalid_json` for an event that is not JSON, `stream_cut` for a stream that ended early,
 * `aborted` when the signal fired, `malformed_event` for an event the accumulator cannot fold,
 * and `connection_error` when reading the body failed.
 *
 * It imports both accumulators; an app that reads one API only ships less with
 * `readResponsesStream` or `readChatStream`.
 */
export function readMessageStream(
  body: Response | ReadableStream<Uint8Array>,
  options: ReadMessageStreamOptions,
): MessageStream {
  const { api, ...rest } = options;
  return api === "chat" ? readChatStream(body, rest) : readResponsesStream(body, rest);
}
