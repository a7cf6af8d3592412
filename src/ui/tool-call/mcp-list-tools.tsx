import type { ReactNode } from "react";
import type { McpListToolsPart } from "../../core/index.js";
import { useStrings } from "../strings/index.js";
import { ToolCard, ToolSection } from "./tool-card.js";

/** Props of {@link McpListTools}. */
export interface McpListToolsProps {
  /** The list-tools item to show. */
  part: McpListToolsPart;
  /** Extra class names on the card. */
  className?: string;
}

/** The tools an MCP server offers: names with their descriptions. */
export function McpListTools({ part, className }: McpListToolsProps): ReactNode {
  const strings = useStrings();
  const { item } = part;
  const tools = item.tools ?? [];
  return (
    <ToolCard
      kind="mcp-list-tools"
      state={item.error ? "failed" : part.state}
      eyebrow={item.server_label}
      title={strings.toolCount(tools.length)}
      label={strings.mcpTools(item.server_label)}
      className={className}
    >
      {tools.length > 0 ? (
        <ul className="colloquy-tool-card__tool-list">
          {tools.map((tool) => (
            <li key={tool.name} className="colloquy-tool-card__tool">
              <code className="colloquy-tool-card__tool-name">{tool.name}</code>
              {tool.description ? (
                <span className="colloquy-tool-card__tool-description">{tool.description}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {item.error ? (
        <ToolSection label={strings.error} section="error">
          <p className="colloquy-tool-card__error">{String(item.error)}</p>
        </ToolSection>
      ) : null}
    </ToolCard>
  );
}
