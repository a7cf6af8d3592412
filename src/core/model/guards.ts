import type { AnyBuiltinToolPart } from "./builtin-tool-parts.js";
import type { Message } from "./message.js";
import type { Part, PartOfType, PartType } from "./parts.js";
import type { ToolCallPart } from "./tool-call-part.js";
import { BUILTIN_TOOL_PART_TYPES } from "./part-types.js";

/**
 * Type guards for message parts, and small helpers over messages. Pure, no dependencies,
 * safe to call on parts that came from storage.
 */

const builtinTypes: ReadonlySet<string> = new Set(BUILTIN_TOOL_PART_TYPES);

/** The guard of one part type: every `is...Part` below is one, so none can drift from the table. */
function partGuard<T extends PartType>(type: T): (part: Part) => part is PartOfType<T> {
  return (part): part is PartOfType<T> => part.type === type;
}

/** True when `part` has the given `type`, narrowed to that part type. */
export function isPartType<T extends PartType>(part: Part, type: T): part is PartOfType<T> {
  return part.type === type;
}

/** True for text parts. */
export const isTextPart = /* @__PURE__ */ partGuard("text");

/** True for refusal parts. */
export const isRefusalPart = /* @__PURE__ */ partGuard("refusal");

/** True for reasoning parts. */
export const isReasoningPart = /* @__PURE__ */ partGuard("reasoning");

/** True for image parts (input or generated). */
export const isImagePart = /* @__PURE__ */ partGuard("image");

/** True for file parts. */
export const isFilePart = /* @__PURE__ */ partGuard("file");

/** True for audio parts (input or output). */
export const isAudioPart = /* @__PURE__ */ partGuard("audio");

/** True for function and custom tool calls (in any state). */
export const isToolCallPart = /* @__PURE__ */ partGuard("tool-call");

/** True for built-in (hosted) tool parts: web search, MCP, computer use, shell, ... */
export function isBuiltinToolPart(part: Part): part is AnyBuiltinToolPart {
  return builtinTypes.has(part.type);
}

/** True for parts this version did not recognise. */
export const isUnknownPart = /* @__PURE__ */ partGuard("unknown");

/** True while a part is still receiving deltas or its tool is still running. */
export function isPartStreaming(part: Part): boolean {
  if (!("state" in part) || part.state === undefined) return false;
  const state: string = part.state;
  return (
    state === "streaming" ||
    state === "input-streaming" ||
    state === "generating" ||
    state === "partial" ||
    state === "in-progress" ||
    state === "searching" ||
    state === "interpreting"
  );
}

/** The concatenated text of a message's text parts (refusals and reasoning excluded). */
export function messageText(message: Pick<Message, "parts">): string {
  let text = "";
  for (const part of message.parts) if (part.type === "text") text += part.text;
  return text;
}

/** The tool-call parts of a message, in order. */
export function messageToolCalls(message: Pick<Message, "parts">): ToolCallPart[] {
  return message.parts.filter(isToolCallPart);
}
