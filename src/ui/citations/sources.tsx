import { useMemo, type HTMLAttributes, type ReactNode } from "react";
import type { Annotation } from "../../core/index.js";
import { useStableId } from "../primitives/index.js";
import { useStrings } from "../strings/index.js";
import { isExternalUrl, sanitizeLinkUrl, type UrlPolicy } from "../markdown/url-policy.js";
import { displayDomain } from "./citation-marker.js";
import { numberCitations } from "./number-citations.js";

/** Props of {@link Sources}. */
export interface SourcesProps extends Omit<HTMLAttributes<HTMLElement>, "children"> {
  /** The annotations of a text part (or of several, concatenated in order). */
  annotations: readonly Annotation[] | undefined;
  /** The cited text, used for snippets. */
  text?: string;
  /** Which URLs may become links. */
  policy?: UrlPolicy;
  /** Heading text; defaults to the "sources" string. */
  heading?: ReactNode;
}

/**
 * The numbered list of sources under a message, one entry per distinct URL or file, in
 * the same numbering as the inline markers. Renders nothing without citations.
 */
export function Sources({
  annotations,
  text,
  policy,
  heading,
  className,
  ...rest
}: SourcesProps): ReactNode {
  const strings = useStrings();
  const headingId = useStableId("sources");
  const { sources } = useMemo(() => numberCitations(annotations, text), [annotations, text]);
  if (sources.length === 0) return null;
  return (
    <section
      className={["colloquy-sources", className].filter(Boolean).join(" ")}
      aria-labelledby={headingId}
      {...rest}
    >
      <h3 className="colloquy-sources__heading" id={headingId}>
        {heading ?? strings.sources}
      </h3>
      <ol className="colloquy-sources__list">
        {sources.map((source) => {
          const href = sanitizeLinkUrl(source.url, policy);
          const title =
            source.title ??
            displayDomain(href) ??
            (source.fileId ? strings.citedFile(source.fileId) : source.key);
          const domain = displayDomain(href);
          return (
            <li
              key={`${source.kind}:${source.key}`}
              className="colloquy-sources__item"
              data-kind={source.kind}
            >
              <span className="colloquy-sources__number" aria-hidden="true">
                {source.number}
              </span>
              {href ? (
                <a
                  className="colloquy-sources__link"
                  href={href}
                  {...(isExternalUrl(href) ? { target: "_blank", rel: "noopener noreferrer" } : {})}
                >
                  <span className="colloquy-sources__title">{title}</span>
                  {domain ? <span className="colloquy-sources__domain">{domain}</span> : null}
                </a>
              ) : (
                <span className="colloquy-sources__link">
                  <span className="colloquy-sources__title">{title}</span>
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
