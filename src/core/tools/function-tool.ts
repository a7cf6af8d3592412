import { ColloquyError } from "../errors.js";
import { jsonSchemaOf } from "../structured/json-schema.js";
import { toStrictJsonSchema } from "../structured/strict-json-schema.js";
import type { Schema } from "../structured/schema-types.js";
import type { ToolDefinition, ToolExecuteContext } from "./types.js";

/** What `defineTool` takes. */
export interface DefineToolOptions<Args, Result> {
  /** The name the model calls it by: letters, digits, `_` and `-`, at most 64 characters. */
  name: string;
  /** What the tool does and when to use it, written for the model. */
  description?: string;
  /** The arguments' schema: a zod 4 schema or any Standard Schema with JSON Schema. */
  parameters: Schema<Args>;
  /** Strict mode (default true): arguments always match the schema. */
  strict?: boolean;
  /** Runs the tool; omit for tools the app handles itself. */
  execute?: (args: NoInfer<Args>, context: ToolExecuteContext) => Result | Promise<Result>;
  /** True (or a predicate) when a person must approve each call. */
  needsApproval?: boolean | ((args: NoInfer<Args>) => boolean | Promise<boolean>);
}

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * Defines a function tool. The argument type comes from the schema, so `execute` is typed
 * without annotations; the JSON Schema sent to OpenAI is built on first use and cached.
 */
export function defineTool<Args, Result = unknown>(
  options: DefineToolOptions<Args, Result>,
): ToolDefinition<Args, Result> {
  if (!TOOL_NAME.test(options.name)) {
    throw new ColloquyError(
      "invalid_input",
      `Tool name "${options.name}" is not valid: use 1-64 letters, digits, "_" or "-".`,
    );
  }
  const strict = options.strict ?? true;
  let cached: Record<string, unknown> | undefined;
  return Object.freeze({
    kind: "function" as const,
    name: options.name,
    description: options.description,
    parameters: options.parameters,
    strict,
    execute: options.execute,
    needsApproval: options.needsApproval,
    jsonSchema: () => {
      if (!cached) {
        const schema = jsonSchemaOf(options.parameters);
        cached = strict ? toStrictJsonSchema(schema) : schema;
      }
      return cached;
    },
  });
}
