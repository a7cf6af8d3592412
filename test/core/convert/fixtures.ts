import type { Message } from "../../../src/core/model/message.js";
import type { Part } from "../../../src/core/model/parts.js";

/** A message with fixed id and defaults, for converter tests. */
export function msg(
  role: Message["role"],
  parts: Part[],
  metadata: Message["metadata"] = {},
): Message {
  return { id: `${role}-${parts.length}`, role, parts, metadata, status: "complete" };
}

/** The computer_call item of the recorded computer-use exchange, trimmed. */
export const computerCallItem = {
  type: "computer_call",
  id: "cu_1",
  call_id: "call_cu_1",
  action: { type: "screenshot" },
  pending_safety_checks: [],
  status: "completed",
} as const;

/** An MCP approval request item. */
export const approvalRequestItem = {
  type: "mcp_approval_request",
  id: "mcpr_1",
  name: "roll",
  arguments: '{"dice":"2d6"}',
  server_label: "dice",
} as const;

/** A compaction item. */
export const compactionItem = {
  type: "compaction",
  id: "cmp_1",
  encrypted_content: "gAAAA",
} as const;
