import type { ToolInput } from "../client/types.js";
import { isClientRunToolDefinition } from "./client-run-types.js";
import { isCustomToolDefinition } from "./define-custom-tool.js";
import { isToolDefinition } from "./is-tool-definition.js";
import type { CustomToolDefinition } from "./types.js";

/** A tool as Chat Completions expects it. */
export type ChatWireTool = Record<string, unknown>;

/** A tool as the Responses API expects it. */
export type ResponsesWireTool = Record<string, unknown>;

/**
 * Converts tools for the Responses API: function and custom tools flat (a custom tool's
 * grammar as `format: { type: "grammar", syntax, definition }`), built-ins passed through, and
 * a client-run tool as its declarations (a tool search adds its deferred tools).
 */
export function toResponsesTools(tools: readonly ToolInput[]): ResponsesWireTool[] {
  return tools.flatMap<ResponsesWireTool>((tool) => {
    if (isClientRunToolDefinition(tool)) return tool.toWire();
    if (isCustomToolDefinition(tool)) return { type: "custom", ...customFields(tool) };
    if (!isToolDefinition(tool)) return tool as unknown as ResponsesWireTool;
    return withoutUndefined({
      type: "function",
      name: tool.name,
      description: tool.description,
      parameters: tool.jsonSchema(),
      strict: tool.strict,
    });
  });
}

/**
 * Converts tools for Chat Completions. Function and custom tools are nested under their type;
 * a custom tool's grammar nests once more (`format: { type: "grammar", grammar: { syntax,
 * definition } }`), as the Chat API takes it. Built-in tools have no Chat form and come back
 * as warnings.
 */
export function toChatTools(tools: readonly ToolInput[]): {
  value: ChatWireTool[];
  warnings: string[];
} {
  const value: ChatWireTool[] = [];
  const warnings: string[] = [];
  for (const tool of tools) {
    if (isCustomToolDefinition(tool)) {
      value.push({ type: "custom", custom: chatCustom(customFields(tool)) });
      continue;
    }
    if (isToolDefinition(tool)) {
      value.push({
        type: "function",
        function: withoutUndefined({
          name: tool.name,
          description: tool.description,
          parameters: tool.jsonSchema(),
          strict: tool.strict,
        }),
      });
      continue;
    }
    const raw = tool as unknown as Record<string, unknown>;
    if (raw.type === "function") {
      const { type: _type, ...fn } = raw;
      value.push({ type: "function", function: fn });
    } else if (raw.type === "custom") {
      const { type: _type, ...custom } = raw;
      value.push({ type: "custom", custom: chatCustom(custom) });
    } else {
      warnings.push(
        `The built-in tool "${String(raw.type)}" needs the Responses API; it was left out of the Chat Completions request.`,
      );
    }
  }
  return { value, warnings };
}

function customFields(tool: CustomToolDefinition): Record<string, unknown> {
  return withoutUndefined({
    name: tool.name,
    description: tool.description,
    format: tool.format,
  });
}

/** A Responses-shaped custom tool body with its grammar nested the Chat way. */
function chatCustom(custom: Record<string, unknown>): Record<string, unknown> {
  const format = custom.format as Record<string, unknown> | undefined;
  if (!format || format.type !== "grammar" || format.grammar !== undefined) return custom;
  const { syntax, definition } = format;
  return { ...custom, format: { type: "grammar", grammar: { syntax, definition } } };
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}
