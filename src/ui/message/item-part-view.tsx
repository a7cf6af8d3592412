import type { ReactNode } from "react";
import type {
  ApplyPatchCallOutputPart,
  ComputerCallOutputPart,
  McpApprovalResponsePart,
  ToolSearchCallPart,
  ToolSearchOutputPart,
  UnknownPart,
} from "../../core/index.js";
import { ItemCard } from "../tool-call/item-card.js";
import { ToolSearchCall, ToolSearchOutput } from "../tool-call/tool-search.js";

/** The parts drawn from their item's fields: tool search, sent-back outputs, unknown items. */
export type ItemCardPart =
  | ToolSearchCallPart
  | ToolSearchOutputPart
  | ComputerCallOutputPart
  | McpApprovalResponsePart
  | ApplyPatchCallOutputPart
  | UnknownPart;

/** Props of {@link ItemPartView}. */
export interface ItemPartViewProps {
  /** The part to draw. */
  part: ItemCardPart;
}

/**
 * Items most answers never hold, as cards: a tool search with its query and the tools it
 * loaded, an output the app sent back, or an item this version has no view of its own for.
 */
export function ItemPartView({ part }: ItemPartViewProps): ReactNode {
  switch (part.type) {
    case "tool-search-call":
      return <ToolSearchCall part={part} />;
    case "tool-search-output":
      return <ToolSearchOutput part={part} />;
    case "unknown":
      return <UnknownPartView type={part.originalType} item={part.raw} />;
    default:
      return (
        <ItemCard
          type={part.item.type}
          item={part.item as unknown as Record<string, unknown>}
          state={part.state}
        />
      );
  }
}

/** Props of {@link UnknownPartView}. */
export interface UnknownPartViewProps {
  /** The item's wire type. */
  type: string;
  /** The item as received. */
  item?: Record<string, unknown> | undefined;
}

/**
 * An item this version has no view of its own for (`program`, or anything the API adds
 * later): a tool card built from its fields, so what the model did is still readable.
 */
export function UnknownPartView({ type, item = {} }: UnknownPartViewProps): ReactNode {
  return <ItemCard type={type} item={item} />;
}
