import { ColloquyError } from "../errors.js";
import type { CustomToolDefinition, CustomToolFormat, ToolExecuteContext } from "./types.js";

/** What `defineCustomTool` takes. */
export interface DefineCustomToolOptions<Result> {
  /** The name the model calls it by: letters, digits, `_` and `-`, at most 64 characters. */
  name: string;
  /** What the tool does and when to use it, written for the model. */
  description?: string;
  /**
   * What the model's input may be: free text (the default) or a context-free grammar
   * (`lark`) or regular expression (`regex`) the input must match.
   */
  format?: CustomToolFormat;
  /** Runs the tool on the model's raw input text; omit for tools the app handles itself. */
  execute?: (input: string, context: ToolExecuteContext) => Result | Promise<Result>;
  /** True (or a predicate on the input) when a person must approve each call. */
  needsApproval?: boolean | ((input: string) => boolean | Promise<boolean>);
}

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * Defines a custom tool: the model calls it with free text instead of JSON arguments,
 * optionally constrained by a grammar. `execute` receives that text as is.
 */
export function defineCustomTool<Result = unknown>(
  options: DefineCustomToolOptions<Result>,
): CustomToolDefinition<Result> {
  if (!TOOL_NAME.test(options.name)) {
    throw new ColloquyError(
      "invalid_input",
      `Tool name "${options.name}" is not valid: use 1-64 letters, digits, "_" or "-".`,
    );
  }
  const format = options.format;
  if (format && format.type === "grammar") {
    if (format.syntax !== "lark" && format.syntax !== "regex") {
      throw new ColloquyError(
        "invalid_input",
        `Custom tool "${options.name}": grammar syntax must be "lark" or "regex", not "${String(format.syntax)}".`,
      );
    }
    if (typeof format.definition !== "string" || format.definition.trim() === "") {
      throw new ColloquyError(
        "invalid_input",
        `Custom tool "${options.name}": the grammar needs a non-empty "definition".`,
      );
    }
  }
  return Object.freeze({
    kind: "custom" as const,
    name: options.name,
    description: options.description,
    format,
    execute: options.execute,
    needsApproval: options.needsApproval,
  });
}

/** True when `value` is a tool made by `defineCustomTool`. */
export function isCustomToolDefinition(value: unknown): value is CustomToolDefinition {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { kind?: unknown }).kind === "custom" &&
    typeof (value as { name?: unknown }).name === "string"
  );
}
