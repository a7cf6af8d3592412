import type { ReactNode } from "react";
import type { TextPart } from "../../core/index.js";
import { Markdown, type MarkdownProps } from "../markdown/markdown.js";

/** Props of {@link TextWithCitations}. */
export interface TextWithCitationsProps extends Omit<
  MarkdownProps,
  "text" | "annotations" | "streaming" | "part"
> {
  /** The text part; its annotations become numbered markers. */
  part: TextPart;
}

/**
 * A text part as markdown with its citations as numbered inline markers, each linking to
 * its source with a card on hover and focus. Streams like `<Markdown>`.
 */
export function TextWithCitations({ part, ...rest }: TextWithCitationsProps): ReactNode {
  return (
    <Markdown
      text={part.text}
      streaming={part.state === "streaming"}
      {...(part.annotations ? { annotations: part.annotations } : {})}
      {...rest}
    />
  );
}
