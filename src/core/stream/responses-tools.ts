import type { Message } from "../model/message.js";
import type { AudioPart, ImagePart, Part } from "../model/parts.js";
import type { BuiltinToolState } from "../model/builtin-tool-parts.js";
import type { ToolCallPart } from "../model/tool-call-part.js";
import { isBuiltinToolPart } from "../model/guards.js";
import { isRecord } from "../convert/wire-helpers.js";
import { updateLastPart } from "./parts-edit.js";

/**
 * Tool events of a Responses stream: streamed arguments and inputs, built-in tool progress,
 * code interpreter code, image generation previews, apply_patch diffs, and audio output.
 */

type Loose = Record<string, unknown>;

function textOf(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function isToolCallFor(itemId: unknown) {
  return (part: Part): part is ToolCallPart => part.type === "tool-call" && part.itemId === itemId;
}

/** A built-in tool part of any kind, addressed by item id (its `item` is kept loosely typed). */
type LooseBuiltinPart = Part & { id: string; state: BuiltinToolState; item: Loose };

function isBuiltinFor(itemId: unknown) {
  return (part: Part): part is LooseBuiltinPart => isBuiltinToolPart(part) && part.id === itemId;
}

/** Applies `function_call_arguments` / `custom_tool_call_input` deltas and dones. */
export function applyToolInput(message: Message, event: Loose, done: boolean): Message {
  const full =
    event.type === "response.custom_tool_call_input.done" ? event.input : event.arguments;
  return updateLastPart(message, isToolCallFor(event.item_id), (part) => ({
    ...part,
    inputText: done ? textOf(full) : part.inputText + textOf(event.delta),
  }));
}

/** Updates the kept `item` of a built-in tool part. */
function updateBuiltinItem(
  message: Message,
  itemId: unknown,
  update: (item: Loose) => Loose,
  state?: BuiltinToolState,
): Message {
  return updateLastPart(
    message,
    isBuiltinFor(itemId),
    (part) =>
      ({ ...part, ...(state ? { state } : {}), item: update(part.item) }) as unknown as Part,
  );
}

/** Applies `mcp_call_arguments.delta` / `.done`: the arguments text of an MCP call. */
export function applyMcpArguments(message: Message, event: Loose, done: boolean): Message {
  return updateBuiltinItem(message, event.item_id, (item) => ({
    ...item,
    arguments: done ? textOf(event.arguments) : textOf(item.arguments) + textOf(event.delta),
  }));
}

/** Applies `code_interpreter_call_code.delta` / `.done`: the code being written. */
export function applyInterpreterCode(message: Message, event: Loose, done: boolean): Message {
  return updateBuiltinItem(message, event.item_id, (item) => ({
    ...item,
    code: done ? textOf(event.code) : textOf(item.code) + textOf(event.delta),
  }));
}

/** Applies `apply_patch_call_operation_diff.delta` / `.done`: the diff of the file operation. */
export function applyPatchDiff(message: Message, event: Loose, done: boolean): Message {
  return updateBuiltinItem(message, event.item_id, (item) => {
    const operation: Loose = isRecord(item.operation) ? item.operation : {};
    const diff = done ? textOf(event.diff) : textOf(operation.diff) + textOf(event.delta);
    return { ...item, operation: { ...operation, diff } };
  });
}

/** Built-in progress events (`web_search_call.searching`, `mcp_call.failed`, ...) to states. */
const PROGRESS_STATES: Record<string, BuiltinToolState> = {
  in_progress: "in-progress",
  searching: "searching",
  interpreting: "interpreting",
  generating: "generating",
  completed: "completed",
  failed: "failed",
};

/** Applies a built-in tool's progress event, e.g. `response.file_search_call.searching`. */
export function applyBuiltinProgress(message: Message, event: Loose, phase: string): Message {
  const state = PROGRESS_STATES[phase];
  if (!state) return message;
  return updateLastPart(message, isBuiltinFor(event.item_id), (part) =>
    part.state === state ? part : ({ ...part, state } as Part),
  );
}

function isImageFor(itemId: unknown) {
  return (part: Part): part is ImagePart => part.type === "image" && part.id === itemId;
}

/** Applies `image_generation_call.*`, including `partial_image` previews. */
export function applyImageGeneration(message: Message, event: Loose, phase: string): Message {
  return updateLastPart(message, isImageFor(event.item_id), (part): ImagePart => {
    switch (phase) {
      case "partial_image":
        return {
          ...part,
          state: "partial",
          data: textOf(event.partial_image_b64),
          ...(typeof event.partial_image_index === "number"
            ? { partialImageIndex: event.partial_image_index }
            : {}),
          ...(typeof event.output_format === "string"
            ? { mediaType: `image/${event.output_format}` }
            : {}),
        };
      case "completed":
        return { ...part, state: "complete" };
      default:
        return part.state === "partial" ? part : { ...part, state: "generating" };
    }
  });
}

function isOutputAudio(part: Part): part is AudioPart {
  return part.type === "audio" && part.origin === "output";
}

/** Applies `response.audio.delta` / `.done` and `response.audio.transcript.delta` / `.done`. */
export function applyAudio(message: Message, event: Loose): Message {
  return updateLastPart(
    message,
    isOutputAudio,
    (part): AudioPart => {
      switch (event.type) {
        case "response.audio.delta":
          return { ...part, data: (part.data ?? "") + textOf(event.delta) };
        case "response.audio.transcript.delta":
          return { ...part, transcript: (part.transcript ?? "") + textOf(event.delta) };
        default:
          return { ...part, state: "done" };
      }
    },
    () => ({ type: "audio", origin: "output", state: "streaming" }),
  );
}
