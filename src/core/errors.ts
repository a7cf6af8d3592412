import type { Message } from "./model/message.js";

/**
 * Every error colloquy throws is a `ColloquyError` with a `code`, so callers can branch on
 * the kind without parsing messages, and every message says what happened and what to do.
 */

/** Stable codes for the errors colloquy raises itself. */
export type ColloquyErrorCode =
  | "api_error"
  | "connection_error"
  | "timeout"
  | "aborted"
  | "invalid_input"
  | "malformed_event"
  | "invalid_json"
  | "stream_cut"
  | "out_of_order_event"
  | "too_many_parts"
  | "not_event_stream"
  | "validation_failed"
  | "max_steps"
  | "refusal"
  | "unsupported";

/** Base class of everything colloquy throws. */
export class ColloquyError extends Error {
  /** What kind of failure this is. */
  readonly code: ColloquyErrorCode;
  /** The message as far as it was received, when the error interrupted a stream. */
  readonly snapshot?: Message;

  constructor(
    code: ColloquyErrorCode,
    message: string,
    options?: { cause?: unknown; snapshot?: Message },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ColloquyError";
    this.code = code;
    if (options?.snapshot) this.snapshot = options.snapshot;
  }
}

/** The upstream answered with an HTTP error (OpenAI's `{ error: { message, type, param, code } }`). */
export class APIError extends ColloquyError {
  /** HTTP status. */
  readonly status: number;
  /** OpenAI's error code, e.g. `invalid_api_key`. */
  readonly errorCode?: string | null;
  /** OpenAI's error type, e.g. `invalid_request_error`. */
  readonly type?: string | null;
  /** The request parameter at fault, when OpenAI named one. */
  readonly param?: string | null;
  /** Seconds to wait before retrying, from `retry-after` / `retry-after-ms`. */
  readonly retryAfterSeconds?: number;
  /** The request id from `x-request-id`, for support tickets. */
  readonly requestId?: string;
  /** The parsed error body, or the text when it was not JSON. */
  readonly body?: unknown;

  constructor(
    status: number,
    message: string,
    details: {
      errorCode?: string | null;
      type?: string | null;
      param?: string | null;
      retryAfterSeconds?: number;
      requestId?: string;
      body?: unknown;
      snapshot?: Message;
    } = {},
  ) {
    super("api_error", message, details.snapshot ? { snapshot: details.snapshot } : undefined);
    this.name = "APIError";
    this.status = status;
    this.errorCode = details.errorCode;
    this.type = details.type;
    this.param = details.param;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.requestId = details.requestId;
    this.body = details.body;
  }
}

/** True when `error` is a colloquy error (of any kind). */
export function isColloquyError(error: unknown): error is ColloquyError {
  return error instanceof ColloquyError;
}
