import type { ReactNode } from "react";
import type { FileSearchCallPart, WebSearchCallPart } from "../../core/index.js";
import { FileSearchResults } from "../citations/file-search-results.js";
import { WebSearchProgress } from "../citations/web-search-progress.js";

/** Props of {@link SearchPartView}. */
export interface SearchPartViewProps {
  /** A hosted web search or file search call. */
  part: WebSearchCallPart | FileSearchCallPart;
}

/** A hosted search inside a message: web search progress, or file search results. */
export function SearchPartView({ part }: SearchPartViewProps): ReactNode {
  return part.type === "web-search-call" ? (
    <WebSearchProgress part={part} />
  ) : (
    <FileSearchResults part={part} />
  );
}
