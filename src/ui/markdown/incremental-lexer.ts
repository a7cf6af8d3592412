import { Lexer, type Links, type Token } from "marked";

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
   * before it, as `*` starting a list turns into emphasis continuing the previous item).
   * Blocks before it are finished and never lexed again.
   */
  openIndex: number;
  /** Index of the last non-space block: the one still being written while streaming. */
  lastIndex: number;
}

/** Lexes with GitHub-flavoured markdown, the way every `<Markdown>` does by default. */
export const lexMarkdown: LexFunction = (source, links) => {
  const lexer = new Lexer({ gfm: true, breaks: false });
  Object.assign(lexer.tokens.links, links);
  return lexer.lex(source);
};

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
  if (b.startsWith(a)) return a.length;
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

  let kept: MarkdownBlock[] = [];
  let from = 0;
  if (previous) {
    const unchanged = commonPrefixLength(previous.source, source);
    // A finished block is reusable when the change starts after it.
    for (let index = 0; index < previous.openIndex; index++) {
      const block = previous.blocks[index]!;
      if (block.end >= unchanged) break;
      kept.push(block);
    }
    // A trailing space block may grow into something else (an indented continuation).
    while (kept.length > 0 && kept[kept.length - 1]!.token.type === "space") kept.pop();
    kept = kept.length === previous.blocks.length ? kept : kept.slice();
    from = kept.length > 0 ? kept[kept.length - 1]!.end : 0;
  }

  const blocks = kept;
  let offset = from;
  const tail = source.slice(from);
  if (tail.length > 0) {
    const known = definitionsIn(blocks);
    const tokens = lex(tail, known);
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
    const reusable = !tokens.some((t) => t.type === "def");
    for (const block of reusable ? (previous?.blocks ?? []) : []) {
      if (block.start >= from) previousByStart.set(block.start, block);
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
  const openIndex = Math.max(lastContentIndex(blocks, lastIndex), 0);
  return { source, blocks, openIndex, lastIndex };
}
