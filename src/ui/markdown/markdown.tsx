import { useMemo, useRef, type HTMLAttributes, type ReactNode } from "react";
import type { Token } from "marked";
import type { Annotation } from "../../core/index.js";
import type { NumberedCitations } from "../citations/number-citations.js";
import {
  BLOCK_GROUP_SIZE,
  groupFinishedBlocks,
  MarkdownBlockGroup,
  NO_TOKENS,
} from "./block-groups.js";
import { firstCitationIndex, loadCitationLayer } from "./deferred-citations.js";
import {
  definitionsBefore,
  lexIncrementally,
  lexMarkdown,
  lexOrPlainText,
  type LexedMarkdown,
  type LexFunction,
} from "./incremental-lexer.js";
import {
  citationPlaceholder,
  MarkdownRenderProvider,
  type Highlighter,
  type MarkdownRenderContextValue,
  type MathRenderer,
} from "./markdown-context.js";
import { lexMarkdownWithMath } from "./math-lexer.js";
import { repairOpenBlock } from "./repair-open-block.js";
import { useLazyModule } from "./use-lazy-module.js";
import type { UrlPolicy } from "./url-policy.js";
import { ColloquyScope } from "../theme/colloquy-scope.js";

const NO_CITATIONS: NumberedCitations = { markers: [], sources: [] };

/** Props of {@link Markdown}. */
export interface MarkdownProps extends Omit<HTMLAttributes<HTMLDivElement>, "children">, UrlPolicy {
  /** The markdown source (GitHub-flavoured). */
  text: string;
  /** True while text is still arriving: the last block is rendered as if closed. */
  streaming?: boolean;
  /** Citations to place as numbered markers (positions are offsets into `text`). */
  annotations?: readonly Annotation[];
  /**
   * Loads a highlighter on first use, e.g. `() => import("./highlight").then(m => m.highlight)`.
   * Pass a stable function (module scope): it is loaded once per function.
   */
  loadHighlighter?: () => Promise<Highlighter>;
  /**
   * Loads a math renderer; same rules as `loadHighlighter`. Giving one turns on TeX
   * syntax (`$…$`, `$$…$$`, `\(…\)`, `\[…\]` and ```math fences).
   */
  loadMath?: () => Promise<MathRenderer>;
  /** The lexer to use (defaults to GitHub-flavoured markdown, plus math with `loadMath`). */
  lex?: LexFunction;
}

/**
 * Renders markdown as React elements, safely (raw HTML is shown as text; links and images
 * are limited by the URL policy) and incrementally: finished blocks are lexed once and
 * never re-rendered while text streams in; only the open block changes.
 */
