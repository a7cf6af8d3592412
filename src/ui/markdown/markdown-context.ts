import { createContext, useContext, type ReactNode } from "react";
import type { UrlPolicy } from "./url-policy.js";

/**
 * Turns code into highlighted React nodes (never HTML strings). Return `undefined` to
 * show the code plain, e.g. for a language the highlighter does not know.
 */
export type Highlighter = (code: string, language: string | undefined) => ReactNode | undefined;

/** Turns TeX into React nodes; `display` is true for a block, false inline. */
export type MathRenderer = (tex: string, display: boolean) => ReactNode | undefined;

/** What every block and inline renderer of one `<Markdown>` needs to know. */
export interface MarkdownRenderContextValue {
  /** URLs links and images may use. */
  policy: UrlPolicy;
  /** The loaded highlighter, once its module has arrived. */
  highlighter?: Highlighter | undefined;
  /** The loaded math renderer, once its module has arrived. */
  math?: MathRenderer | undefined;
  /** Renders the citation marker whose placeholder number appears in the text. */
  renderCitation?: ((placeholder: number) => ReactNode) | undefined;
}

/** The placeholder the citation layer writes into the text: U+E000, a number, U+E001. */
export const CITATION_PLACEHOLDER = /\uE000(\d+)\uE001/g;

/** Writes the placeholder for citation number `n` (an index into the marker list). */
export function citationPlaceholder(n: number): string {
  return `\uE000${n}\uE001`;
}

/** Removes citation placeholders, for places that show text verbatim (code). */
export function stripCitationPlaceholders(text: string): string {
  return text.includes("\uE000") ? text.replace(CITATION_PLACEHOLDER, "") : text;
}

const MarkdownRenderContext = createContext<MarkdownRenderContextValue>({ policy: {} });

/** Provides the rendering context to the blocks of one `<Markdown>`. */
export const MarkdownRenderProvider = MarkdownRenderContext.Provider;

/** The rendering context of the enclosing `<Markdown>`. */
export function useMarkdownRenderContext(): MarkdownRenderContextValue {
  return useContext(MarkdownRenderContext);
}
