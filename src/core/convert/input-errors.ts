import { ColloquyError } from "../errors.js";
import type { Message } from "../model/message.js";
import type { Part } from "../model/parts.js";

/** Throws the `invalid_input` error every input check uses. */
export function invalidInput(where: string, problem: string): never {
  throw new ColloquyError("invalid_input", `${where}: ${problem}`);
}

/** A short description of a value for error messages. */
export function describe(value: unknown): string {
  if (typeof value === "string") return `'${value}'`;
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : String(value);
}

/** Refuses one input part an API cannot take, naming the part's field and what to do. */
export type RefusePart = (part: Part, field: string, problem: string) => never;

/**
 * The {@link RefusePart} of one message for a message -> wire converter: an input the API
 * cannot carry is an `invalid_input` error such as
 * `toResponsesInput: messages[2].parts[0].data (an audio part): ...`, never a silent drop.
 */
export function refusingPart(
  converter: string,
  message: Message,
  messageIndex: number,
): RefusePart {
  return (part, field, problem) =>
    invalidInput(
      `${converter}: messages[${messageIndex}].parts[${message.parts.indexOf(part)}].${field} (${article(part.type)} part)`,
      problem,
    );
}

/** `word` with its indefinite article: "an image", "a file". */
export function article(word: string): string {
  return `${/^[aeiou]/.test(word) ? "an" : "a"} ${word}`;
}
