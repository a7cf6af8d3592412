import { Lexer, type Links, type Token } from "marked";
import { lexWithinBudget } from "./lex-budget.js";

/**
 * A lexing function: markdown source in, top-level tokens out. `links` are the reference
 * definitions (`[tag]: url`) seen earlier in the text, so references in `source` resolve.
 */
export type LexFunction = (source: string, links: Links) => Token[];

/** One top-level markdown block with where it sits in the source. */
export interface MarkdownBlock {
  /** The block's token (its `raw` is its source). */
  token: Token;
  /** Offset of the block's first character in the (normalised) source. */
  start: number;
  /** Offset one past its last character. */
  end: number;
}

/** The result of lexing, kept between calls so the next call can reuse finished blocks. */
export interface LexedMarkdown {
  /** The normalised source these blocks cover. */
  source: string;
  /** Every block in order, spaces included. */
  blocks: readonly MarkdownBlock[];
  /**
   * Index of the first block that may still change when text is appended: the last two
   * non-space blocks and whatever follows them (a new block can still merge into the one
   * before it, as `*` starting a list turns into emphasis continuing the previous item),
   * or only the last one once a blank line and its first character rule that out.
   * Blocks before it are finished and never lexed again.
   */
  openIndex: number;
  /** Index of the last non-space block: the one still being written while streaming. */
  lastIndex: number;
  /** The reference definitions of the finished blocks, kept so the next call need not look again. */
  definitions?: FinishedDefinitions;
}

/** Reference definitions found in the first `count` blocks. */
export interface FinishedDefinitions {
  /** How many blocks (from the first) were searched. */
  count: number;
  /** The definitions, by lower-cased tag; the first definition of a tag wins. */
  links: Links;
}

/**
 * Lexes with GitHub-flavoured markdown, the way every `<Markdown>` does by default, within
 * the nesting bounds of `lex-budget.ts` (deeper markup stays plain text).
 */
export const lexMarkdown: LexFunction = (source, links) => {
  const lexer = new Lexer({ gfm: true, breaks: false });
  Object.assign(lexer.tokens.links, links);
  return lexWithinBudget(lexer, source);
};

/**
 * Lexes, or, when the lexer throws (marked crashes on a few rare inputs), lexes each
 * blank-line-separated piece on its own and keeps a piece that still fails as one plain
 * paragraph: the answer stays readable, the rest keeps its formatting, and the page keeps
 * running.
 */
export function lexOrPlainText(lex: LexFunction, source: string, links: Links): Token[] {
  try {
    return lex(source, links);
  } catch {
    const tokens: Token[] = [];
    for (const piece of source.split(/(?<=\n[ \t]*\n)/)) {
      try {
        tokens.push(...lex(piece, links));
      } catch {
        const text: Token = { type: "text", raw: piece, text: piece, escaped: false };
        tokens.push({ type: "paragraph", raw: piece, text: piece, tokens: [text] });
      }
    }
    return tokens;
  }
}

function definitionsIn(blocks: readonly MarkdownBlock[]): Links {
  const links: Links = {};
  for (const { token } of blocks) {
    if (token.type === "def") {
      const tag = String(token.tag).toLowerCase();
      links[tag] ??= { href: token.href as string, title: token.title as string };
    }
  }
  return links;
}

