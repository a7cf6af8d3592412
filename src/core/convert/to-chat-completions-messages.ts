import type {
  ChatCompletionAssistantMessageParam,
  ChatCompletionContentPart,
  ChatCompletionMessageParam,
  ChatCompletionMessageToolCall,
} from "openai/resources/chat/completions";
import type { Message } from "../model/message.js";
import type { Part } from "../model/parts.js";
import type { ToolCallPart } from "../model/tool-call-part.js";
import { refusingPart, type RefusePart } from "./input-errors.js";
import {
  warningsAbout,
  type ConversionResult,
  type ConversionWarning,
  type Warn,
} from "./result.js";
import { convertingMessage, usableMessages } from "./usable-messages.js";
import { outputToText, systemMessageContent, toDataUrl } from "./wire-helpers.js";

/** Options for `toChatCompletionsMessages`. */
export interface ToChatCompletionsOptions {
  /**
   * The role to send system and developer messages as. By default each keeps its own
   * (`system` -> `system`, `developer` -> `developer`); older compatible servers that know
   * only `system` need `"system"`.
   */
  systemRole?: "system" | "developer";
}

/** The text sent back for a denied tool call that carries no reason. */
export const DENIED_TOOL_OUTPUT = "The user denied this tool call.";

/** True once a tool call has a result to send back (output, error or denial). */
export function toolCallHasResult(part: ToolCallPart): boolean {
  return (
    part.state === "output-available" ||
    part.state === "output-error" ||
    part.state === "output-denied"
  );
}

/** The text a tool call's result is sent back as. */
export function toolResultText(part: ToolCallPart): string {
  if (part.state === "output-available") return outputToText(part.output);
  if (part.state === "output-error") return part.errorText;
  if (part.state === "output-denied") return part.errorText ?? DENIED_TOOL_OUTPUT;
  return "";
}

/** The arguments text of a tool call: as streamed, else its parsed input re-serialised. */
export function toolCallArguments(part: ToolCallPart): string {
  if (part.inputText !== "" || part.input === undefined) return part.inputText;
  return part.kind === "custom" ? outputToText(part.input) : JSON.stringify(part.input);
}

function userContent(
  parts: readonly Part[],
  warn: Warn,
  refuse: RefusePart,
): ChatCompletionContentPart[] {
  const content: ChatCompletionContentPart[] = [];
  for (const part of parts) {
    switch (part.type) {
      case "text":
        content.push({ ...part.extra, type: "text", text: part.text });
        break;
      case "image": {
        const url =
          part.url ?? (part.data ? toDataUrl(part.mediaType ?? "image/png", part.data) : undefined);
        if (!url) {
          refuse(
            part,
            "fileId",
            "an image given only as a file id cannot be sent to Chat Completions, which takes images as URLs or base64 data; use the Responses API, or give the image's url or data",
          );
        }
        const detail = part.detail === "original" ? undefined : part.detail;
        content.push({ type: "image_url", image_url: { url, ...(detail ? { detail } : {}) } });
        break;
      }
      case "file":
        if (part.fileId) {
          content.push({ type: "file", file: { file_id: part.fileId } });
        } else if (part.data) {
          content.push({
            type: "file",
            file: {
              file_data: toDataUrl(part.mediaType, part.data),
              filename: part.filename ?? "file",
            },
          });
        } else {
          refuse(
            part,
            "url",
            "a file given only as a URL cannot be sent to Chat Completions, which takes files as base64 data or file ids; use the Responses API, or upload the file and give its id",
          );
        }
        break;
      case "audio":
        if (!part.data) {
          warn("unsupported-audio", "An audio part without data was dropped.", part);
          break;
        }
        if (part.format !== undefined && part.format !== "wav" && part.format !== "mp3") {
          refuse(
            part,
            "format",
            `Chat Completions takes audio input only as wav or mp3, not '${part.format}'; convert the audio first`,
          );
        }
        content.push({
          type: "input_audio",
          input_audio: { data: part.data, format: part.format ?? "wav" },
        });
        break;
      default:
        warn(
          "unsupported-part",
          `A user message cannot carry a '${part.type}' part in Chat Completions; it was dropped.`,
          part,
        );
    }
  }
  return content;
}

interface AssistantStep {
  text: string;
  refusal?: string;
  audioId?: string;
  calls: ToolCallPart[];
}

function toolCallToWire(part: ToolCallPart): ChatCompletionMessageToolCall {
  if (part.kind === "custom") {
    return {
      id: part.toolCallId,
      type: "custom",
      custom: { name: part.toolName, input: toolCallArguments(part) },
    };
  }
  return {
    id: part.toolCallId,
    type: "function",
    function: { name: part.toolName, arguments: toolCallArguments(part) },
  };
}

