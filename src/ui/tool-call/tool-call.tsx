import type { ReactNode } from "react";
import type { ToolCallPart } from "../../core/index.js";
import { useStrings } from "../strings/index.js";
import { formatToolInput, formatToolOutput } from "./format-tool-value.js";
import { ApprovalActions, ToolCard, ToolCode, ToolSection } from "./tool-card.js";

/** Props of {@link ToolCall}. */
export interface ToolCallProps {
  /** The function or custom tool call to show. */
  part: ToolCallPart;
  /** Called when the user approves a call in `approval-requested`. */
  onApprove?: (part: ToolCallPart) => void;
  /** Called when the user denies a call in `approval-requested`. */
  onDeny?: (part: ToolCallPart) => void;
  /** Extra class names on the card. */
  className?: string;
}

/**
 * A function or custom tool call: its name, the arguments as they stream (pretty JSON once
 * they parse), a state badge, the result or error, and approve / deny while it waits.
 */
export function ToolCall({ part, onApprove, onDeny, className }: ToolCallProps): ReactNode {
  const strings = useStrings();
  const streaming = part.state === "input-streaming";
  const input =
    part.kind === "custom"
      ? { text: part.inputText, parsed: false }
      : formatToolInput(part.inputText);
  return (
    <ToolCard
      kind={part.kind === "custom" ? "custom-tool-call" : "tool-call"}
      state={part.state}
      title={part.toolName}
      label={strings.toolCall(part.toolName)}
      className={className}
      data-parsed={input.parsed ? "" : undefined}
    >
      {input.text !== "" || streaming ? (
        <ToolSection label={strings.input} section="input">
          <ToolCode text={input.text} streaming={streaming} label={strings.input} />
        </ToolSection>
      ) : null}
      {part.state === "output-available" ? (
        <ToolSection label={strings.output} section="output">
          <ToolCode text={formatToolOutput(part.output)} label={strings.output} />
        </ToolSection>
      ) : null}
      {part.state === "output-error" ? (
        <ToolSection label={strings.error} section="error">
          <p className="colloquy-tool-card__error">{part.errorText}</p>
        </ToolSection>
      ) : null}
      {part.state === "output-denied" && part.errorText ? (
        <ToolSection label={strings.denied} section="denied">
          <p className="colloquy-tool-card__note">{part.errorText}</p>
        </ToolSection>
      ) : null}
      {part.state === "approval-requested" ? (
        <ApprovalActions
          approveLabel={strings.approve}
          denyLabel={strings.deny}
          onApprove={onApprove ? () => onApprove(part) : undefined}
          onDeny={onDeny ? () => onDeny(part) : undefined}
        />
      ) : null}
    </ToolCard>
  );
}
