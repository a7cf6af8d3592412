import type { ReactNode } from "react";
import type { McpApprovalRequestPart } from "../../core/index.js";
import { useStrings } from "../strings/index.js";
import { formatToolInput } from "./format-tool-value.js";
import { ApprovalActions, ToolCard, ToolCode, ToolSection } from "./tool-card.js";

/** Props of {@link McpApprovalRequest}. */
export interface McpApprovalRequestProps {
  /** The approval request to show. */
  part: McpApprovalRequestPart;
  /** Called when the user approves the call. */
  onApprove?: (part: McpApprovalRequestPart) => void;
  /** Called when the user denies the call. */
  onDeny?: (part: McpApprovalRequestPart) => void;
  /** Extra class names on the card. */
  className?: string;
}

/**
 * The model asks to call an MCP tool that needs the user's consent: server, tool and
 * arguments, with approve / deny until a decision is recorded on the part.
 */
export function McpApprovalRequest({
  part,
  onApprove,
  onDeny,
  className,
}: McpApprovalRequestProps): ReactNode {
  const strings = useStrings();
  const { item, decision } = part;
  const input = formatToolInput(item.arguments ?? "");
  const state = decision
    ? decision.approve
      ? "completed"
      : "output-denied"
    : "approval-requested";
  return (
    <ToolCard
      kind="mcp-approval-request"
      state={state}
      eyebrow={item.server_label}
      title={item.name}
      label={strings.mcpToolCall(item.server_label, item.name)}
      className={className}
    >
      {input.text !== "" ? (
        <ToolSection label={strings.input} section="input">
          <ToolCode text={input.text} label={strings.input} />
        </ToolSection>
      ) : null}
      {decision ? (
        <p
          className="colloquy-tool-card__note"
          data-decision={decision.approve ? "approved" : "denied"}
        >
          {decision.approve ? strings.approved : strings.denied}
          {decision.reason ? `: ${decision.reason}` : null}
        </p>
      ) : (
        <ApprovalActions
          prompt={strings.mcpApprovalPrompt(item.server_label, item.name)}
          approveLabel={strings.approve}
          denyLabel={strings.deny}
          onApprove={onApprove ? () => onApprove(part) : undefined}
          onDeny={onDeny ? () => onDeny(part) : undefined}
        />
      )}
    </ToolCard>
  );
}
