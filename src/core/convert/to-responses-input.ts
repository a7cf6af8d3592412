import type * as R from "openai/resources/responses/responses";
import type { Message } from "../model/message.js";
import type { ImagePart, Part } from "../model/parts.js";
import type { ComputerCallPart } from "../model/builtin-tool-parts.js";
import type { ToolCallPart } from "../model/tool-call-part.js";
import { refusingPart, type RefusePart } from "./input-errors.js";
import {
  warningsAbout,
  type ConversionResult,
  type ConversionWarning,
  type Warn,
} from "./result.js";
import { convertingMessage, usableMessages } from "./usable-messages.js";
import { isClientRunCall } from "../tools/client-run-calls.js";
import {
  toolCallArguments,
  toolCallHasResult,
  toolResultText,
} from "./to-chat-completions-messages.js";
import { annotationToWire, isRecord, systemMessageContent, toDataUrl } from "./wire-helpers.js";

/** Options for `toResponsesInput`. */
export interface ToResponsesInputOptions {
  /**
   * The `previous_response_id` the request will carry. The server then holds the
   * conversation up to that response, so only what came after it is sent: the messages after
   * the last assistant message with a `metadata.responseId`, plus that message's client-side
   * results (tool outputs, MCP approval decisions, computer-call screenshots).
   */
  previousResponseId?: string;
}

type Item = R.ResponseInputItem;

function userContent(
  parts: readonly Part[],
  warn: Warn,
  refuse: RefusePart,
): R.ResponseInputContent[] {
  const content: R.ResponseInputContent[] = [];
  for (const part of parts) {
    switch (part.type) {
      case "text":
        content.push({ ...part.extra, type: "input_text", text: part.text });
        break;
      case "image": {
        const url =
          part.url ?? (part.data ? toDataUrl(part.mediaType ?? "image/png", part.data) : undefined);
        const detail = part.detail ?? "auto";
        content.push({
          type: "input_image",
          detail,
          ...(url ? { image_url: url } : {}),
          ...(part.fileId ? { file_id: part.fileId } : {}),
        });
        break;
      }
      case "file":
        content.push({
          type: "input_file",
          ...(part.fileId ? { file_id: part.fileId } : {}),
          ...(part.data ? { file_data: toDataUrl(part.mediaType, part.data) } : {}),
          ...(part.url ? { file_url: part.url } : {}),
          ...(part.filename || part.data ? { filename: part.filename ?? "file" } : {}),
        });
        break;
      case "audio":
        return refuse(
          part,
          "data",
          "the Responses API takes no audio input; use Chat Completions with an audio model, or send a transcript",
        );
      default:
        warn(
          "unsupported-part",
          `A user message cannot carry a '${part.type}' part; it was dropped.`,
          part,
        );
    }
  }
  return content;
}

function toolCallItem(part: ToolCallPart): Item {
  const id = part.itemId ? { id: part.itemId } : {};
  if (part.kind === "custom") {
    return {
      type: "custom_tool_call",
      call_id: part.toolCallId,
      name: part.toolName,
      input: toolCallArguments(part),
      ...id,
    };
  }
  return {
    type: "function_call",
    call_id: part.toolCallId,
    name: part.toolName,
    arguments: toolCallArguments(part),
    ...id,
  };
}

function toolResultItem(part: ToolCallPart): Item {
  const output =
    part.state === "output-available" && Array.isArray(part.output)
      ? (part.output as R.ResponseFunctionCallOutputItemList)
      : toolResultText(part);
  if (part.kind === "custom") {
    return {
      type: "custom_tool_call_output",
      call_id: part.toolCallId,
      output: output as R.ResponseCustomToolCallOutput["output"],
    };
  }
  return { type: "function_call_output", call_id: part.toolCallId, output };
}

function computerOutputItem(part: ComputerCallPart): Item | undefined {
  if (!part.output) return undefined;
  const { imageUrl, fileId, acknowledgedSafetyChecks } = part.output;
  return {
    type: "computer_call_output",
    call_id: part.item.call_id,
    output: {
      type: "computer_screenshot",
      ...(imageUrl ? { image_url: imageUrl } : {}),
      ...(fileId ? { file_id: fileId } : {}),
    },
    ...(acknowledgedSafetyChecks
      ? { acknowledged_safety_checks: acknowledgedSafetyChecks.map((check) => ({ ...check })) }
      : {}),
  };
}

