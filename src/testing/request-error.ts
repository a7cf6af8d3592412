import type { OpenAIErrorFields } from "./openai-error.js";

/** The shape of a refused request, shared by the checks that refuse one. */

/** A rejected request: the HTTP status and OpenAI's error fields. */
export interface RequestError {
  /** HTTP status. */
  status: number;
  /** The error body's fields. */
  error: OpenAIErrorFields;
}

/** A 400 `invalid_request_error` with OpenAI's fields. */
export function invalid(message: string, param: string | null, code: string | null): RequestError {
  return { status: 400, error: { message, type: "invalid_request_error", param, code } };
}
