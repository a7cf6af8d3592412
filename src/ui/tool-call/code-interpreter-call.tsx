import type { ReactNode } from "react";
import type { CodeInterpreterCallPart } from "../../core/index.js";
import { safeImageUrl } from "../images/safe-image-url.js";
import { ClickToLoadImage, LoadedImage } from "../markdown/click-to-load-image.js";
import { imageLoad, useImagePolicy } from "../markdown/image-policy.js";
import { useStrings } from "../strings/index.js";
import { ToolCard, ToolCode, ToolSection } from "./tool-card.js";

/** Props of {@link CodeInterpreterCall}. */
export interface CodeInterpreterCallProps {
  /** The code interpreter call to show. */
  part: CodeInterpreterCallPart;
  /** The language label on the code; the hosted interpreter runs Python. */
  language?: string;
  /** Extra class names on the card. */
  className?: string;
}

/** A file the interpreter reported (older `files` outputs). */
interface InterpreterFile {
  file_id?: string;
  mime_type?: string;
  filename?: string;
}

/**
 * A code interpreter call: the code with its language (streaming in), then what it printed,
 * the images it drew and the files it wrote.
 */
export function CodeInterpreterCall({
  part,
  language = "python",
  className,
}: CodeInterpreterCallProps): ReactNode {
  const strings = useStrings();
  const policy = useImagePolicy();
  const outputs = (part.item.outputs ?? []) as readonly unknown[];
  const logs: string[] = [];
  const images: string[] = [];
  const files: InterpreterFile[] = [];
  for (const output of outputs) {
    if (!output || typeof output !== "object") continue;
    const entry = output as { type?: string; logs?: unknown; url?: unknown; files?: unknown };
    if (entry.type === "logs" && typeof entry.logs === "string") logs.push(entry.logs);
    else if (entry.type === "image" && typeof entry.url === "string") {
      const url = safeImageUrl(entry.url);
      if (url) images.push(url);
    } else if (entry.type === "files" && Array.isArray(entry.files)) {
      files.push(...(entry.files as InterpreterFile[]));
    }
  }
  const code = part.item.code ?? "";
  return (
    <ToolCard
      kind="code-interpreter-call"
      state={part.state}
      title={strings.codeInterpreter}
      label={strings.codeInterpreter}
      className={className}
    >
      {code !== "" ? (
        <ToolSection
          label={<span className="colloquy-tool-card__language">{language}</span>}
          section="code"
        >
          <ToolCode
            text={code}
            language={language}
            streaming={part.state === "in-progress"}
            label={strings.codeInterpreter}
          />
        </ToolSection>
      ) : null}
      {logs.length > 0 ? (
        <ToolSection label={strings.logs} section="logs">
          <ToolCode text={logs.join("\n")} label={strings.logs} />
        </ToolSection>
      ) : null}
      {images.length > 0 ? (
        <ToolSection label={strings.output} section="images">
          <div className="colloquy-tool-card__images">
            {images.map((url, index) => {
              // The URLs come from the model's run: the same image policy as its text.
              const alt = strings.imageNumbered(index + 1, images.length);
              const load = imageLoad(url, policy);
              if (load === "block") return null;
              const Image = load === "load" ? LoadedImage : ClickToLoadImage;
              return <Image key={url} src={url} alt={alt} className="colloquy-tool-card__image" />;
            })}
          </div>
        </ToolSection>
      ) : null}
      {files.length > 0 ? (
        <ToolSection label={strings.files} section="files">
          <ul className="colloquy-tool-card__files">
            {files.map((file, index) => (
              <li key={file.file_id ?? index} className="colloquy-chip">
                {file.filename ?? file.file_id ?? strings.file}
                {file.mime_type ? (
                  <span className="colloquy-chip__meta">{file.mime_type}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </ToolSection>
      ) : null}
    </ToolCard>
  );
}
