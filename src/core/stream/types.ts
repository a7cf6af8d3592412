import type { ChatCompletionChunk } from "openai/resources/chat/completions";
import type { ResponseStreamEvent } from "openai/resources/responses/responses";
import type { Message } from "../model/message.js";

/**
 * The shapes that flow through a message stream: wire events in, message snapshots out.
 */

/** `response.apply_patch_call_operation_diff.delta`: a piece of an apply_patch diff. */
export interface ApplyPatchDiffDeltaEvent {
  /** Discriminant. */
  type: "response.apply_patch_call_operation_diff.delta";
  /** The apply_patch_call item id. */
  item_id: string;
  /** Position of the item in the response output. */
  output_index: number;
  /** The text to append to the operation's `diff`. */
  delta: string;
  /** Position of this event in the response's stream. */
  sequence_number: number;
}

/** `response.apply_patch_call_operation_diff.done`: the complete diff of an apply_patch call. */
export interface ApplyPatchDiffDoneEvent {
  /** Discriminant. */
  type: "response.apply_patch_call_operation_diff.done";
  /** The apply_patch_call item id. */
  item_id: string;
  /** Position of the item in the response output. */
  output_index: number;
  /** The whole diff. */
  diff: string;
  /** Position of this event in the response's stream. */
  sequence_number: number;
}

/**
 * Every Responses API stream event this version understands: the `openai` package's union
 * plus events the API sends that the union does not list yet.
 */
export type ResponsesStreamEvent =
  ResponseStreamEvent | ApplyPatchDiffDeltaEvent | ApplyPatchDiffDoneEvent;

/** A parsed event payload this version does not recognise (kept, never dropped). */
export type UnknownStreamEvent = Readonly<Record<string, unknown>>;

/** Any payload a message stream can carry. */
export type MessageStreamEvent = ResponsesStreamEvent | ChatCompletionChunk | UnknownStreamEvent;

/** One step of a message stream: the event that arrived and the message after it. */
export interface StreamUpdate {
  /** The message as it stands after `event` (immutable; unchanged parts keep their identity). */
  snapshot: Message;
  /** The parsed payload of the SSE event. */
  event: MessageStreamEvent;
}

/** Which OpenAI API produced the stream. */
export type StreamApi = "responses" | "chat";

/** Options for `readResponsesStream` and `readChatStream` (each reads one API's events). */
export interface ReadStreamOptions {
  /** Aborting it stops reading and rejects with `ColloquyError("aborted")`. */
  signal?: AbortSignal;
  /**
   * A message to continue (for example a persisted snapshot, when resuming a background
   * response with `starting_after`). Events it already holds (by `sequence_number`) are skipped.
   */
  initial?: Message;
  /** The message id; defaults to `initial.id`, else the response or completion id. */
  id?: string;
  /** Clock for reasoning durations in milliseconds; defaults to `performance.now`. */
  now?: () => number;
}

/** Options for `readMessageStream`: which API's events the body carries, and the rest. */
export interface ReadMessageStreamOptions extends ReadStreamOptions {
  /** The API whose events the body carries. */
  api: StreamApi;
}

/** A message stream: iterate it for every update, or await `finalMessage()`. */
export interface MessageStream extends AsyncIterable<StreamUpdate> {
  /** Reads the stream to its end and resolves with the final message (rejects on errors). */
  finalMessage(): Promise<Message>;
  /** The latest snapshot (the initial message before the first event). */
  readonly snapshot: Message;
}
