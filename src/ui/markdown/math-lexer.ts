import { Lexer, type MarkedOptions, type Tokens } from "marked";
import type { LexFunction } from "./incremental-lexer.js";
import { lexWithinBudget } from "./lex-budget.js";

/** A TeX span or block found by the math-aware lexer. */
export interface MathToken extends Tokens.Generic {
  /** Discriminant. */
  type: "math";
  /** The TeX source without its delimiters. */
  text: string;
  /** True for `$$…$$` / `\[…\]` blocks, false for `$…$` / `\(…\)` inline. */
  display: boolean;
}

const BLOCK = /^ {0,3}(?:\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\])[ \t]*(?:\n|$)/;
// Inline `$…$` follows the usual prose-safe rule: no space just inside the dollars and no
// digit right after the closing one, so "$5 and $10" stays text.
const INLINE = /^(?:\$(?!\s)((?:\\.|[^\\$\n])+?)(?<!\s)\$(?!\d)|\\\(([\s\S]+?)\\\))/;

const extensions: NonNullable<MarkedOptions["extensions"]> = {
  renderers: {},
  childTokens: {},
  block: [
    (source) => {
      const match = BLOCK.exec(source);
      if (!match) return undefined;
      const token: MathToken = {
        type: "math",
        raw: match[0],
        text: (match[1] ?? match[2] ?? "").trim(),
        display: true,
      };
      return token;
    },
  ],
  startBlock: [
    (source) => {
      const index = source.search(/^ {0,3}(\$\$|\\\[)/m);
      return index === -1 ? undefined : index;
    },
  ],
  inline: [
    (source) => {
      const match = INLINE.exec(source);
      if (!match) return undefined;
      const token: MathToken = {
        type: "math",
        raw: match[0],
        text: (match[1] ?? match[2] ?? "").trim(),
        display: false,
      };
      return token;
    },
  ],
  startInline: [
    (source) => {
      const index = source.search(/\$|\\\(/);
      return index === -1 ? undefined : index;
    },
  ],
};

/**
 * Lexes GitHub-flavoured markdown plus TeX math: `$$…$$` and `\[…\]` blocks, `$…$` and
 * `\(…\)` inline. `<Markdown>` uses it when a math renderer is given.
 */
export const lexMarkdownWithMath: LexFunction = (source, links) => {
  const lexer = new Lexer({ gfm: true, breaks: false, extensions });
  Object.assign(lexer.tokens.links, links);
  return lexWithinBudget(lexer, source);
};
