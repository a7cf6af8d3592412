import type { ToolDefinition } from "./types.js";

/** True when `value` is a tool made by `defineTool` (not a built-in tool object). */
export function isToolDefinition(value: unknown): value is ToolDefinition {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { kind?: unknown }).kind === "function" &&
    typeof (value as { jsonSchema?: unknown }).jsonSchema === "function"
  );
}
