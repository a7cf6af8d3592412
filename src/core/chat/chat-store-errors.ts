import { ColloquyError } from "../errors.js";
import type { Message, MessageError } from "../model/message.js";

/**
 * The errors `ChatStore` throws or reports, in one place so each says what was wrong and what
 * to do in the same words wherever the store raises it. Pure builders: nothing is thrown here.
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

/** The error a continuation past the step limit stops with. */
export function maxStepsError(maxSteps: number): ColloquyError {
  return new ColloquyError(
    "max_steps",
    `Stopped after ${maxSteps} steps: the model kept calling tools. Raise maxSteps or send a new message to go on.`,
  );
}

/** The error for a store given `storage` without the `id` it saves under. */
export function storageWithoutIdError(): Error {
  return new Error(
    'A ChatStore with `storage` needs an `id`: the conversation is saved and found again under it. Pass an id that stays the same across reloads (e.g. `id: "support"`).',
  );
}

/** The error for a message id this conversation does not have. */
export function unknownMessage(id: string): ColloquyError {
  return new ColloquyError(
    "invalid_input",
    `No message with id "${id}" in this conversation. Pass the id of one of store.messages.`,
  );
}

/** The error for editing a message that is not the user's. */
export function notUserMessage(id: string, role: Message["role"]): ColloquyError {
  return new ColloquyError(
    "invalid_input",
    `Message "${id}" is a ${role} message; only user messages can be edited. Use regenerate() for answers.`,
  );
}

/** The error for a branch point or version this conversation does not have. */
export function unknownBranch(key: string, index: number): ColloquyError {
  return new ColloquyError(
    "invalid_input",
    `No version ${index} at branch point "${key}". Pass the key and an index below the count from branchPosition().`,
  );
}

/** The error for a tool result whose call this conversation does not have. */
export function unknownToolCall(id: string): ColloquyError {
  return new ColloquyError(
    "invalid_input",
    `No tool call with id "${id}" in this conversation. Pass the toolCallId of a tool-call part.`,
  );
}

/** The error for an approval answer that no waiting request matches. */
export function unknownApproval(id: string): ColloquyError {
  return new ColloquyError(
    "invalid_input",
    `No approval request with id "${id}" is waiting. Pass the tool call id or the MCP approval request id from the message parts.`,
  );
}
