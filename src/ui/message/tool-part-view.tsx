import type { ReactNode } from "react";
import type {
  ApplyPatchCallPart,
  CodeInterpreterCallPart,
  McpApprovalRequestPart,
  McpCallPart,
  McpListToolsPart,
  ShellCallOutputPart,
  ShellCallPart,
  ToolCallPart,
} from "../../core/index.js";
import { ApplyPatchCall } from "../tool-call/apply-patch-call.js";
import { CodeInterpreterCall } from "../tool-call/code-interpreter-call.js";
import { McpApprovalRequest } from "../tool-call/mcp-approval-request.js";
import { McpCall } from "../tool-call/mcp-call.js";
import { McpListTools } from "../tool-call/mcp-list-tools.js";
import { ShellCall, ShellCallOutput } from "../tool-call/shell-call.js";
import { ToolCall } from "../tool-call/tool-call.js";

/** The parts drawn as a tool card. */
export type ToolCardPart =
  | ToolCallPart
  | CodeInterpreterCallPart
  | McpCallPart
  | McpListToolsPart
  | McpApprovalRequestPart
  | ShellCallPart
  | ShellCallOutputPart
  | ApplyPatchCallPart;

/** Props of {@link ToolPartView}. */
export interface ToolPartViewProps {
  /** The tool call. */
  part: ToolCardPart;
  /** A function tool call or MCP call was approved. */
  onApproveToolCall?: ((part: ToolCallPart | McpApprovalRequestPart) => void) | undefined;
  /** A function tool call or MCP call was denied. */
  onDenyToolCall?: ((part: ToolCallPart | McpApprovalRequestPart) => void) | undefined;
}

/** A tool call inside a message: the card of its kind, with approval buttons where it waits. */
export function ToolPartView({
  part,
  onApproveToolCall,
  onDenyToolCall,
}: ToolPartViewProps): ReactNode {
  switch (part.type) {
    case "tool-call":
      return <ToolCall part={part} onApprove={onApproveToolCall} onDeny={onDenyToolCall} />;
    case "code-interpreter-call":
      return <CodeInterpreterCall part={part} />;
    case "mcp-call":
      return <McpCall part={part} />;
    case "mcp-list-tools":
      return <McpListTools part={part} />;
    case "mcp-approval-request":
      return (
        <McpApprovalRequest part={part} onApprove={onApproveToolCall} onDeny={onDenyToolCall} />
      );
    case "shell-call":
      return <ShellCall part={part} />;
    case "shell-call-output":
      return <ShellCallOutput part={part} />;
    case "apply-patch-call":
      return <ApplyPatchCall part={part} />;
  }
}
