import type { Schema } from "../structured/schema-types.js";

/** What a tool's `execute` receives besides its arguments. */
export interface ToolExecuteContext {
  /** The call id the model gave this call (`call_...`). */
  toolCallId: string;
  /** Aborted when the caller stops the run; pass it on to fetches the tool makes. */
  signal?: AbortSignal;
}

/**
 * A function tool the model can call, made with `defineTool`. `Args` is inferred from the
 * parameters schema and `Result` from `execute`.
 */
export interface ToolDefinition<Args = unknown, Result = unknown> {
  /** Marks the object as a colloquy tool definition (built-in tools are plain OpenAI objects). */
  readonly kind: "function";
  /** The name the model calls it by: letters, digits, `_` and `-`, at most 64 characters. */
  readonly name: string;
  /** What the tool does and when to use it, written for the model. */
  readonly description?: string;
  /** The arguments' schema (zod 4 or any Standard Schema with JSON Schema). */
  readonly parameters: Schema<Args>;
  /**
   * Strict mode: the model's arguments always match the schema (OpenAI structured outputs).
   * Default true. Optional fields are sent as nullable-and-required, as strict mode requires.
   */
  readonly strict: boolean;
  /** Runs the tool. Absent for tools the app runs itself (client-side UI tools). */
  readonly execute?: (args: Args, context: ToolExecuteContext) => Result | Promise<Result>;
  /**
   * True (or a predicate on the arguments) when a person must approve the call before it
   * runs. Default false.
   */
  readonly needsApproval?: boolean | ((args: Args) => boolean | Promise<boolean>);
  /** The parameters as JSON Schema, as sent to OpenAI; built on first use and cached. */
  readonly jsonSchema: () => Record<string, unknown>;
}

/** Any tool definition, whatever its argument and result types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyToolDefinition = ToolDefinition<any, any>;

/** The arguments type of a tool definition. */
export type ToolArgs<T> = T extends ToolDefinition<infer Args, unknown> ? Args : never;

/** The result type of a tool definition's `execute`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ToolResult<T> = T extends ToolDefinition<any, infer Result> ? Awaited<Result> : never;

/** Outcome of `parseToolArguments`: the validated arguments, or an error for the model. */
export type ParsedToolArguments<Args> = { ok: true; value: Args } | { ok: false; error: string };
