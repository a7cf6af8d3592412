import { isClientRunCall } from "../tools/client-run-calls.js";
import { failedClientRunOutput } from "../tools/client-run-outputs.js";
import type { Message } from "../model/message.js";
import type { Part } from "../model/parts.js";
import type { ToolCallPart } from "../model/tool-call-part.js";
import type { ToolResult } from "./types.js";

/**
 * Pure helpers for the client's side of tool calls: recording results on the parts
 * (approval decisions: see approvals.ts), and telling when a turn has nothing left to answer.
 */

/**
 * The fields every tool call state shares, without the state-specific ones (and the approval
 * request id): what is not named here, the decision among it, stays through every state.
 */
export function toolCallBase(part: ToolCallPart) {
  const {
    state: _state,
    input: _input,
    output: _output,
    errorText: _errorText,
    approvalId: _approvalId,
    ...base
  } = part as ToolCallPart & { approvalId?: string };
  return base;
}

/** The tool call with its result recorded. */
export function withToolOutput(part: ToolCallPart, output: unknown): ToolCallPart {
  return { ...toolCallBase(part), state: "output-available", input: part.input, output };
}

/** The tool call with an error recorded (the model receives `errorText`). */
export function withToolError(
  part: ToolCallPart,
  errorText: string,
  input?: unknown,
): ToolCallPart {
  return { ...toolCallBase(part), state: "output-error", input: input ?? part.input, errorText };
}

/** The tool call waiting for a person's approval. */
export function withApprovalRequested(part: ToolCallPart, input: unknown): ToolCallPart {
  return { ...toolCallBase(part), state: "approval-requested", input };
}

/**
 * The part update (for `updateFirstPart`) that records a client-side tool's result or error
 * on its call: the part of `result.toolCallId`, and no other.
 */
export function toolResultUpdate(result: ToolResult): (part: Part) => Part | undefined {
  return (part) => {
    if (part.type !== "tool-call" || part.toolCallId !== result.toolCallId) return undefined;
    return result.errorText !== undefined
      ? withToolError(part, result.errorText)
      : withToolOutput(part, result.output);
  };
}

/**
 * Replaces the first part (searching from the newest message) for which `update` returns a
 * new part. Returns the same array when nothing matched.
 */
export function updateFirstPart(
  messages: readonly Message[],
  update: (part: Part) => Part | undefined,
): { messages: readonly Message[]; message?: Message } {
  for (let m = messages.length - 1; m >= 0; m--) {
    const message = messages[m]!;
    for (let p = 0; p < message.parts.length; p++) {
      const next = update(message.parts[p]!);
      if (next === undefined) continue;
      const parts = message.parts.slice();
      parts[p] = next;
      const updated: Message = { ...message, parts };
      const list = messages.slice();
      list[m] = updated;
      return { messages: list, message: updated };
    }
  }
  return { messages };
}

/** True when the part still waits for the client: a tool to run, a decision, a screenshot. */
export function isAwaitingClient(part: Part): boolean {
  switch (part.type) {
    case "tool-call":
      return part.state === "input-available" || part.state === "approval-requested";
    case "mcp-approval-request":
      return part.decision === undefined;
    case "computer-call":
      // A call whose safety checks were refused (incomplete, with the decision) stays unanswered,
      // so the agent stops there instead of sending a call without its output.
      return (
        part.output === undefined &&
        part.state !== "failed" &&
        (part.state !== "incomplete" || part.decision !== undefined)
      );
    default:
      return isClientRunCall(part) && part.output === undefined && part.state === "completed";
  }
}

/** True when the part is something the client answered (a result, error, denial, decision). */
export function isClientAnswer(part: Part): boolean {
  switch (part.type) {
    case "tool-call":
      return (
        part.state === "output-available" ||
        part.state === "output-error" ||
        part.state === "output-denied"
      );
    case "mcp-approval-request":
      return part.decision !== undefined;
    case "computer-call":
      return part.output !== undefined;
    default:
      return isClientRunCall(part) && part.output !== undefined;
  }
}

/**
 * True when the assistant message's client-side work is all answered and at least one
 * answer exists: the moment to send the results back for the next step.
 */
export function isReadyToContinue(message: Message | undefined): boolean {
  if (!message || message.role !== "assistant") return false;
  if (
    message.status === "in-progress" ||
    message.status === "failed" ||
    message.status === "aborted"
  ) {
    return false;
  }
  return !message.parts.some(isAwaitingClient) && message.parts.some(isClientAnswer);
}

/**
 * What the model is told about a call that was never answered (its tool did not run, its
 * approval was never given, the answer stopped mid-call) once the conversation goes on
 * without it. OpenAI refuses a request carrying a call without its output.
 */
export const UNANSWERED_TOOL_OUTPUT =
  "The call was not answered: the user went on with the conversation without its result.";

/**
 * True when a call has no result yet: a tool call still streaming, waiting to run or for a
 * decision, or a built-in call the app runs (apply_patch, local shell, client tool search)
 * without its output item.
 */
function isUnanswered(part: Part): boolean {
  if (isClientRunCall(part)) return part.output === undefined && part.state === "completed";
  return (
    part.type === "tool-call" &&
    (part.state === "input-streaming" ||
      part.state === "input-available" ||
      part.state === "approval-requested")
  );
}

function closed(part: Part): Part {
  if (!isUnanswered(part)) return part;
  if (isClientRunCall(part)) {
    return { ...part, output: failedClientRunOutput(part, UNANSWERED_TOOL_OUTPUT) };
  }
  return withToolError(part as ToolCallPart, UNANSWERED_TOOL_OUTPUT);
}

/**
 * `messages` with every unanswered tool call closed as an error (`UNANSWERED_TOOL_OUTPUT`;
 * a client-run call gets the failure output of its type saying so),
 * so no request leaves with a call that has no output. Messages without one keep their
 * identity; the same array comes back when there is none.
 */
export function closeUnansweredCalls(messages: readonly Message[]): readonly Message[] {
  let result: Message[] | undefined;
  messages.forEach((message, index) => {
    if (message.role !== "assistant" || !message.parts.some(isUnanswered)) return;
    result ??= messages.slice();
    result[index] = {
      ...message,
      parts: message.parts.map(closed),
    };
  });
  return result ?? messages;
}
