import { ColloquyError } from "../errors.js";
import type { Message } from "../model/message.js";
import type { Part } from "../model/parts.js";
import { invalidInput } from "./input-errors.js";
import type { ConversionWarning } from "./result.js";
import { isRecord } from "./wire-helpers.js";

/**
 * The shape checks the message -> wire converters make before reading messages, so that
 * messages restored from storage or built by hand cannot crash them: a list that is not an
 * array is an error, a message or part too broken to read is dropped with a warning.
 */

function isUsablePart(part: unknown): part is Part {
  return isRecord(part) && typeof part.type === "string";
}

/**
 * `messages` with each entry checked: `undefined` in place of an entry that is not a message
 * object with a `parts` array; parts that are not objects with a string `type` left out; a
 * missing `metadata` read as empty. Well-formed messages come back as they are. Throws
 * `ColloquyError("invalid_input")` when `messages` is not an array.
 */
export function usableMessages(
  messages: unknown,
  converter: string,
  warnings: ConversionWarning[],
): (Message | undefined)[] {
  if (!Array.isArray(messages)) {
    return invalidInput(
      converter,
      `expected an array of messages, got ${messages === null ? "null" : typeof messages}`,
    );
  }
  return (messages as unknown[]).map((message, messageIndex) => {
    const where = `messages[${messageIndex}]`;
    if (!isRecord(message) || !Array.isArray(message.parts)) {
      warnings.push({
        code: "invalid-message",
        message: `${where}: not a message with a 'parts' array; it was dropped.`,
        messageIndex,
      });
      return undefined;
    }
    const parts = message.parts as unknown[];
    const usable = parts.every(isUsablePart) ? parts : parts.filter(isUsablePart);
    if (usable !== parts) {
      warnings.push({
        code: "invalid-part",
        message: `${where}: ${parts.length - usable.length} part(s) without a string 'type' were dropped.`,
        messageIndex,
      });
    }
    if (usable === parts && isRecord(message.metadata)) return message as unknown as Message;
    return {
      ...(message as unknown as Message),
      parts: usable as Part[],
      metadata: isRecord(message.metadata) ? message.metadata : {},
    };
  });
}

/**
 * Runs `convert` for one message, turning a failure on a field of the wrong type deep inside
 * a part (the checks above are only on shapes) into `ColloquyError("invalid_input")` naming
 * the message, rather than a bare TypeError.
 */
export function convertingMessage<T>(converter: string, messageIndex: number, convert: () => T): T {
  try {
    return convert();
  } catch (error) {
    if (error instanceof ColloquyError) throw error;
    throw new ColloquyError(
      "invalid_input",
      `${converter}: messages[${messageIndex}] could not be converted (${String(error)}). One of ` +
        "its parts has a field of the wrong type; build messages with the message model's " +
        "types, or check how they were restored from storage.",
      { cause: error },
    );
  }
}