function stepMessages(step: AssistantStep): ChatCompletionMessageParam[] {
  const assistant: ChatCompletionAssistantMessageParam = {
    role: "assistant",
    content:
      step.text === "" && (step.calls.length > 0 || step.refusal !== undefined || step.audioId)
        ? null
        : step.text,
  };
  if (step.refusal !== undefined) assistant.refusal = step.refusal;
  if (step.audioId) assistant.audio = { id: step.audioId };
  if (step.calls.length > 0) assistant.tool_calls = step.calls.map(toolCallToWire);
  const results: ChatCompletionMessageParam[] = step.calls
    .filter(toolCallHasResult)
    .map((call) => ({
      role: "tool",
      tool_call_id: call.toolCallId,
      content: toolResultText(call),
    }));
  return [assistant, ...results];
}

/**
 * An assistant message -> Chat messages. Text after a tool call that already has its result
 * starts a new assistant message, so each step is followed by its `role: "tool"` results as
 * the API requires.
 */
function assistantMessages(parts: readonly Part[], warn: Warn): ChatCompletionMessageParam[] {
  const out: ChatCompletionMessageParam[] = [];
  let step: AssistantStep = { text: "", calls: [] };
  const isEmpty = (s: AssistantStep) =>
    s.text === "" && s.calls.length === 0 && s.refusal === undefined && !s.audioId;
  const flush = () => {
    if (!isEmpty(step)) out.push(...stepMessages(step));
    step = { text: "", calls: [] };
  };
  for (const part of parts) {
    switch (part.type) {
      case "text":
      case "refusal":
        if (step.calls.length > 0) flush();
        if (part.type === "text") step.text += part.text;
        else step.refusal = (step.refusal ?? "") + part.refusal;
        break;
      case "tool-call":
        // Index 0 after earlier calls marks the next step of a sequential tool loop.
        if (part.index === 0 && step.calls.length > 0) flush();
        step.calls.push(part);
        break;
      case "audio":
        if (part.id) step.audioId = part.id;
        else if (part.transcript) step.text += part.transcript;
        else warn("unsupported-audio", "Assistant audio without an id was dropped.", part);
        break;
      case "reasoning":
        warn(
          "reasoning-dropped",
          "Chat Completions cannot take reasoning back; it was dropped. Use the Responses API to keep reasoning across turns.",
          part,
        );
        break;
      case "image":
        warn(
          "unsupported-part",
          "Chat Completions cannot take generated images back; the image was dropped.",
          part,
        );
        break;
      default:
        warn(
          "unsupported-part",
          `Chat Completions has no equivalent for a '${part.type}' part; it was dropped. Use the Responses API for built-in tools.`,
          part,
        );
    }
  }
  flush();
  return out;
}

/**
 * Messages -> Chat Completions `messages`. Pure; throws only `ColloquyError("invalid_input")`:
 * when `messages` is not an array, or when a user input cannot be sent to Chat (an image
 * given only as a file id, a file only as a URL, audio neither wav nor mp3), naming the
 * message, part and field. A message or part too broken to read, and assistant output Chat
 * cannot carry (reasoning, generated images, built-in tool items), are dropped with a warning
 * naming the message and part.
 */
export function toChatCompletionsMessages(
  messages: readonly Message[],
  options: ToChatCompletionsOptions = {},
): ConversionResult<ChatCompletionMessageParam[]> {
  const value: ChatCompletionMessageParam[] = [];
  const warnings: ConversionWarning[] = [];
  usableMessages(messages, "toChatCompletionsMessages", warnings).forEach(
    (message, messageIndex) => {
      if (!message) return;
      convertingMessage("toChatCompletionsMessages", messageIndex, () =>
        convertOne(message, messageIndex),
      );
    },
  );
  return { value, warnings };

  function convertOne(message: Message, messageIndex: number): void {
    const warn = warningsAbout(warnings, messageIndex);
    switch (message.role) {
      case "system":
      case "developer":
        value.push({
          role: options.systemRole ?? message.role,
          content: systemMessageContent(message.parts, warn, "text"),
        });
        break;
      case "user": {
        const content = userContent(
          message.parts,
          warn,
          refusingPart("toChatCompletionsMessages", message, messageIndex),
        );
        const only = content[0];
        // A lone text part goes as a plain string: every compatible server accepts that.
        value.push({
          role: "user",
          content: content.length === 1 && only?.type === "text" ? only.text : content,
        });
        break;
      }
      case "assistant":
        value.push(...assistantMessages(message.parts, warn));
        break;
    }
  }
}
