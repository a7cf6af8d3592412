import type { Message } from "../model/message.js";
import type { Part } from "../model/parts.js";
import { copyMessage } from "./snapshot-copies.js";

/**
 * Immutable edits of a message's parts with structural sharing: an edit copies the message
 * and its `parts` array (a handful of references) and nothing else, so every part it does
 * not touch keeps its identity.
 */

/**
 * Index of the last part matching `predicate`, or -1. Scanning from the end finds the part
 * a delta belongs to after a step or two, since deltas arrive for the newest parts.
 */
export function findLastPartIndex(
  parts: readonly Part[],
  predicate: (part: Part) => boolean,
): number {
  for (let index = parts.length - 1; index >= 0; index -= 1) {
    if (predicate(parts[index]!)) return index;
  }
  return -1;
}

/** `parts` with the part at `index` replaced. */
export function replacePartAt(parts: readonly Part[], index: number, part: Part): readonly Part[] {
  if (parts[index] === part) return parts;
  const next = parts.slice();
  next[index] = part;
  return next;
}

/** `parts` with `count` parts from `index` replaced by `inserted`. */
export function spliceParts(
  parts: readonly Part[],
  index: number,
  count: number,
  inserted: readonly Part[],
): readonly Part[] {
  const next = parts.slice();
  next.splice(index, count, ...inserted);
  return next;
}

/** `message` with new parts (the same message when nothing changed). */
export function withParts(message: Message, parts: readonly Part[]): Message {
  return parts === message.parts ? message : copyMessage(message, parts, message.metadata);
}

/** The id of the output item a part came from (Responses API), if it has one. */
export function partItemId(part: Part): string | undefined {
  switch (part.type) {
    case "text":
    case "refusal":
    case "tool-call":
      return part.itemId;
    case "reasoning":
    case "image":
    case "unknown":
      return part.id;
    case "file":
    case "audio":
      return undefined;
    default:
      return part.id;
  }
}

/**
 * `message` with its last part matching `predicate` replaced by `update(part)`. When no part
 * matches and `create` is given, `update(create())` is appended; otherwise the message is
 * returned unchanged (a delta for a part we never saw is ignored, not a crash).
 */
export function updateLastPart<T extends Part>(
  message: Message,
  predicate: (part: Part) => part is T,
  update: (part: T) => Part,
  create?: () => T,
): Message {
  const index = findLastPartIndex(message.parts, predicate);
  if (index === -1) {
    if (!create) return message;
    return withParts(message, [...message.parts, update(create())]);
  }
  return withParts(message, replacePartAt(message.parts, index, update(message.parts[index] as T)));
}
