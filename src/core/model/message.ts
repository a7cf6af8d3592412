import type { Part } from "./parts.js";
import type { Usage } from "./usage.js";

/** Who wrote a message. `tool` exists only for Chat Completions inputs written by hand. */
export type Role = "system" | "developer" | "user" | "assistant";

/**
 * Where a message is in its life. `in-progress` while streaming; `complete` when the
 * upstream said so; `incomplete` when it stopped early (length, content filter);
 * `failed` on an error; `aborted` when the user stopped it.
 */
export type MessageStatus = "in-progress" | "complete" | "incomplete" | "failed" | "aborted";

/** The error that ended a message, as data (so it survives persistence). */
export interface MessageError {
  /** What happened, in words a user can read. */
  message: string;
  /** OpenAI's error code or our own (`stream_cut`, `invalid_event`, ...). */
  code?: string;
  /** OpenAI's error type, e.g. `insufficient_quota`. */
  type?: string;
  /** The HTTP status, when the error came from a response. */
  status?: number;
}

/** Response metadata, normalised across both APIs. */
export interface MessageMetadata {
  /** The model that answered (as reported, e.g. `gpt-4o-2024-08-06`). */
  model?: string;
  /** Responses API response id (`resp_...`): the handle for `previous_response_id`. */
  responseId?: string;
  /** Chat Completions id (`chatcmpl-...`). */
  completionId?: string;
  /** Chat: `finish_reason` (`stop`, `length`, `tool_calls`, `content_filter`). */
  finishReason?: string;
  /** Responses: `incomplete_details.reason`, e.g. `max_output_tokens`. */
  incompleteReason?: string;
  /** Responses: the response status as sent. */
  responseStatus?: string;
  /** Token usage. */
  usage?: Usage;
  /** Service tier that served the request (`default`, `flex`, `priority`). */
  serviceTier?: string | null;
  /** Chat: backend configuration fingerprint. */
  systemFingerprint?: string | null;
  /** Unix seconds when the upstream created the response. */
  createdAt?: number;
  /** Responses: the last `sequence_number` seen, to resume a background stream after it. */
  lastSequenceNumber?: number;
  /** Responses: true when the response runs in background mode (resumable). */
  background?: boolean;
  /** Chat Completions with `n > 1`: the choices after the first, each as its own parts. */
  alternatives?: readonly { index: number; parts: readonly Part[]; finishReason?: string }[];
  /** Fields of the response or completion this version does not map (Azure content filters, moderation, ...). */
  extra?: Record<string, unknown>;
  /** Stream events this version does not know, kept in arrival order (the first 200). */
  unknownEvents?: readonly Record<string, unknown>[];
  /** How many unknown events arrived after `unknownEvents` was full, and were not kept. */
  unknownEventsOmitted?: number;
}

/** One message of a conversation: a role and its parts. */
export interface Message {
  /** Stable id (for React keys and edits). */
  id: string;
  /** Who wrote it. */
  role: Role;
  /** The content, in order. */
  parts: readonly Part[];
  /** Response metadata (assistant messages) or anything the app wants to keep. */
  metadata: MessageMetadata;
  /** Where the message is in its life. */
  status: MessageStatus;
  /** Set when `status` is `failed` (or an aborted stream reported why). */
  error?: MessageError;
}
