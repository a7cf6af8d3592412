import { dropNullOptionals, jsonSchemaOf } from "../structured/json-schema.js";
import { describeIssues } from "../structured/validate.js";
import type { StandardSchemaResult } from "../structured/standard-schema.js";
import type { ParsedToolArguments, ToolDefinition } from "./types.js";

/**
 * Parses and validates a tool call's argument text. Never throws: a bad call becomes an
 * error message naming the fields at fault, to send back to the model so it can retry.
 * Schemas that validate asynchronously are not supported here (the result would be a promise).
 */
export function parseToolArguments<Args>(
  tool: ToolDefinition<Args, unknown>,
  text: string,
): ParsedToolArguments<Args> {
  let json: unknown;
  try {
    json = text.trim() === "" ? {} : JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      error: `Invalid arguments for tool "${tool.name}": not valid JSON (${(error as Error).message}).`,
    };
  }
  const value = tool.strict ? dropNullOptionals(json, jsonSchemaOf(tool.parameters)) : json;
  const result = tool.parameters["~standard"].validate(value);
  if (result instanceof Promise) {
    return {
      ok: false,
      error: `Tool "${tool.name}" has an asynchronous schema; use a synchronous one for arguments.`,
    };
  }
  const settled = result as StandardSchemaResult<Args>;
  if (settled.issues) {
    return {
      ok: false,
      error: `Invalid arguments for tool "${tool.name}": ${describeIssues(settled.issues)}.`,
    };
  }
  return { ok: true, value: settled.value };
}
