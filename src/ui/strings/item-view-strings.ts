/** Strings of the views for compaction, tool search and items drawn from their own fields. */
export interface ItemViewStrings {
  /** The divider where the server summarised the conversation before it. */
  conversationCompacted: string;
  /** Title of a tool search card. */
  toolSearch: string;
  /** What a tool search looked for. */
  toolSearchQuery: string;
  /** Title of the card listing the tools a search loaded. */
  toolsLoaded: (count: number) => string;
  /** Accessible name of a card drawn from an item's fields, e.g. "Program". */
  itemCard: (title: string) => string;
  /** Heading of an item's fields that are not text. */
  itemDetails: string;
}

/** The English item view strings. */
export const defaultItemViewStrings: ItemViewStrings = {
  conversationCompacted: "Earlier conversation summarised",
  toolSearch: "Tool search",
  toolSearchQuery: "Looked for",
  toolsLoaded: (count) => (count === 1 ? "1 tool loaded" : `${count} tools loaded`),
  itemCard: (title) => title,
  itemDetails: "Details",
};
