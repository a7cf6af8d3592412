import type { ReactNode } from "react";
import { useStableId } from "../primitives/index.js";
import { useStrings } from "../strings/index.js";
import { isExternalUrl, sanitizeLinkUrl, type UrlPolicy } from "../markdown/url-policy.js";
import type { CitationSource } from "./number-citations.js";

/** Props of {@link CitationMarker}. */
export interface CitationMarkerProps {
  /** The numbered source the marker points at. */
  source: CitationSource;
  /** Which URLs may become links (defaults: http, https, mailto). */
  policy?: UrlPolicy;
}

/** The host name of a URL without `www.`, for display. */
export function displayDomain(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return undefined;
  }
}

/**
 * An inline numbered citation: a link to the source (or a button for files) with a card
 * showing title, domain and snippet on hover and on keyboard focus.
 */
export function CitationMarker({ source, policy }: CitationMarkerProps): ReactNode {
  const strings = useStrings();
  const cardId = useStableId("citation");
  const href = sanitizeLinkUrl(source.url, policy);
  const title = source.title ?? (source.fileId ? strings.citedFile(source.fileId) : undefined);
  const label = strings.citation(source.number, title);
  const domain = displayDomain(href);

  const card = (
    <span role="tooltip" id={cardId} className="colloquy-citation__card">
      {title ? <span className="colloquy-citation__title">{title}</span> : null}
      {domain ? <span className="colloquy-citation__domain">{domain}</span> : null}
      {source.snippet ? <span className="colloquy-citation__snippet">{source.snippet}</span> : null}
    </span>
  );
  return (
    <span className="colloquy-citation" data-kind={source.kind}>
      {href ? (
        <a
          className="colloquy-citation__marker"
          href={href}
          aria-label={label}
          aria-describedby={cardId}
          {...(isExternalUrl(href) ? { target: "_blank", rel: "noopener noreferrer" } : {})}
        >
          {source.number}
        </a>
      ) : (
        <button
          type="button"
          className="colloquy-citation__marker"
          aria-label={label}
          aria-describedby={cardId}
        >
          {source.number}
        </button>
      )}
      {card}
    </span>
  );
}
