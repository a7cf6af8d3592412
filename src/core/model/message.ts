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

/** One Chat Completions choice after the first (`n > 1`), as its own parts. */
export interface MessageAlternative {
  /** The choice's `index`. */
  index: number;
  /** The choice's content. */
  parts: readonly Part[];
  /** The choice's `finish_reason`, once it finished. */
  finishReason?: string;
  /** The choice's fields this version does not map (Azure's `content_filter_results`, ...). */
  extra?: Record<string, unknown>;
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
  alternatives?: readonly MessageAlternative[];
  /**
   * Fields of the response or completion this version does not map (Azure's
   * `prompt_filter_results` and `content_filters`, moderation, ...). Chat: choice 0's own
   * unmapped fields (Azure's per-choice `content_filter_results`) are under `extra.choice`,
   * streamed or not.
   */
  extra?: Record<string, unknown>;
  /**
   * The model version the client was told the deployment runs (`modelVersion`, Azure's
   * `model_version`): Azure reports the model name without its version.
   */
  modelVersion?: string;
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
