import type { ReactNode } from "react";

/** Props of {@link PlainTextPart}. */
export interface PlainTextPartProps {
  /** The words as the model wrote them (markdown, shown as is). */
  text: string;
  /** Whether the text is still arriving. */
  streaming?: boolean;
}

/**
 * A text part while the markdown renderer loads, or when its chunk cannot be fetched: the
 * same words with their line breaks, in the markdown block's place, so nothing the model
 * wrote is hidden and the message keeps its height when the rendered markdown replaces it.
 */
export function PlainTextPart({ text, streaming = false }: PlainTextPartProps): ReactNode {
  return (
    <div
      className="colloquy-markdown"
      data-state={streaming ? "streaming" : "done"}
      data-rendering="plain"
    >
      <p className="colloquy-markdown__plain">{text}</p>
    </div>
  );
}
