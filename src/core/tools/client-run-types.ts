import type { ClientToolOutputItem } from "../model/builtin-tool-parts.js";
import type { ClientRunCallPart } from "./client-run-calls.js";
import type { ToolDefinition, ToolExecuteContext } from "./types.js";

/** The built-in tool types whose calls the app runs itself. */
export type ClientRunToolType = "apply_patch" | "shell" | "local_shell" | "tool_search";

/**
 * A built-in tool the app runs itself (apply_patch, a local shell, a client tool search),
 * made with `defineApplyPatchTool`, `defineLocalShellTool` or `defineToolSearch`. The tool
 * runner finds the definition for each call it has to answer, asks for approval when the
 * definition wants it, and sends the output item `execute` builds in the next request.
 */
export interface ClientRunToolDefinition<Call extends ClientRunCallPart = ClientRunCallPart> {
  /** Marks the object as a colloquy client-run tool definition. */
  readonly kind: "client-run";
  /** The built-in tool type as declared on the wire (`apply_patch`, `shell`, ...). */
  readonly type: ClientRunToolType;
  /** The tool's name: its type, so a runner holds at most one definition of each. */
  readonly name: ClientRunToolType;
  /** True for a call this definition answers. */
  readonly handles: (part: ClientRunCallPart) => part is Call;
  /** True (or a predicate on the call) when a person must approve it before it runs. */
  readonly needsApproval?: boolean | ((part: Call) => boolean | Promise<boolean>);
  /** Runs the call and returns the output item to send back (in the Responses input shape). */
  readonly execute: (part: Call, context: ToolExecuteContext) => Promise<ClientToolOutputItem>;
  /** The tool declarations this definition adds to a request, in the Responses shape. */
  readonly toWire: () => Record<string, unknown>[];
  /** Function tools the runner runs when the model calls them (a tool search's deferred tools). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly functionTools?: readonly ToolDefinition<any, any>[];
}

/** True when `value` was made by one of the client-run tool helpers. */
export function isClientRunToolDefinition(value: unknown): value is AnyClientRunToolDefinition {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { kind?: unknown }).kind === "client-run" &&
    typeof (value as { toWire?: unknown }).toWire === "function"
  );
}

/** Any client-run tool definition, whatever call type it answers. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyClientRunToolDefinition = ClientRunToolDefinition<any>;
