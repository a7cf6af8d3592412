import type { ReactNode } from "react";
import type { AnyToolState } from "./tool-state-badge.js";
import { useStrings } from "../strings/index.js";
import { formatToolOutput } from "./format-tool-value.js";
import { ToolCard, ToolCode, ToolSection } from "./tool-card.js";

/** Props of {@link ItemCard}. */
export interface ItemCardProps {
  /** The item's wire type, e.g. `program`; the card's title is made from it. */
  type: string;
  /** The item as received. */
  item: Record<string, unknown>;
  /** The state when the part knows it; else read from the item's `status`. */
  state?: AnyToolState | undefined;
  /** Extra class names on the card. */
  className?: string;
}

// Bookkeeping every item has, or bytes only the API can read.
const HIDDEN_FIELDS = new Set(["id", "type", "status", "encrypted_content"]);

/**
 * A tool card drawn from an item's own fields, for built-in items without a view of their
 * own (`program`, and whatever the API adds next): short values as a list, code and long
 * text as blocks, structured values as indented JSON. Never shows HTML.
 */
export function ItemCard({ type, item, state, className }: ItemCardProps): ReactNode {
  const strings = useStrings();
  const title = titleOf(type);
  const short: [string, string][] = [];
  const blocks: [string, string][] = [];
  for (const [key, value] of Object.entries(item)) {
    if (HIDDEN_FIELDS.has(key) || value === null || value === undefined || value === "") continue;
    const text = typeof value === "string" ? value : formatToolOutput(value);
    if (typeof value !== "object" && !text.includes("\n") && text.length <= 80) {
      short.push([key, text]);
    } else {
      blocks.push([key, text]);
    }
  }
  return (
    <ToolCard
      kind={type}
      state={state ?? stateOf(item.status)}
      title={title}
      label={strings.itemCard(title)}
      className={className ? `colloquy-item-card ${className}` : "colloquy-item-card"}
    >
      {short.length > 0 ? (
        <dl className="colloquy-item-card__fields">
          {short.map(([key, text]) => (
            <div key={key} className="colloquy-item-card__field">
              <dt>{labelOf(key)}</dt>
              <dd>{text}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {blocks.map(([key, text]) => (
        <ToolSection key={key} label={labelOf(key)} section={key}>
          <ToolCode
            text={text}
            label={labelOf(key)}
            {...(key === "code" ? { language: "code" } : {})}
          />
        </ToolSection>
      ))}
    </ToolCard>
  );
}

/** `program` → "Program", `image_edit_call` → "Image edit". */
function titleOf(type: string): string {
  const words = type
    .replace(/_call$/, "")
    .replace(/[_-]+/g, " ")
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `call_id` → "Call id". */
function labelOf(key: string): string {
  return titleOf(key);
}

function stateOf(status: unknown): AnyToolState {
  switch (status) {
    case "in_progress":
      return "in-progress";
    case "incomplete":
      return "incomplete";
    case "failed":
      return "failed";
    default:
      return "completed";
  }
}
