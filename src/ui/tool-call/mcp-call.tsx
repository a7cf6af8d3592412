import type { ReactNode } from "react";
import type { McpCallPart } from "../../core/index.js";
import { useStrings } from "../strings/index.js";
import { formatToolInput, formatToolOutput } from "./format-tool-value.js";
import { ToolCard, ToolCode, ToolSection } from "./tool-card.js";

/** Props of {@link McpCall}. */
export interface McpCallProps {
  /** The MCP tool call to show. */
  part: McpCallPart;
  /** Extra class names on the card. */
  className?: string;
}

/** A call to a remote MCP server's tool: server label, tool, arguments, and output or error. */
export function McpCall({ part, className }: McpCallProps): ReactNode {
  const strings = useStrings();
  const { item } = part;
  const input = formatToolInput(item.arguments ?? "");
  const state = item.error ? "failed" : part.state;
  return (
    <ToolCard
      kind="mcp-call"
      state={state}
      eyebrow={item.server_label}
      title={item.name}
      label={strings.mcpToolCall(item.server_label, item.name)}
      className={className}
    >
      {input.text !== "" ? (
        <ToolSection label={strings.input} section="input">
          <ToolCode
            text={input.text}
            streaming={part.state === "in-progress"}
            label={strings.input}
          />
        </ToolSection>
      ) : null}
      {item.output != null && item.output !== "" ? (
        <ToolSection label={strings.output} section="output">
          <ToolCode text={formatToolOutput(item.output)} label={strings.output} />
        </ToolSection>
      ) : null}
      {item.error ? (
        <ToolSection label={strings.error} section="error">
          <p className="colloquy-tool-card__error">{formatToolOutput(item.error)}</p>
        </ToolSection>
      ) : null}
    </ToolCard>
  );
}
