import type { ApplyPatchCallPart } from "../model/builtin-tool-parts.js";
import type { ClientRunCallPart } from "./client-run-calls.js";
import type { ClientRunToolDefinition } from "./client-run-types.js";
import type { ToolExecuteContext } from "./types.js";

/** One file operation of an apply_patch call: create, update (with a diff) or delete a file. */
export type ApplyPatchOperation = ApplyPatchCallPart["item"]["operation"];

/**
 * What `apply` may return: nothing (applied), a text for the model (`"Created hello.txt"`),
 * or a failure the model can read and retry after.
 */
export type ApplyPatchResult = void | string | { status: "completed" | "failed"; output?: string };

/** What `defineApplyPatchTool` takes. */
export interface DefineApplyPatchToolOptions {
  /**
   * Applies one operation to the app's own files. Throwing reports the operation as
   * failed (the runner sends the error's message as the output the model reads).
   */
  apply: (
    operation: ApplyPatchOperation,
    context: ToolExecuteContext,
  ) => ApplyPatchResult | Promise<ApplyPatchResult>;
  /** True (or a predicate on the operation) when a person must approve each operation. Default false. */
  needsApproval?: boolean | ((operation: ApplyPatchOperation) => boolean | Promise<boolean>);
}

/**
 * Defines the apply_patch tool: the model proposes file operations (`create_file`,
 * `update_file` with a unified diff, `delete_file`), the app applies each one with `apply`,
 * and the runner sends back an `apply_patch_call_output` (`completed`, or `failed` with the
 * reason) in the next request. Declared on the wire as `{ type: "apply_patch" }`.
 */
export function defineApplyPatchTool(
  options: DefineApplyPatchToolOptions,
): ClientRunToolDefinition<ApplyPatchCallPart> {
  const rule = options.needsApproval;
  return Object.freeze({
    kind: "client-run" as const,
    type: "apply_patch" as const,
    name: "apply_patch" as const,
    handles: (part: ClientRunCallPart): part is ApplyPatchCallPart =>
      part.type === "apply-patch-call",
    needsApproval:
      typeof rule === "function" ? (part: ApplyPatchCallPart) => rule(part.item.operation) : rule,
    execute: async (part: ApplyPatchCallPart, context: ToolExecuteContext) => {
      const call_id = part.item.call_id;
      const result = await options.apply(part.item.operation, context);
      if (typeof result === "string") {
        return { type: "apply_patch_call_output", call_id, status: "completed", output: result };
      }
      return {
        type: "apply_patch_call_output",
        call_id,
        status: result?.status ?? "completed",
        ...(result?.output === undefined ? {} : { output: result.output }),
      };
    },
    toWire: () => [{ type: "apply_patch" }],
  });
}
