import type { ApprovalDecision } from "./approval-decision.js";

/**
 * Function and custom tool calls: a state machine on `state`, from arguments streaming in to
 * a result, an error or the user's denial.
 */

/** The life of a tool call, from arguments streaming in to a result. */
export type ToolCallState =
  | "input-streaming"
  | "input-available"
  | "approval-requested"
  | "output-available"
  | "output-error"
  | "output-denied";

/** Fields common to every state of a tool call. */
interface ToolCallBase {
  /** Discriminant. */
  type: "tool-call";
  /** `function` tools take JSON arguments; `custom` tools take free text. */
  kind: "function" | "custom";
  /** The call id the result must carry (`call_...`). */
  toolCallId: string;
  /** The tool's name. */
  toolName: string;
  /** The raw arguments (JSON text for functions, free text for custom tools), as streamed. */
  inputText: string;
  /** Responses API: the output item id (`fc_...` / `ctc_...`). */
  itemId?: string;
  /** Chat Completions: the position of the call among parallel calls. */
  index?: number;
  /**
   * The person's decision, when the call waited for approval; kept through the states after
   * it, so a reload runs an approved call without asking again.
   */
  decision?: ApprovalDecision;
}

/** Arguments still arriving. */
export interface ToolCallInputStreaming extends ToolCallBase {
  /** Still streaming. */
  state: "input-streaming";
  /** Not parsed yet. */
  input?: never;
  /** No output yet. */
  output?: never;
  /** No error yet. */
  errorText?: never;
}

/** Arguments complete and parsed (or left as text for custom tools). */
export interface ToolCallInputAvailable extends ToolCallBase {
  /** Ready to run. */
  state: "input-available";
  /** Parsed arguments (JSON value for functions, the text for custom tools). */
  input: unknown;
  /** No output yet. */
  output?: never;
  /** No error yet. */
  errorText?: never;
}

/** Waiting for the user to approve the call. */
export interface ToolCallApprovalRequested extends ToolCallBase {
  /** Waiting for a decision. */
  state: "approval-requested";
  /** Parsed arguments. */
  input: unknown;
  /** Approval request id, when the upstream issued one. */
  approvalId?: string;
  /** No output yet. */
  output?: never;
  /** No error yet. */
  errorText?: never;
}

/** The tool ran and produced a result. */
export interface ToolCallOutputAvailable extends ToolCallBase {
  /** Done. */
  state: "output-available";
  /** Parsed arguments. */
  input: unknown;
  /** The result sent back to the model (string or JSON value). */
  output: unknown;
  /** No error. */
  errorText?: never;
}

/** The tool failed, or its arguments were invalid; the error goes back to the model. */
export interface ToolCallOutputError extends ToolCallBase {
  /** Failed. */
  state: "output-error";
  /** Arguments as far as they could be parsed. */
  input?: unknown;
  /** No output. */
  output?: never;
  /** What went wrong, in words the model and the user can read. */
  errorText: string;
}

/** The user denied the call. */
export interface ToolCallOutputDenied extends ToolCallBase {
  /** Denied. */
  state: "output-denied";
  /** Parsed arguments. */
  input: unknown;
  /** No output. */
  output?: never;
  /** The reason given, if any. */
  errorText?: string;
}

/** A function or custom tool call and its result: a state machine on `state`. */
export type ToolCallPart =
  | ToolCallInputStreaming
  | ToolCallInputAvailable
  | ToolCallApprovalRequested
  | ToolCallOutputAvailable
  | ToolCallOutputError
  | ToolCallOutputDenied;
