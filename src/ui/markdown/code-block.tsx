import { memo, type ReactNode } from "react";
import { CopyButton } from "../primitives/index.js";
import { useStrings } from "../strings/index.js";
import { stripCitationPlaceholders, useMarkdownRenderContext } from "./markdown-context.js";

/** Props of {@link CodeBlock}. */
export interface CodeBlockProps {
  /** The code, exactly as written. */
  code: string;
  /** The fence's language, e.g. `ts`, when given. */
  language?: string | undefined;
  /** `streaming` while the fence is still open. */
  state?: "streaming" | "done";
}

const MATH_LANGUAGES = new Set(["math", "latex", "tex", "katex"]);

/** A fenced code block: language label, copy button, optional highlighting. */
export const CodeBlock = memo(function CodeBlock({
  code,
  language,
  state = "done",
}: CodeBlockProps): ReactNode {
  const { highlighter, math } = useMarkdownRenderContext();
  const strings = useStrings();
  const text = stripCitationPlaceholders(code);
  const lang = language?.trim().split(/\s+/)[0] || undefined;

  if (lang && math && MATH_LANGUAGES.has(lang.toLowerCase()) && state === "done") {
    const rendered = math(text, true);
    if (rendered !== undefined) {
      return (
        <div className="colloquy-markdown__math" data-display="block">
          {rendered}
        </div>
      );
    }
  }

  const highlighted = highlighter?.(text, lang);
  return (
    <div className="colloquy-markdown__code-block" data-state={state} data-language={lang}>
      <div className="colloquy-markdown__code-header">
        <span className="colloquy-markdown__code-language">{lang ?? strings.code}</span>
        <CopyButton
          className="colloquy-markdown__copy"
          value={text}
          label={strings.copyCode(lang)}
        />
      </div>
      <pre className="colloquy-markdown__pre" tabIndex={0} aria-label={strings.codeBlock(lang)}>
        <code className={lang ? `language-${lang}` : undefined}>{highlighted ?? text}</code>
      </pre>
    </div>
  );
});