function imageItem(part: ImagePart, warn: Warn): Item | undefined {
  if (part.origin !== "generated" || !part.id) {
    warn(
      "unsupported-part",
      "An assistant message can carry only generated images (with their call id); the image was dropped.",
      part,
    );
    return undefined;
  }
  // Only the fields the input item accepts; size, quality and the like are output-only.
  return {
    type: "image_generation_call",
    id: part.id,
    status: part.state === "failed" ? "failed" : "completed",
    result: part.data ?? part.item?.result ?? null,
  };
}

/** The wire item a built-in tool part keeps; a part without one is dropped with a warning. */
function builtinItem(part: Part, warn: Warn): Item | undefined {
  const item = (part as { item?: unknown }).item;
  if (isRecord(item)) return item as unknown as Item;
  warn("invalid-part", `A '${part.type}' part without its wire item was dropped.`, part);
  return undefined;
}

/** Item types an unknown part may be sent back as verbatim (opaque items the API round-trips). */
function isItemLike(raw: unknown, originalType: string): raw is Record<string, unknown> {
  return (
    isRecord(raw) &&
    typeof raw.type === "string" &&
    (typeof raw.id === "string" ||
      ["item_reference", "function_call_output", "custom_tool_call_output"].includes(originalType))
  );
}

/**
 * One assistant message -> Responses items, in part order. Consecutive text and refusal parts
 * of one output message (same `itemId`) form one `message` item; tool results follow the run
 * of calls they answer; built-in tool items go back verbatim so their ids and state stay
 * intact (`item_reference` would need `store: true`).
 */
function assistantItems(parts: readonly Part[], warn: Warn, onlyResults: boolean): Item[] {
  const items: Item[] = [];
  const pendingResults: Item[] = [];
  let message: R.ResponseOutputMessage | undefined;
  const flushResults = () => items.push(...pendingResults.splice(0));
  const closeMessage = () => {
    // Without an item id (text written by the app, not by the API) the id key must be absent.
    if (message && message.id === "") {
      const { id: _id, status: _status, ...rest } = message;
      items.push(rest as unknown as Item);
    } else if (message) items.push(message);
    message = undefined;
  };
  const openMessage = (itemId: string | undefined): R.ResponseOutputMessage => {
    if (message && message.id === (itemId ?? message.id)) return message;
    closeMessage();
    flushResults();
    message = {
      type: "message",
      role: "assistant",
      id: itemId ?? "",
      status: "completed",
      content: [],
    };
    return message;
  };
  const push = (item: Item | undefined) => {
    closeMessage();
    if (item) items.push(item);
  };
  for (const part of parts) {
    if (onlyResults) {
      if (part.type === "tool-call" && toolCallHasResult(part)) items.push(toolResultItem(part));
      else if (part.type === "computer-call") {
        const output = computerOutputItem(part);
        if (output) items.push(output);
      } else if (isClientRunCall(part) && part.output) {
        items.push(part.output as unknown as Item);
      } else if (part.type === "mcp-approval-request" && part.decision) {
        items.push(approvalResponse(part.id, part.decision));
      }
      continue;
    }
    switch (part.type) {
      case "text": {
        const target = openMessage(part.itemId);
        target.content.push({
          ...part.extra,
          type: "output_text",
          text: part.text,
          annotations: (Array.isArray(part.annotations) ? part.annotations : []).map(
            annotationToWire,
          ) as unknown as R.ResponseOutputText["annotations"],
        });
        if (part.phase) (target as { phase?: string }).phase = part.phase;
        break;
      }
      case "refusal":
        openMessage(part.itemId).content.push({ type: "refusal", refusal: part.refusal });
        break;
      case "reasoning":
        if (!part.id) {
          warn(
            "reasoning-dropped",
            "A reasoning part without its item id cannot be sent back and was dropped.",
            part,
          );
          break;
        }
        flushResults();
        push({
          type: "reasoning",
          id: part.id,
          summary: (Array.isArray(part.summary) ? part.summary : []).map((s) => ({
            type: "summary_text",
            text: typeof s?.text === "string" ? s.text : "",
          })),
          ...(part.text !== undefined
            ? { content: [{ type: "reasoning_text" as const, text: part.text }] }
            : {}),
          ...(part.encryptedContent !== undefined
            ? { encrypted_content: part.encryptedContent }
            : {}),
        });
        break;
      case "tool-call":
        // Index 0 after earlier calls (Chat-shaped history) marks the next step of a tool loop.
        if (part.index === 0) flushResults();
        push(toolCallItem(part));
        if (toolCallHasResult(part)) pendingResults.push(toolResultItem(part));
        break;
      case "image":
        flushResults();
        push(imageItem(part, warn));
        break;
      case "computer-call": {
        push(builtinItem(part, warn));
        const output = computerOutputItem(part);
        if (output) pendingResults.push(output);
        break;
      }
      case "apply-patch-call":
      case "shell-call":
      case "tool-search-call":
        // A call the app ran goes back with the output it returned, like a function call.
        flushResults();
        push(builtinItem(part, warn));
        if (part.output) pendingResults.push(part.output as unknown as Item);
        break;
      case "mcp-approval-request":
        flushResults();
        push(builtinItem(part, warn));
        if (part.decision) items.push(approvalResponse(part.id, part.decision));
        break;
      case "audio":
      case "file":
        warn(
          "unsupported-part",
          `The Responses API takes no '${part.type}' part in an assistant message; it was dropped.`,
          part,
        );
        break;
      case "unknown":
        if (isItemLike(part.raw, part.originalType)) {
          flushResults();
          push(part.raw as unknown as Item);
        } else {
          warn("unknown-part", `A part of unknown type '${part.originalType}' was dropped.`, part);
        }
        break;
      default:
        flushResults();
        push(builtinItem(part, warn));
    }
  }
  closeMessage();
  flushResults();
  return items;
}

