/**
 * A person's answer to a call that waited for approval, recorded on the part it answers (a
 * function or custom tool call, an MCP approval request, a computer call's safety checks), so
 * it is saved with the message and a reload neither asks again nor loses the answer.
 */
export interface ApprovalDecision {
  /** True when the call may run (the safety checks were acknowledged). */
  approve: boolean;
  /** Why, when one was given (mostly for denials); the model reads it. */
  reason?: string;
}
