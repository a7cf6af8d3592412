import { accumulateChatChunk, finishChatMessage } from "./accumulate-chat-chunk.js";
import { readEventStream, type StreamFolding } from "./stream-reader.js";
import type { MessageStream, ReadStreamOptions } from "./types.js";

type Loose = Record<string, unknown>;

/** Chunk fields a text chunk may carry; the same values on two chunks fold to the same metadata. */
function isPlainChunkField(key: string): boolean {
  switch (key) {
    case "id":
    case "object":
    case "created":
    case "model":
    case "system_fingerprint":
    case "service_tier":
    case "choices":
    case "obfuscation":
    case "usage":
      return true;
    default:
      return false;
  }
}

/**
 * True for a chunk that only adds text to choice 0: no other choice, no finish, no logprobs,
 * no usage, no error, no field kept in `metadata.extra`.
 */
function isPlainTextChunk(chunk: Loose): boolean {
  for (const key in chunk) if (!isPlainChunkField(key)) return false;
  if (chunk.usage !== undefined && chunk.usage !== null) return false;
  const choices = chunk.choices;
  if (!Array.isArray(choices) || choices.length !== 1) return false;
  const choice = choices[0] as Loose | null;
  if (typeof choice !== "object" || choice === null) return false;
  if (choice.index !== 0 && choice.index !== undefined) return false;
  if (choice.finish_reason !== null && choice.finish_reason !== undefined) return false;
  if (choice.logprobs !== null && choice.logprobs !== undefined) return false;
  const delta = choice.delta as Loose | null;
  if (typeof delta !== "object" || delta === null) return false;
  for (const key in delta) {
    // Besides the text, only fields the fold ignores: the role, and a refusal of null.
    if (key === "content" || key === "role" || (key === "refusal" && delta.refusal === null)) {
      continue;
    }
    return false;
  }
  return typeof delta.content === "string" && delta.content !== "";
}

/** The delta of a plain text chunk (see `isPlainTextChunk`). */
function textDeltaOf(chunk: Loose): { content: string } {
  return (chunk.choices as Loose[])[0]!.delta as { content: string };
}

/**
 * Joins consecutive plain text chunks from the same completion, model and fingerprint:
 * folded, the joined chunk gives the message that folding each would.
 */
function joinTextChunks(_snapshot: unknown, run: Loose, next: Loose): boolean {
  if (
    run.id !== next.id ||
    run.model !== next.model ||
    run.created !== next.created ||
    run.system_fingerprint !== next.system_fingerprint ||
    run.service_tier !== next.service_tier
  ) {
    return false;
  }
  textDeltaOf(run).content += textDeltaOf(next).content;
  return true;
}

/** Folding for Chat Completions chunks; it keeps no state, so one serves every stream. */
const CHAT_FOLDING: StreamFolding = {
  expectedEnd: "a finish_reason or data: [DONE]",
  resumeAdvice: () => " Retry the request.",
  payloadOf: (payload) => payload,
  finish: finishChatMessage,
  fold: accumulateChatChunk,
  joinable: isPlainTextChunk,
  join: joinTextChunks,
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
