import type { Message } from "../model/message.js";
import type { ComputerCallPart, McpApprovalRequestPart } from "../model/builtin-tool-parts.js";
import type { Part } from "../model/parts.js";
import type { ToolCallApprovalRequested } from "../model/tool-call-part.js";
import {
  clientRunCallId,
  isClientRunCall,
  type ClientRunCallPart,
} from "../tools/client-run-calls.js";
import { DENIED_CLIENT_RUN_OUTPUT, failedClientRunOutput } from "../tools/client-run-outputs.js";
import { toolCallBase } from "./tool-parts.js";
import type { ApprovalResponse } from "./types.js";

/**
 * Approvals, one mechanism for every kind of call that waits for a person: what a message
 * waits for (`pendingApprovals`), and the answer recorded on the part it answers
 * (`decisionUpdate`), so it is saved with the message and read back after a reload. The
 * store records it (`ChatStore.respondToApproval`), the tool runner reads it from the part.
 */

/** A request waiting for the user's decision; answer it with `respondToApproval({ id, ... })`. */
export type PendingApproval =
  | { kind: "tool"; id: string; part: ToolCallApprovalRequested }
  | { kind: "mcp"; id: string; part: McpApprovalRequestPart }
  | { kind: "computer"; id: string; part: ComputerCallPart }
  | { kind: "client-run"; id: string; part: ClientRunCallPart };

/** True for a computer call whose pending safety checks wait for a person's answer. */
function isPendingComputerCall(part: Part): part is ComputerCallPart {
  return (
    part.type === "computer-call" &&
    part.output === undefined &&
    part.state === "completed" &&
    part.decision === undefined &&
    (part.item.pending_safety_checks ?? []).length > 0
  );
}

/**
 * What the message waits for a person to decide: function and custom tool calls awaiting
 * approval, MCP approval requests, computer calls with pending safety checks, and built-in
 * calls the app runs whose definition asked first. Only an assistant message waits.
 */
export function pendingApprovals(message: Message | undefined): PendingApproval[] {
  const pending: PendingApproval[] = [];
  if (message?.role !== "assistant") return pending;
  for (const part of message.parts) {
    if (part.type === "tool-call" && part.state === "approval-requested") {
      pending.push({ kind: "tool", id: part.toolCallId, part });
    } else if (part.type === "mcp-approval-request" && part.decision === undefined) {
      pending.push({ kind: "mcp", id: part.item.id, part });
    } else if (isPendingComputerCall(part)) {
      pending.push({ kind: "computer", id: part.id, part });
    } else if (isClientRunCall(part) && part.approval === "requested" && !part.output) {
      pending.push({ kind: "client-run", id: String(part.item.call_id ?? part.id), part });
    }
  }
  return pending;
}

/**
 * The part update (for `updateFirstPart`) that records a person's answer on the request it
 * answers: a tool call waiting for approval (by tool call id or approval id), an MCP approval
 * request, a computer call's pending safety checks, or a built-in call the app runs (each by
 * its part id or its call / item id). Parts that are not waiting for this answer are left
 * alone. A denied tool call or client-run call gets the refusal as its output, so the model
 * reads it and the turn goes on; a refused computer call stays `incomplete`.
 */
export function decisionUpdate(response: ApprovalResponse): (part: Part) => Part | undefined {
  const { id, approve, reason } = response;
  const decision = reason === undefined ? { approve } : { approve, reason };
  return (part) => {
    if (
      part.type === "tool-call" &&
      part.state === "approval-requested" &&
      (part.toolCallId === id || part.approvalId === id)
    ) {
      const base = { ...toolCallBase(part), input: part.input, decision };
      return approve
        ? { ...base, state: "input-available" }
        : {
            ...base,
            state: "output-denied",
            errorText: reason ?? "The user denied this tool call.",
          };
    }
    if (part.type === "mcp-approval-request" && (part.id === id || part.item.id === id)) {
      return { ...part, decision };
    }
    if (isPendingComputerCall(part) && (part.id === id || part.item.call_id === id)) {
      return approve ? { ...part, decision } : { ...part, state: "incomplete", decision };
    }
    if (
      isClientRunCall(part) &&
      part.approval === "requested" &&
      (part.id === id || clientRunCallId(part) === id)
    ) {
      return approve
        ? { ...part, approval: "approved" }
        : {
            ...part,
            approval: "denied",
            output: failedClientRunOutput(part, reason ?? DENIED_CLIENT_RUN_OUTPUT),
          };
    }
    return undefined;
  };
}