/** Normalises line endings the way the lexer does, so offsets stay comparable. */
export function normaliseSource(text: string): string {
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

function commonPrefixLength(a: string, b: string): number {
  // Streaming only ever appends: one native comparison confirms it without a loop over
  // characters (`substring` shares the string's storage, `===` compares it in bulk).
  if (b.length >= a.length && b.substring(0, a.length) === a) return a.length;
  const max = Math.min(a.length, b.length);
  let index = 0;
  while (index < max && a.charCodeAt(index) === b.charCodeAt(index)) index++;
  return index;
}

function lastContentIndex(blocks: readonly MarkdownBlock[], before: number): number {
  let index = before - 1;
  while (index >= 0 && blocks[index]!.token.type === "space") index--;
  return index;
}

/**
 * Whether the block at `before` is finished even though the block at `last` is still being
 * written. Text appended to the last block can pull the one before into it only through a
 * continuation: a lazy line or a table row (no blank line between), an indented line, or,
 * after a list, a line that is or may yet become one of its items. None of that can happen
 * once a blank line separates them and the last block starts otherwise; lexing then starts
 * at the last block alone, which keeps each chunk's work to the size of that block.
 */
function settledBefore(
  source: string,
  blocks: readonly MarkdownBlock[],
  before: number,
  last: number,
): boolean {
  if (before >= last) return false;
  const block = blocks[before]!;
  const first = blocks[last]!.token.raw.charAt(0);
  if (first === "" || /\s/.test(first)) return false;
  if (block.token.type === "list" && /[-+*\d]/.test(first)) return false;
  const contentEnd = block.start + block.token.raw.trimEnd().length;
  return /\n[ \t]*\n/.test(source.slice(contentEnd, blocks[last]!.start));
}

/**
 * Reference definitions of `blocks[0, count)`, reusing those already collected for the
 * first `known.count` blocks when those blocks are the same: each call then only looks at
 * the blocks finished since, not at the whole text.
 */
function definitionsUpTo(
  blocks: readonly MarkdownBlock[],
  count: number,
  known: FinishedDefinitions | undefined,
): FinishedDefinitions {
  if (!known) return { count, links: definitionsIn(blocks.slice(0, count)) };
  if (known.count > count) {
    // Fewer blocks than known: still right unless a dropped block held a definition.
    for (let index = count; index < known.count; index++) {
      if (blocks[index]!.token.type === "def") {
        return { count, links: definitionsIn(blocks.slice(0, count)) };
      }
    }
    return { count, links: known.links };
  }
  let links = known.links;
  for (let index = known.count; index < count; index++) {
    const { token } = blocks[index]!;
    if (token.type !== "def") continue;
    const tag = String(token.tag).toLowerCase();
    if (tag in links) continue;
    // Copied, not changed in place: earlier results still hold the previous object.
    links = { ...links, [tag]: { href: token.href as string, title: token.title as string } };
  }
  return { count, links };
}

/**
 * Lexes `text`, reusing the finished blocks of `previous` that the new text still starts
 * with: only the text from the first open (or changed) block onwards is lexed again, so
 * the cost of each streamed chunk depends on the open block, not on the whole text.
 * Finished blocks keep their token objects, so memoised renderers skip them.
 */
export function lexIncrementally(
  previous: LexedMarkdown | undefined,
  text: string,
  lex: LexFunction = lexMarkdown,
): LexedMarkdown {
  const source = normaliseSource(text);
  if (previous && previous.source === source) return previous;

  let keep = 0;
  if (previous) {
    const unchanged = commonPrefixLength(previous.source, source);
    // A finished block is reusable when the change starts after it; when text was only
    // appended, that is every finished block, known without visiting them.
    const finished = previous.openIndex;
    if (finished > 0 && previous.blocks[finished - 1]!.end < unchanged) keep = finished;
    else while (keep < finished && previous.blocks[keep]!.end < unchanged) keep++;
    // A trailing space block may grow into something else (an indented continuation).
    while (keep > 0 && previous.blocks[keep - 1]!.token.type === "space") keep--;
  }

  const blocks: MarkdownBlock[] = previous ? previous.blocks.slice(0, keep) : [];
  const from = keep > 0 ? blocks[keep - 1]!.end : 0;
  // Counted over the previous blocks, which hold any definition the change dropped.
  let definitions = definitionsUpTo(previous?.blocks ?? [], keep, previous?.definitions);
  let offset = from;
  const tail = source.slice(from);
  if (tail.length > 0) {
    const known = definitions.links;
    const tokens = lexOrPlainText(lex, tail, known);
    // A definition earlier blocks might refer to: lex everything again so they resolve,
    // exactly as if the whole text had been lexed at once.
    if (
      from > 0 &&
      tokens.some((t) => t.type === "def" && !(String(t.tag).toLowerCase() in known))
    ) {
      return lexIncrementally(undefined, source, lex);
    }
    // Blocks lexed again but unchanged keep their previous token, so they do not render again.
    const previousByStart = new Map<number, MarkdownBlock>();
    // A definition in the tail may resolve references in blocks that look the same.
    const reusable = previous !== undefined && !tokens.some((t) => t.type === "def");
    for (let index = keep; reusable && index < previous.blocks.length; index++) {
      const block = previous.blocks[index]!;
      previousByStart.set(block.start, block);
    }
    for (const token of tokens) {
      const end = offset + token.raw.length;
      const before = previousByStart.get(offset);
      const same = before && before.end === end && before.token.raw === token.raw;
      blocks.push(same ? before : { token, start: offset, end });
      offset = end;
    }
  }
  const lastIndex = Math.max(lastContentIndex(blocks, blocks.length), 0);
  const beforeLast = Math.max(lastContentIndex(blocks, lastIndex), 0);
  const openIndex = settledBefore(source, blocks, beforeLast, lastIndex) ? lastIndex : beforeLast;
  definitions = definitionsUpTo(blocks, openIndex, definitions);
  return { source, blocks, openIndex, lastIndex, definitions };
}

/**
 * The reference definitions (`[tag]: url`) of every block before `index`, as a lexer of
 * the text from there on needs them. Costs the blocks between the finished ones and
 * `index`, not the whole text.
 */
export function definitionsBefore(lexed: LexedMarkdown, index: number): Links {
  return definitionsUpTo(lexed.blocks, index, lexed.definitions).links;
}
