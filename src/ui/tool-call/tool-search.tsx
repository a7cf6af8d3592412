import type { ReactNode } from "react";
import type { ToolSearchCallPart, ToolSearchOutputPart } from "../../core/index.js";
import { useStrings } from "../strings/index.js";
import { formatToolOutput } from "./format-tool-value.js";
import { ToolCard, ToolCode, ToolSection } from "./tool-card.js";

/** Props of {@link ToolSearchCall}. */
export interface ToolSearchCallProps {
  /** The search. */
  part: ToolSearchCallPart;
  /** Extra class names on the card. */
  className?: string;
}

/** What the model searched its tools for: a goal in words, or the tool paths it asked for. */
export function ToolSearchCall({ part, className }: ToolSearchCallProps): ReactNode {
  const strings = useStrings();
  const args = part.item.arguments as unknown;
  const query = searchQuery(args);
  return (
    <ToolCard
      kind="tool-search-call"
      state={part.state}
      title={strings.toolSearch}
      label={strings.toolSearch}
      className={className}
    >
      {query ? (
        <ToolSection label={strings.toolSearchQuery} section="query">
          <p className="colloquy-tool-card__query">{query}</p>
        </ToolSection>
      ) : args !== undefined && args !== null ? (
        <ToolSection label={strings.input} section="input">
          <ToolCode text={formatToolOutput(args)} label={strings.input} />
        </ToolSection>
      ) : null}
    </ToolCard>
  );
}

/** Props of {@link ToolSearchOutput}. */
export interface ToolSearchOutputProps {
  /** The tools found. */
  part: ToolSearchOutputPart;
  /** Extra class names on the card. */
  className?: string;
}

/** The tools a search loaded: names with their descriptions. */
export function ToolSearchOutput({ part, className }: ToolSearchOutputProps): ReactNode {
  const strings = useStrings();
  const tools = ((part.item as { tools?: unknown }).tools ?? []) as readonly {
    name?: string;
    type?: string;
    description?: string;
  }[];
  return (
    <ToolCard
      kind="tool-search-output"
      state={part.state}
      eyebrow={strings.toolSearch}
      title={strings.toolsLoaded(tools.length)}
      label={strings.toolsLoaded(tools.length)}
      className={className}
    >
      {tools.length > 0 ? (
        <ul className="colloquy-tool-card__tool-list">
          {tools.map((tool, index) => (
            <li key={`${tool.name ?? tool.type}-${index}`} className="colloquy-tool-card__tool">
              <code className="colloquy-tool-card__tool-name">{tool.name ?? tool.type}</code>
              {tool.description ? (
                <span className="colloquy-tool-card__tool-description">{tool.description}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </ToolCard>
  );
}

/** The goal, or the paths, of a search's arguments, as one line. */
function searchQuery(args: unknown): string | undefined {
  if (typeof args === "string") return args;
  if (!args || typeof args !== "object") return undefined;
  const { goal, query, paths } = args as { goal?: unknown; query?: unknown; paths?: unknown };
  if (typeof goal === "string") return goal;
  if (typeof query === "string") return query;
  if (Array.isArray(paths)) return paths.map(String).join(", ");
  return undefined;
}
