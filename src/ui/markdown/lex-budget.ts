import type { Lexer, Token, TokensList } from "marked";

/**
 * Bounds on the work one markdown text may cost. marked nests emphasis, links and containers
 * by recursion and searches for each opener's closer ahead of it: a few KB of nested
 * `*a *a *a ... a* a* a*` cost it seconds, and a few thousand levels overflow the stack, in
 * the lexer or, rendered, inside React's commit. Model output never needs such depth, so
 * past these bounds the text is shown as the plain text it is.
 */

/** Deepest inline nesting (emphasis, strikethrough, links) lexed as markdown. */
export const MAX_INLINE_NESTING = 16;
/** Most containers (block quotes, list items) a single line may open. */
export const MAX_BLOCK_NESTING = 24;
/**
 * Most work an inline text may ask of marked's search for closers, counted as its length
 * times its delimiter runs that could both open and close (`a*a`, `a_a`): each such run makes
 * marked scan the rest of the text, so 48 KB of `a_a` costs it seconds. Ordinary prose,
 * identifiers like `snake_case` included, stays far below.
 */
export const MAX_INLINE_WORK = 16_000_000;

/** Thrown for text whose containers nest too deep; the caller lexes it piece by piece. */
export class MarkdownTooDeepError extends Error {
  constructor() {
    super(`Markdown nested deeper than ${MAX_BLOCK_NESTING} containers is shown as plain text.`);
  }
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || Number.isNaN(code);
}

function isDelimiter(code: number): boolean {
  return code === 0x2a /* * */ || code === 0x5f /* _ */ || code === 0x7e; /* ~ */
}

/** What one run of delimiters can do, by the characters around it. */
interface DelimiterRun {
  /** Index one past the run. */
  end: number;
  /** Nesting levels it stands for: `**` is one (strong), `***` two, and so on. */
  levels: number;
  opens: boolean;
  closes: boolean;
}

function delimiterRun(source: string, start: number): DelimiterRun {
  const code = source.charCodeAt(start);
  let end = start + 1;
  while (end < source.length && source.charCodeAt(end) === code) end++;
  return {
    end,
    levels: Math.ceil((end - start) / 2),
    opens: !isSpace(source.charCodeAt(end)),
    closes: start > 0 && !isSpace(source.charCodeAt(start - 1)),
  };
}

/**
 * Visits each bracket and delimiter run of `source` once, skipping escaped characters:
 * `step(opened, closed, both)` gets the levels a run (or bracket) can only open, can only
 * close, or could do either with.
 */
function scanInline(
  source: string,
  step: (opened: number, closed: number, both: boolean) => void,
): void {
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === 0x5b /* [ */) step(1, 0, false);
    else if (code === 0x5d /* ] */) step(0, 1, false);
    else if (code === 0x5c /* \ */) i++;
    else if (isDelimiter(code)) {
      const run = delimiterRun(source, i);
      if (run.opens && !run.closes) step(run.levels, 0, false);
      else if (run.closes && !run.opens) step(0, run.levels, false);
      else step(0, 0, run.opens && run.closes);
      i = run.end - 1;
    }
  }
}

/**
 * An upper estimate of how deep the inline markup of `source` nests, in two linear passes:
 * an opener goes one level in, a closer one out, and a level counts only while closers are
 * still ahead to end it (so a paragraph full of `*args` is not taken for nesting).
 */
export function inlineNestingEstimate(source: string): number {
  let closersLeft = 0;
  scanInline(source, (_opened, closed) => {
    closersLeft += closed;
  });
  let depth = 0;
  let deepest = 0;
  scanInline(source, (opened, closed) => {
    closersLeft -= closed;
    depth = Math.max(0, depth - closed) + opened;
    deepest = Math.max(deepest, Math.min(depth, closersLeft));
  });
  return deepest;
}

/** Length of `source` times its delimiter runs that could both open and close. */
export function inlineWorkEstimate(source: string): number {
  let ambiguous = 0;
  scanInline(source, (_opened, _closed, both) => {
    if (both) ambiguous++;
  });
  return ambiguous * source.length;
}

/** True for inline text that would cost marked more than the bounds allow. */
export function inlineTooCostly(source: string): boolean {
  return (
    inlineNestingEstimate(source) > MAX_INLINE_NESTING ||
    inlineWorkEstimate(source) > MAX_INLINE_WORK
  );
}

/** Length of a list marker (`-`, `*`, `+`, `1.`, `1)`) and its space at `i`, or 0. */
function listMarkerLength(source: string, i: number): number {
  const code = source.charCodeAt(i);
  if (code === 0x2d || code === 0x2a || code === 0x2b /* - * + */) {
    return isSpace(source.charCodeAt(i + 1)) ? 2 : 0;
  }
  let end = i;
  while (end - i < 9 && source.charCodeAt(end) >= 0x30 && source.charCodeAt(end) <= 0x39) end++;
  if (end === i) return 0;
  const after = source.charCodeAt(end);
  if (after !== 0x2e && after !== 0x29 /* . ) */) return 0;
  return isSpace(source.charCodeAt(end + 1)) ? end - i + 2 : 0;
}

/** A thematic break (`* * * *`, `- - -`), which opens no container however long. */
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** How many containers (`>`, list markers) the start of the line at `start` opens. */
function containersOpened(source: string, start: number): number {
  let count = 0;
  let i = start;
  for (;;) {
    while (source.charCodeAt(i) === 0x20 || source.charCodeAt(i) === 0x09) i++;
    if (source.charCodeAt(i) === 0x3e /* > */) {
      i++;
    } else {
      const marker = listMarkerLength(source, i);
      if (marker === 0) return count;
      i += marker;
    }
    count++;
  }
}

/** True when some line of `source` opens more than {@link MAX_BLOCK_NESTING} containers. */
export function nestsTooDeep(source: string): boolean {
  for (let start = 0; start < source.length;) {
    const next = source.indexOf("\n", start);
    const end = next === -1 ? source.length : next;
    if (containersOpened(source, start) > MAX_BLOCK_NESTING) {
      if (!THEMATIC_BREAK.test(source.slice(start, end))) return true;
    }
    start = end + 1;
  }
  return false;
}

/**
 * `lexer.lex(source)` within the bounds: throws {@link MarkdownTooDeepError} for containers
 * nested too deep, and keeps inline content that would cost too much as one plain text
 * token. Otherwise the same tokens as `lex`, which runs the same two phases.
 */
export function lexWithinBudget(lexer: Lexer, source: string): TokensList {
  const src = source.replace(/\r\n?/g, "\n");
  if (nestsTooDeep(src)) throw new MarkdownTooDeepError();
  lexer.blockTokens(src, lexer.tokens);
  for (const next of lexer.inlineQueue) {
    lexer.state.inRawBlock = false;
    if (inlineTooCostly(next.src)) {
      const plain: Token = { type: "text", raw: next.src, text: next.src, escaped: false };
      next.tokens.push(plain);
    } else {
      lexer.inlineTokens(next.src, next.tokens);
    }
  }
  lexer.inlineQueue = [];
  return lexer.tokens;
}
