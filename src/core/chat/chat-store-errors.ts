import { ColloquyError } from "../errors.js";
import type { Message, MessageError } from "../model/message.js";

/**
 * The errors `ChatStore`'s layers share: what a failed turn becomes (the error reported and
 * the error recorded on the answer) and the refusal of an id the conversation does not have,
 * so each reads the same wherever a layer raises it. Pure builders: nothing is thrown here;
 * an error raised in one place only is built where it is thrown.
 */

/** Any thrown value as an `Error` (a rejected promise may carry a string or anything else). */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** What the failed message records of an error: its text, and the code and status colloquy knows. */
export function toMessageError(error: unknown): MessageError {
  if (error instanceof ColloquyError) {
    const status = (error as { status?: unknown }).status;
    return {
      message: error.message,
      code: error.code,
      ...(typeof status === "number" ? { status } : {}),
    };
  }
  return { message: asError(error).message };
}

/** The error of an answer that ended as `failed` without throwing, carrying the answer. */
export function failedAnswerError(message: Message): ColloquyError {
  const text = message.error?.message ?? "The answer failed without saying why.";
  // `upstream_lost` is what colloquy's proxy sends when its own upstream connection broke:
  // for the app that is a lost connection like any other, not an error of the model.
  const code = message.error?.code === "upstream_lost" ? "connection_error" : "api_error";
  return new ColloquyError(code, text, { snapshot: message });
}

/** The error for a message id this conversation does not have. */
export function unknownMessage(id: string): ColloquyError {
  return new ColloquyError(
    "invalid_input",
    `No message with id "${id}" in this conversation. Pass the id of one of store.messages.`,
  );
}

/** The error for a tool result whose call this conversation does not have. */
export function unknownToolCall(id: string): ColloquyError {
  return new ColloquyError(
    "invalid_input",
    `No tool call with id "${id}" in this conversation. Pass the toolCallId of a tool-call part.`,
  );
}
