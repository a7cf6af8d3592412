import type { Part } from "../model/parts.js";
import type { ClientToolOutputItem } from "../model/builtin-tool-parts.js";
import type { ClientRunCallPart } from "../tools/client-run-calls.js";
import { failedClientRunOutput } from "../tools/client-run-outputs.js";
import type { ClientRunToolDefinition } from "../tools/client-run-types.js";
import type { ChatStore } from "./chat-store.js";

/**
 * One step of the tool runner for a built-in call the app runs itself (apply_patch, a local
 * shell, a client tool search): asks for approval when the definition wants it (the part
 * waits with `approval: "requested"` until `respondToApproval`), else runs the definition
 * and records the output item on the part, which the store sends in the next request. A
 * definition (or approval predicate) that throws answers the call as failed with the error's message, so the model
 * reads what went wrong instead of the conversation stopping.
 */
export async function runClientCall(
  store: ChatStore,
  part: ClientRunCallPart,
  tool: ClientRunToolDefinition,
  signal: AbortSignal,
  onError?: (error: unknown) => void,
): Promise<void> {
  let output: ClientToolOutputItem;
  try {
    if (part.approval !== "approved" && (await needsApproval(tool, part))) {
      if (signal.aborted) return;
      store.updatePart((p) => (sameCall(p, part) ? { ...p, approval: "requested" } : undefined), {
        continue: false,
      });
      return;
    }
    output = await tool.execute(part, { toolCallId: callIdOf(part), signal });
  } catch (error) {
    onError?.(error);
    output = failedClientRunOutput(
      part,
      `The ${tool.type} call failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (signal.aborted) return;
  store.updatePart((p) =>
    sameCall(p, part) && p.output === undefined ? { ...p, output } : undefined,
  );
}

function sameCall(candidate: Part, part: ClientRunCallPart): candidate is ClientRunCallPart {
  return candidate.type === part.type && (candidate as ClientRunCallPart).id === part.id;
}

function callIdOf(part: ClientRunCallPart): string {
  return String(part.item.call_id ?? "");
}

async function needsApproval(tool: ClientRunToolDefinition, part: ClientRunCallPart) {
  const rule = tool.needsApproval as boolean | ((part: ClientRunCallPart) => unknown) | undefined;
  if (typeof rule === "function") return Boolean(await rule(part));
  return rule === true;
}
