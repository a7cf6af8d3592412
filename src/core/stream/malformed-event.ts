import { ColloquyError } from "../errors.js";
import type { Message } from "../model/message.js";

/**
 * The errors the accumulators throw for input they cannot fold: a payload that is not an
 * object at all, and (defence in depth) any failure while folding one, so that callers only
 * ever see `ColloquyError`s.
 */

/** A short description of a value's kind, for error messages. */
export function describeKind(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : typeof value;
}

/** The error for a payload that is not a JSON object. */
export function notAnObjectError(fold: string, value: unknown): ColloquyError {
  return new ColloquyError(
    "malformed_event",
    `${fold}: an event must be a JSON object, got ${describeKind(value)}. ` +
      "Pass each parsed `data:` payload of the stream.",
  );
}

/**
 * `error` as a `ColloquyError`: colloquy errors pass through, anything else (a shape the
 * folds did not foresee) becomes `malformed_event` carrying the snapshot before the event.
 */
export function asMalformedEvent(
  fold: string,
  what: string,
  error: unknown,
  snapshot: Message,
): ColloquyError {
  if (error instanceof ColloquyError) return error;
  return new ColloquyError(
    "malformed_event",
    `${fold}: could not apply ${what}: ${String(error)}. The server sent a payload this ` +
      "version cannot read; the snapshot before it is unchanged.",
    { cause: error, snapshot },
  );
}
