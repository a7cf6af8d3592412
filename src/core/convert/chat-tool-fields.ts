import type { Part } from "../model/parts.js";
import type { ToolCallPart } from "../model/tool-call-part.js";
import { article, describe, invalidInput } from "./input-errors.js";
import { partsFromOutputItem } from "./parts-from-output-item.js";
import { isRecord } from "./wire-helpers.js";

/**
 * The tool fields of Chat-shaped (and LangChain-shaped) messages: a tool message's content,
 * and an assistant message's `tool_calls` in the Chat wire form or LangChain's `ToolCall`.
 */

/**
 * Chat tool content (a string or text blocks) as the output value. Both APIs send a tool
 * message as text, so any other block is refused by name rather than dropped.
 */
export function toolContent(content: unknown, where: string): unknown {
  if (Array.isArray(content)) {
    return content
      .map((entry: unknown, index) => {
        if (typeof entry === "string") return entry;
        if (isRecord(entry) && entry.type === "text" && typeof entry.text === "string")
          return entry.text;
        const type = isRecord(entry) && typeof entry.type === "string" ? entry.type : undefined;
        return invalidInput(
          `${where}.content[${index}]`,
          `a tool message's content is sent as text, so ${type ? `${article(type)} block` : describe(entry)} cannot be part of it; put it in a user message after the tool result`,
        );
      })
      .join("");
  }
  return content ?? "";
}

/** An assistant message's `tool_calls` -> tool-call parts, numbered in order. */
export function chatToolCalls(calls: unknown, where: string): Part[] {
  if (calls === undefined || calls === null) return [];
  if (!Array.isArray(calls)) return invalidInput(`${where}.tool_calls`, "must be an array");
  return calls.map((call, index): Part => {
    const at = `${where}.tool_calls[${index}]`;
    if (!isRecord(call) || typeof call.id !== "string")
      return invalidInput(at, "a tool call needs a string 'id'");
    const base = isRecord(call.custom)
      ? {
          type: "custom_tool_call",
          call_id: call.id,
          name: call.custom.name,
          input: call.custom.input,
        }
      : isRecord(call.function)
        ? {
            type: "function_call",
            call_id: call.id,
            name: call.function.name,
            arguments: call.function.arguments,
          }
        : typeof call.name === "string" && isRecord(call.args)
          ? // LangChain's provider-neutral ToolCall: { id, name, args, type: "tool_call" }.
            {
              type: "function_call",
              call_id: call.id,
              name: call.name,
              arguments: JSON.stringify(call.args),
            }
          : invalidInput(
              at,
              "a tool call needs a 'function' or 'custom' object, or LangChain's 'name' and 'args'",
            );
    const [part] = partsFromOutputItem(base);
    return { ...(part as ToolCallPart), index };
  });
}
