import { memo, type ReactNode } from "react";
import type { Token } from "marked";
import type { MarkdownBlock } from "./incremental-lexer.js";
import { MarkdownBlockView } from "./render-block.js";

/**
 * Blocks per group. Groups keep the work of each streamed chunk independent of the length
 * of the text: React visits one element per group instead of one per block, and skips every
 * group whose blocks are unchanged; the browser, laying out the document, steps over one
 * box per finished group instead of one per block.
 */
export const BLOCK_GROUP_SIZE = 32;

/** Props of {@link MarkdownBlockGroup}. */
export interface MarkdownBlockGroupProps {
  /** Index (in the whole text) of the group's first block; blocks are keyed by index. */
  first: number;
  /** Tokens of the group's finished blocks, in order. */
  done: readonly Token[];
  /** Tokens of the block still being written, when it belongs to this group. */
  open: readonly Token[];
}

/**
 * Up to {@link BLOCK_GROUP_SIZE} consecutive blocks in a plain `<div>`. The wrapper is what
 * keeps layout flat as a document grows: without it every block is a child of one box, and
 * each frame's layout walks them all (at 160 KB, twice the time per chunk). It has no
 * margin, padding or border, so the blocks' margins collapse through it as before.
 * Memoised on its arrays, which keep their identity while their blocks do not change.
 */
export const MarkdownBlockGroup = memo(function MarkdownBlockGroup({
  first,
  done,
  open,
}: MarkdownBlockGroupProps): ReactNode {
  const children: ReactNode[] = [];
  for (let i = 0; i < done.length; i++) {
    children.push(<MarkdownBlockView key={first + i} token={done[i]!} state="done" />);
  }
  for (let j = 0; j < open.length; j++) {
    children.push(
      <MarkdownBlockView key={first + done.length + j} token={open[j]!} state="streaming" />,
    );
  }
  return <div className="colloquy-markdown__group">{children}</div>;
});

/** No tokens: a shared empty array, so groups without an open block compare equal. */
export const NO_TOKENS: readonly Token[] = Object.freeze([]);

/**
 * Splits the tokens of `blocks[0, count)` into groups of {@link BLOCK_GROUP_SIZE}, reusing
 * the arrays of `previous` (and so their identity) for groups whose tokens are unchanged.
 * Comparing is by object identity, which finished blocks keep between chunks.
 */
export function groupFinishedBlocks(
  blocks: readonly MarkdownBlock[],
  count: number,
  previous: readonly (readonly Token[])[],
): (readonly Token[])[] {
  const groups: (readonly Token[])[] = [];
  for (let first = 0; first < count; first += BLOCK_GROUP_SIZE) {
    const end = Math.min(first + BLOCK_GROUP_SIZE, count);
    const before = previous[groups.length];
    let same = before !== undefined && before.length === end - first;
    for (let i = first; same && i < end; i++) same = before![i - first] === blocks[i]!.token;
    if (same) {
      groups.push(before!);
      continue;
    }
    const tokens: Token[] = [];
    for (let i = first; i < end; i++) tokens.push(blocks[i]!.token);
    groups.push(tokens);
  }
  return groups;
}
