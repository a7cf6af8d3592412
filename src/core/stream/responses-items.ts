import type { Message } from "../model/message.js";
import type { Part } from "../model/parts.js";
import { partsFromOutputItem, type OutputItemLike } from "../convert/parts-from-output-item.js";
import { isBuiltinToolPart } from "../model/guards.js";
import { findLastPartIndex, partItemId, spliceParts, withParts } from "./parts-edit.js";

/**
 * Output items of a Responses stream: `response.output_item.added` inserts an item's parts in
 * their streaming states, `response.output_item.done` replaces them with the final parts from
 * `partsFromOutputItem` (the same mapping as a non-streamed response).
 */

type Loose = Record<string, unknown>;

/** A part as it looks while its item is still arriving. */
function streamingPart(part: Part, item: Loose): Part {
  switch (part.type) {
    case "text":
      return { ...part, state: "streaming" };
    case "refusal":
      return { ...part, state: "streaming" };
    case "reasoning":
      return { ...part, state: "streaming" };
    case "tool-call": {
      const { input: _input, output: _output, errorText: _errorText, ...base } = part;
      return { ...base, state: "input-streaming" };
    }
    case "image":
      return part.origin === "generated" ? { ...part, state: "generating" } : part;
    default:
      // Items without a status (MCP tool listings) only report one once they are complete.
      if (isBuiltinToolPart(part) && item.status === undefined) {
        return { ...part, state: "in-progress" } as Part;
      }
      return part;
  }
}

/** The range [first, last] of the parts that came from item `id`, or undefined. */
function itemRange(parts: readonly Part[], id: string): [number, number] | undefined {
  const last = findLastPartIndex(parts, (part) => partItemId(part) === id);
  if (last === -1) return undefined;
  let first = last;
  while (first > 0 && partItemId(parts[first - 1]!) === id) first -= 1;
  return [first, last];
}

function replaceItemParts(message: Message, id: unknown, parts: readonly Part[]): Message {
  const range = typeof id === "string" ? itemRange(message.parts, id) : undefined;
  if (!range) {
    return parts.length === 0
      ? message
      : withParts(message, spliceParts(message.parts, message.parts.length, 0, parts));
  }
  return withParts(message, spliceParts(message.parts, range[0], range[1] - range[0] + 1, parts));
}

/** Applies `response.output_item.added`. */
export function applyOutputItemAdded(message: Message, item: Loose): Message {
  const parts = partsFromOutputItem(item as OutputItemLike).map((part) =>
    streamingPart(part, item),
  );
  return replaceItemParts(message, item.id, parts);
}

/**
 * Applies `response.output_item.done`. A reasoning part keeps the `durationMs` it had, or
 * takes the one measured by the caller.
 */
export function applyOutputItemDone(message: Message, item: Loose, durationMs?: number): Message {
  let parts = partsFromOutputItem(item as OutputItemLike);
  if (item.type === "reasoning") {
    const previous = message.parts.find((part) => part.type === "reasoning" && part.id === item.id);
    const duration =
      durationMs ?? (previous?.type === "reasoning" ? previous.durationMs : undefined);
    if (duration !== undefined) {
      parts = parts.map((part) =>
        part.type === "reasoning" ? { ...part, durationMs: duration } : part,
      );
    }
  }
  return replaceItemParts(message, item.id, parts);
}