function approvalResponse(
  requestId: string,
  decision: { approve: boolean; reason?: string },
): Item {
  return {
    type: "mcp_approval_response",
    approval_request_id: requestId,
    approve: decision.approve,
    ...(decision.reason !== undefined ? { reason: decision.reason } : {}),
  };
}

/** Index of the last assistant message whose response the server already holds, or -1. */
function anchorIndex(messages: readonly (Message | undefined)[]): number {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message?.role === "assistant" && message.metadata.responseId) return i;
  }
  return -1;
}

/**
 * Messages -> Responses API `input` items. Pure; throws only `ColloquyError("invalid_input")`:
 * when `messages` is not an array, or when a user message holds audio (the API takes no
 * audio input), naming the message, part and field. A message or part too broken to read is
 * dropped with a warning. Assistant output (reasoning with its encrypted content, tool calls
 * and results, built-in tool items, compaction) goes back as items so reasoning + tool loops
 * keep their context.
 */
export function toResponsesInput(
  messages: readonly Message[],
  options: ToResponsesInputOptions = {},
): ConversionResult<Item[]> {
  const value: Item[] = [];
  const warnings: ConversionWarning[] = [];
  const usable = usableMessages(messages, "toResponsesInput", warnings);
  const anchor = options.previousResponseId ? anchorIndex(usable) : -1;
  usable.forEach((message, messageIndex) => {
    if (messageIndex < anchor || !message) return;
    convertingMessage("toResponsesInput", messageIndex, () => convertOne(message, messageIndex));
  });
  return { value, warnings };

  function convertOne(message: Message, messageIndex: number): void {
    const warn = warningsAbout(warnings, messageIndex);
    switch (message.role) {
      case "system":
      case "developer":
        if (messageIndex === anchor) return;
        value.push({
          type: "message",
          role: message.role,
          content: systemMessageContent(message.parts, warn, "input_text"),
        });
        break;
      case "user":
        if (messageIndex === anchor) return;
        value.push({
          type: "message",
          role: "user",
          content: userContent(
            message.parts,
            warn,
            refusingPart("toResponsesInput", message, messageIndex),
          ),
        });
        break;
      case "assistant":
        value.push(...assistantItems(message.parts, warn, messageIndex === anchor));
        break;
    }
  }
}
