import type { Message } from "./message.js";
import type {
  AudioPart,
  FilePart,
  ImagePart,
  Part,
  PartOfType,
  PartType,
  ReasoningPart,
  RefusalPart,
  TextPart,
  ToolCallPart,
  UnknownPart,
} from "./parts.js";
import { BUILTIN_TOOL_PART_TYPES, type BuiltinToolPartType } from "./part-types.js";

/**
 * Type guards for message parts, and small helpers over messages. Pure, no dependencies,
 * safe to call on parts that came from storage.
 */

/** Any built-in tool part. */
export type AnyBuiltinToolPart = PartOfType<BuiltinToolPartType>;

const builtinTypes: ReadonlySet<string> = new Set(BUILTIN_TOOL_PART_TYPES);

/** True when `part` has the given `type`, narrowed to that part type. */
export function isPartType<T extends PartType>(part: Part, type: T): part is PartOfType<T> {
  return part.type === type;
}

/** True for text parts. */
export function isTextPart(part: Part): part is TextPart {
  return part.type === "text";
}

/** True for refusal parts. */
export function isRefusalPart(part: Part): part is RefusalPart {
  return part.type === "refusal";
}

/** True for reasoning parts. */
export function isReasoningPart(part: Part): part is ReasoningPart {
  return part.type === "reasoning";
}

/** True for image parts (input or generated). */
export function isImagePart(part: Part): part is ImagePart {
  return part.type === "image";
}

/** True for file parts. */
export function isFilePart(part: Part): part is FilePart {
  return part.type === "file";
}

/** True for audio parts (input or output). */
export function isAudioPart(part: Part): part is AudioPart {
  return part.type === "audio";
}

/** True for function and custom tool calls (in any state). */
export function isToolCallPart(part: Part): part is ToolCallPart {
  return part.type === "tool-call";
}

/** True for built-in (hosted) tool parts: web search, MCP, computer use, shell, ... */
export function isBuiltinToolPart(part: Part): part is AnyBuiltinToolPart {
  return builtinTypes.has(part.type);
}

/** True for parts this version did not recognise. */
export function isUnknownPart(part: Part): part is UnknownPart {
  return part.type === "unknown";
}

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
