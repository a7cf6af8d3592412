import { Fragment, type ReactNode } from "react";
import type { Token, Tokens } from "marked";
import { useStrings } from "../strings/index.js";
import { decodeEntities } from "./html-entities.js";
import {
  CITATION_PLACEHOLDER,
  stripCitationPlaceholders,
  useMarkdownRenderContext,
} from "./markdown-context.js";
import type { MathToken } from "./math-lexer.js";
import { ClickToLoadImage, LoadedImage } from "./click-to-load-image.js";
import { useImagePolicy } from "./image-policy.js";
import { decideImage, isExternalUrl, sanitizeLinkUrl } from "./url-policy.js";

/**
 * Deepest inline nesting rendered as elements. The default lexers stop well before it (see
 * `lex-budget.ts`); tokens from any other lexer nested deeper show as their source text, as
 * thousands of nested elements overflow the stack inside React's commit.
 */
export const MAX_RENDERED_NESTING = 32;

/** Props of {@link InlineTokens}. */
export interface InlineTokensProps {
  /** The tokens to render. */
  tokens: readonly Token[] | undefined;
  /** How deep inside other inline tokens these are (0 at the block). */
  depth?: number;
}

/** Renders inline tokens (text, emphasis, links, code spans, ...) as React elements. */
export function InlineTokens({ tokens, depth = 0 }: InlineTokensProps): ReactNode {
  if (!tokens) return null;
  if (depth > MAX_RENDERED_NESTING) {
    return <TextWithMarkers text={tokens.map((token) => token.raw).join("")} />;
  }
  return tokens.map((token, index) => (
    <Fragment key={index}>{renderInline(token, depth + 1)}</Fragment>
  ));
}

/** Plain text with citation markers put in place of their placeholders. */
export function TextWithMarkers({ text }: { text: string }): ReactNode {
  const { renderCitation } = useMarkdownRenderContext();
  const decoded = decodeEntities(text);
  if (!decoded.includes("\uE000")) return decoded;
  const nodes: ReactNode[] = [];
  let last = 0;
  for (const match of decoded.matchAll(CITATION_PLACEHOLDER)) {
    nodes.push(decoded.slice(last, match.index));
    nodes.push(<Fragment key={match.index}>{renderCitation?.(Number(match[1])) ?? null}</Fragment>);
    last = match.index + match[0].length;
  }
  nodes.push(decoded.slice(last));
  return nodes;
}

function renderInline(token: Token, depth: number): ReactNode {
  switch (token.type) {
    case "text": {
      const text = token as Tokens.Text;
      if (text.tokens && text.tokens.length > 0)
        return <InlineTokens tokens={text.tokens} depth={depth} />;
      return <TextWithMarkers text={text.text} />;
    }
    case "escape":
      return (token as Tokens.Escape).text;
    case "strong":
      return (
        <strong>
          <InlineTokens tokens={(token as Tokens.Strong).tokens} depth={depth} />
        </strong>
      );
    case "em":
      return (
        <em>
          <InlineTokens tokens={(token as Tokens.Em).tokens} depth={depth} />
        </em>
      );
    case "del":
      return (
        <del>
          <InlineTokens tokens={(token as Tokens.Del).tokens} depth={depth} />
        </del>
      );
    case "codespan":
      return (
        <code className="colloquy-markdown__inline-code">
          {decodeEntities(stripCitationPlaceholders((token as Tokens.Codespan).text))}
        </code>
      );
    case "br":
      return <br />;
    case "link":
      return <MarkdownLink token={token as Tokens.Link} depth={depth} />;
    case "image":
      return <MarkdownImage token={token as Tokens.Image} />;
    case "checkbox":
      return null;
    case "math":
      return <MathView tex={(token as MathToken).text} display={false} />;
    case "html":
    case "tag":
      // Raw HTML is shown as the text it is; it is never parsed.
      return <TextWithMarkers text={token.raw} />;
    default:
      return "text" in token && typeof token.text === "string" ? (
        <TextWithMarkers text={token.text} />
      ) : (
        token.raw
      );
  }
}

function MarkdownLink({ token, depth }: { token: Tokens.Link; depth: number }): ReactNode {
  const { policy } = useMarkdownRenderContext();
  const strings = useStrings();
  const href = sanitizeLinkUrl(token.href, policy);
  const children = <InlineTokens tokens={token.tokens} depth={depth} />;
  if (!href && /^\s*sandbox:/i.test(token.href)) {
    // A file in the code interpreter's container that no citation points at: nothing can
    // open it, so it reads as its text (a cited one became a file chip before lexing).
    return <span className="colloquy-markdown__sandbox-link">{children}</span>;
  }
  if (!href) {
    return (
      <span className="colloquy-markdown__blocked-link" title={strings.blockedLink}>
        {children}
      </span>
    );
  }
  const external = isExternalUrl(href);
  return (
    <a
      className="colloquy-markdown__link"
      href={href}
      title={token.title ? decodeEntities(token.title) : undefined}
      {...(external ? { target: "_blank", rel: "noopener noreferrer" } : {})}
    >
      {children}
    </a>
  );
}

function MarkdownImage({ token }: { token: Tokens.Image }): ReactNode {
  const { policy } = useMarkdownRenderContext();
  const images = useImagePolicy();
  const strings = useStrings();
  const alt = decodeEntities(stripCitationPlaceholders(token.text));
  const title = token.title ? decodeEntities(token.title) : undefined;
  const decision = decideImage(token.href, { ...policy, images: policy.images ?? images });
  if (decision.kind === "image") {
    return (
      <LoadedImage
        className="colloquy-markdown__image"
        src={decision.src}
        alt={alt}
        title={title}
      />
    );
  }
  if (decision.kind === "link") {
    return (
      <ClickToLoadImage
        className="colloquy-markdown__image"
        src={decision.href}
        alt={alt}
        title={title}
      />
    );
  }
  return (
    <span className="colloquy-markdown__image-placeholder" data-state="blocked">
      {alt || strings.externalImageBlocked}
    </span>
  );
}

/** TeX through the loaded math renderer; the source as code until it has loaded. */
export function MathView({ tex, display }: { tex: string; display: boolean }): ReactNode {
  const { math } = useMarkdownRenderContext();
  const source = stripCitationPlaceholders(tex);
  const rendered = math?.(source, display);
  const Tag = display ? "div" : "span";
  return (
    <Tag
      className="colloquy-markdown__math"
      data-display={display ? "block" : "inline"}
      data-state={rendered === undefined ? "source" : "rendered"}
    >
      {rendered ?? <code className="colloquy-markdown__math-source">{source}</code>}
    </Tag>
  );
}
