import type { ToolInput } from "../client/types.js";
import { isToolDefinition } from "./define-tool.js";

/** A tool as Chat Completions expects it. */
export type ChatWireTool = Record<string, unknown>;

/** A tool as the Responses API expects it. */
export type ResponsesWireTool = Record<string, unknown>;

/** Converts tools for the Responses API: function tools flat, built-ins passed through. */
export function toResponsesTools(tools: readonly ToolInput[]): ResponsesWireTool[] {
  return tools.map((tool) => {
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
 * built-in tools have no Chat form and come back as warnings.
 */
export function toChatTools(tools: readonly ToolInput[]): {
  value: ChatWireTool[];
  warnings: string[];
} {
  const value: ChatWireTool[] = [];
  const warnings: string[] = [];
  for (const tool of tools) {
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
      value.push({ type: "custom", custom });
    } else {
      warnings.push(
        `The built-in tool "${String(raw.type)}" needs the Responses API; it was left out of the Chat Completions request.`,
      );
    }
  }
  return { value, warnings };
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}
