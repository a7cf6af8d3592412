import { memo, type ReactNode } from "react";
import type { Token, Tokens } from "marked";
import { useStrings } from "../strings/index.js";
import { CodeBlock } from "./code-block.js";
import type { MathToken } from "./math-lexer.js";
import { BlockErrorBoundary } from "./block-error-boundary.js";
import { InlineTokens, MAX_RENDERED_NESTING, MathView, TextWithMarkers } from "./render-inline.js";

/** Props of {@link MarkdownBlockView}. */
export interface MarkdownBlockViewProps {
  /** The top-level token to render. */
  token: Token;
  /** `streaming` for the open block while text arrives. */
  state: "streaming" | "done";
}

/**
 * One top-level block. Memoised on the token object: finished blocks keep their token
 * between chunks, so React skips them and only the open block renders again. A block that
 * fails to render shows as its source text; the rest of the answer is not affected.
 */
export const MarkdownBlockView = memo(function MarkdownBlockView({
  token,
  state,
}: MarkdownBlockViewProps): ReactNode {
  return (
    <BlockErrorBoundary token={token}>
      <BlockToken token={token} state={state} depth={0} />
    </BlockErrorBoundary>
  );
});

interface BlockTokenProps {
  token: Token;
  state: "streaming" | "done";
  /** How many containers (quotes, list items) hold this block. */
  depth: number;
}

/** Renders a list of block tokens (inside list items and block quotes). */
function BlockTokens({
  tokens,
  state,
  depth,
}: {
  tokens: readonly Token[];
  state: "streaming" | "done";
  depth: number;
}) {
  if (depth > MAX_RENDERED_NESTING) {
    // Containers nested this deep (from a lexer without bounds) show as their source.
    const raw = tokens.map((token) => token.raw).join("");
    return <p className="colloquy-markdown__paragraph">{raw}</p>;
  }
  return tokens.map((token, index) => (
    <BlockToken key={index} token={token} state={state} depth={depth} />
  ));
}

function BlockToken({ token, state, depth }: BlockTokenProps): ReactNode {
  switch (token.type) {
    case "space":
    case "def":
      return null;
    case "paragraph":
      return (
        <p className="colloquy-markdown__paragraph">
          <InlineTokens tokens={(token as Tokens.Paragraph).tokens} />
        </p>
      );
    case "text": {
      // Text directly in a tight list item: inline content without a paragraph.
      const text = token as Tokens.Text;
      return text.tokens ? (
        <InlineTokens tokens={text.tokens} />
      ) : (
        <TextWithMarkers text={text.text} />
      );
    }
    case "heading": {
      const heading = token as Tokens.Heading;
      // A stream that stopped right after "## " has no heading text yet; an empty heading
      // would be announced by screen readers as a blank section.
      if (heading.text.trim() === "") return null;
      const Tag = `h${Math.min(Math.max(heading.depth, 1), 6)}` as "h1";
      return (
        <Tag className="colloquy-markdown__heading" data-depth={heading.depth}>
          <InlineTokens tokens={heading.tokens} />
        </Tag>
      );
    }
    case "code": {
      const code = token as Tokens.Code;
      const open =
        state === "streaming" && /^ {0,3}(`{3,}|~{3,})/.test(code.raw) && !isClosedFence(code.raw);
      return (
        <CodeBlock code={code.text} language={code.lang} state={open ? "streaming" : "done"} />
      );
    }
    case "blockquote":
      return (
        <blockquote className="colloquy-markdown__blockquote">
          <BlockTokens
            tokens={(token as Tokens.Blockquote).tokens}
            state={state}
            depth={depth + 1}
          />
        </blockquote>
      );
    case "hr":
      return <hr className="colloquy-markdown__rule" />;
    case "list":
      return <MarkdownList token={token as Tokens.List} state={state} depth={depth} />;
    case "table":
      return <MarkdownTable token={token as Tokens.Table} />;
    case "math":
      return <MathView tex={(token as MathToken).text} display />;
    case "html":
      // Raw HTML is shown as the text it is; it is never parsed.
      return (
        <p className="colloquy-markdown__paragraph colloquy-markdown__raw-html">
          <TextWithMarkers text={token.raw.trimEnd()} />
        </p>
      );
    default:
      return token.raw.trim() ? (
        <p className="colloquy-markdown__paragraph">
          <TextWithMarkers text={token.raw.trimEnd()} />
        </p>
      ) : null;
  }
}

function isClosedFence(raw: string): boolean {
  const opening = /^ {0,3}(`{3,}|~{3,})/.exec(raw)![1]!;
  const lines = raw.trimEnd().split("\n");
  if (lines.length < 2) return false;
  const last = lines[lines.length - 1]!.trim();
  return last.startsWith(opening[0]!.repeat(opening.length)) && /^(`+|~+)$/.test(last);
}

function MarkdownList({ token, state, depth }: BlockTokenProps & { token: Tokens.List }) {
  const strings = useStrings();
  const items = token.items.map((item, index) => (
    <li
      key={index}
      className="colloquy-markdown__list-item"
      data-task={item.task ? (item.checked ? "done" : "open") : undefined}
    >
      {item.task ? (
        <input
          className="colloquy-markdown__task"
          type="checkbox"
          checked={Boolean(item.checked)}
          readOnly
          disabled
          aria-label={item.checked ? strings.taskDone : strings.taskOpen}
        />
      ) : null}
      <BlockTokens
        tokens={item.tokens.filter((t) => t.type !== "checkbox")}
        state={state}
        depth={depth + 1}
      />
    </li>
  ));
  if (token.ordered) {
    const start = typeof token.start === "number" && token.start !== 1 ? token.start : undefined;
    return (
      <ol className="colloquy-markdown__list" data-ordered="true" start={start}>
        {items}
      </ol>
    );
  }
  return (
    <ul
      className="colloquy-markdown__list"
      data-ordered="false"
      data-tasks={token.items.some((item) => item.task) ? "true" : undefined}
    >
      {items}
    </ul>
  );
}

function MarkdownTable({ token }: { token: Tokens.Table }) {
  const strings = useStrings();
  const alignOf = (index: number) => token.align[index] ?? undefined;
  return (
    <div
      className="colloquy-markdown__table-wrapper"
      tabIndex={0}
      // A group, not a region: a message may hold several tables, and landmarks must be unique.
      role="group"
      aria-label={strings.table}
    >
      <table className="colloquy-markdown__table">
        <thead>
          <tr>
            {token.header.map((cell, index) => (
              <th key={index} style={{ textAlign: alignOf(index) }} scope="col">
                <InlineTokens tokens={cell.tokens} />
              </th>
            ))}
          </tr>
        </thead>
        {token.rows.length > 0 ? (
          <tbody>
            {token.rows.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {row.map((cell, index) => (
                  <td key={index} style={{ textAlign: alignOf(index) }}>
                    <InlineTokens tokens={cell.tokens} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        ) : null}
      </table>
    </div>
  );
}