export function Markdown({
  text,
  streaming = false,
  annotations,
  linkProtocols,
  imageProtocols,
  images,
  loadHighlighter,
  loadMath,
  lex: lexProp,
  className,
  ...rest
}: MarkdownProps): ReactNode {
  const lex = lexProp ?? (loadMath ? lexMarkdownWithMath : lexMarkdown);
  const highlighter = useLazyModule(loadHighlighter);
  const math = useLazyModule(loadMath);

  // The citation code loads the first time a text carries citations; until it is in, the
  // text from the first citation on waits (rendered as still arriving), so nothing shown
  // changes when the markers take their places.
  const firstCitation = firstCitationIndex(annotations, text);
  const layer = useLazyModule(firstCitation === undefined ? undefined : loadCitationLayer);
  const heldFrom = firstCitation !== undefined && layer === undefined ? firstCitation : undefined;
  const open = streaming || heldFrom !== undefined;
  const citations = useMemo(
    (): NumberedCitations => layer?.numberCitations(annotations, text) ?? NO_CITATIONS,
    [layer, annotations, text],
  );
  const source = useMemo(() => {
    if (heldFrom !== undefined) return text.slice(0, heldFrom);
    if (citations.markers.length === 0) return text;
    let result = text;
    for (let i = citations.markers.length - 1; i >= 0; i--) {
      const { index, replaces = 0 } = citations.markers[i]!;
      // A marker that replaces the model's own link to its source takes that link's place.
      result = result.slice(0, index) + citationPlaceholder(i) + result.slice(index + replaces);
    }
    return result;
  }, [text, citations, heldFrom]);

  const previous = useRef<LexedMarkdown | undefined>(undefined);
  const lexed = useMemo(() => lexIncrementally(previous.current, source, lex), [source, lex]);
  previous.current = lexed;

  const openRaw = open
    ? lexed.blocks
        .slice(lexed.lastIndex)
        .map((block) => block.token.raw)
        .join("")
    : "";
  const openTokens = useMemo((): readonly Token[] => {
    if (!openRaw) return NO_TOKENS;
    const repaired = repairOpenBlock(openRaw);
    // Nothing to close: the open block's tokens are the ones just lexed, no need to lex again.
    if (repaired === openRaw) return lexed.blocks.slice(lexed.lastIndex).map((b) => b.token);
    return lexOrPlainText(lex, repaired, definitionsBefore(lexed, lexed.lastIndex));
    // The blocks before the open one only matter through their definitions, which
    // `openRaw` follows; without a repair the tokens are those of `openRaw` itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [openRaw, lex]);

  const policy = useMemo<UrlPolicy>(
    () => ({ linkProtocols, imageProtocols, images }),
    // Arrays given inline would defeat memoisation; compare their contents instead.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [linkProtocols?.join(), imageProtocols?.join(), images],
  );
  // Markers read the latest numbering through a ref, so text arriving (which refreshes
  // the numbering's snippets) does not change the context every finished block reads.
  const citationsRef = useRef(citations);
  citationsRef.current = citations;
  const hasCitations = citations.markers.length > 0;
  const context = useMemo<MarkdownRenderContextValue>(
    () => ({
      policy,
      highlighter,
      math,
      renderCitation:
        hasCitations && layer
          ? (n) => {
              const marker = citationsRef.current.markers[n];
              if (!marker) return null;
              const { containerId, fileId } = marker.source;
              if (containerId && fileId) {
                return (
                  <layer.ContainerFileChip
                    containerId={containerId}
                    fileId={fileId}
                    filename={marker.source.title}
                  />
                );
              }
              return (
                <layer.CitationMarker
                  source={marker.source}
                  policy={policy}
                  showDomain={marker.replaces !== undefined}
                />
              );
            }
          : undefined,
    }),
    // A new annotations array means new markers: that is when blocks must render again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [policy, highlighter, math, hasCitations, layer, annotations],
  );

  const finished = open ? lexed.lastIndex : lexed.blocks.length;
  // Finished blocks are handed over in groups whose arrays keep their identity, so a chunk
  // costs React one comparison per group and the render of the group being written.
  const previousGroups = useRef<readonly (readonly Token[])[]>([]);
  const groups = groupFinishedBlocks(lexed.blocks, finished, previousGroups.current);
  previousGroups.current = groups;
  const openGroup = open ? Math.floor(finished / BLOCK_GROUP_SIZE) : -1;
  const children: ReactNode[] = [];
  for (let k = 0; k < Math.max(groups.length, openGroup + 1); k++) {
    children.push(
      <MarkdownBlockGroup
        key={k}
        first={k * BLOCK_GROUP_SIZE}
        done={groups[k] ?? NO_TOKENS}
        open={k === openGroup ? openTokens : NO_TOKENS}
      />,
    );
  }

  return (
    <ColloquyScope>
      <MarkdownRenderProvider value={context}>
        <div
          className={["colloquy-markdown", className].filter(Boolean).join(" ")}
          data-state={streaming ? "streaming" : "done"}
          {...rest}
        >
          {children}
        </div>
      </MarkdownRenderProvider>
    </ColloquyScope>
  );
}
