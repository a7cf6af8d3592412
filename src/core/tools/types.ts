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

/** What a custom tool's input may be: free text, or text matching a grammar. */
export type CustomToolFormat =
  | { type: "text" }
  | {
      type: "grammar";
      /** `lark` (a context-free grammar) or `regex`. */
      syntax: "lark" | "regex";
      /** The grammar or regular expression itself. */
      definition: string;
    };

/**
 * A custom tool, made with `defineCustomTool`: the model calls it with free text (optionally
 * constrained by a grammar), and `execute` receives that text unparsed.
 */
export interface CustomToolDefinition<Result = unknown> {
  /** Marks the object as a colloquy custom tool definition. */
  readonly kind: "custom";
  /** The name the model calls it by: letters, digits, `_` and `-`, at most 64 characters. */
  readonly name: string;
  /** What the tool does and when to use it, written for the model. */
  readonly description?: string;
  /** The input's format; absent means free text. */
  readonly format?: CustomToolFormat;
  /** Runs the tool on the raw input text. Absent for tools the app runs itself. */
  readonly execute?: (input: string, context: ToolExecuteContext) => Result | Promise<Result>;
  /** True (or a predicate on the input) when a person must approve the call. */
  readonly needsApproval?: boolean | ((input: string) => boolean | Promise<boolean>);
}

/** Any tool definition the app runs, function or custom, whatever its types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyToolDefinition = ToolDefinition<any, any> | CustomToolDefinition<any>;

/** The arguments type of a tool definition (the input text for a custom tool). */
export type ToolArgs<T> =
  T extends ToolDefinition<infer Args, unknown>
    ? Args
    : T extends CustomToolDefinition<unknown>
      ? string
      : never;

/** The result type of a tool definition's `execute`. */
export type ToolResult<T> =
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  T extends ToolDefinition<any, infer Result>
    ? Awaited<Result>
    : T extends CustomToolDefinition<infer Result>
      ? Awaited<Result>
      : never;

/** Outcome of `parseToolArguments`: the validated arguments, or an error for the model. */
export type ParsedToolArguments<Args> = { ok: true; value: Args } | { ok: false; error: string };
