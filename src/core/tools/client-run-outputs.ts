import type { ClientToolOutputItem } from "../model/builtin-tool-parts.js";
import { clientRunCallId, type ClientRunCallPart } from "./client-run-calls.js";

/** What the model is told when a person refused to let a call run. */
export const DENIED_CLIENT_RUN_OUTPUT = "The user refused to run this call.";

/**
 * The output item that answers a call the app did not carry out (a person refused it, or it
 * failed), so the model reads why and the request still carries an output for the call:
 * a failed `apply_patch_call_output`, a shell output with exit code 1 and the reason on
 * stderr, or a tool search that found nothing.
 */
export function failedClientRunOutput(
  part: ClientRunCallPart,
  reason: string,
): ClientToolOutputItem {
  const call_id = clientRunCallId(part);
  switch (part.type) {
    case "apply-patch-call":
      return { type: "apply_patch_call_output", call_id, status: "failed", output: reason };
    case "tool-search-call":
      return {
        type: "tool_search_output",
        execution: "client",
        call_id,
        status: "completed",
        tools: [],
      };
    case "shell-call":
      if (part.item.type === "local_shell_call") {
        return {
          type: "local_shell_call_output",
          call_id,
          output: JSON.stringify({ stdout: "", stderr: reason, exit_code: 1 }),
        };
      }
      return {
        type: "shell_call_output",
        call_id,
        output: [{ stdout: "", stderr: reason, outcome: { type: "exit", exit_code: 1 } }],
      };
  }
}
