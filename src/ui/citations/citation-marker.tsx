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
  /**
   * Shows the source's domain before the number, as a chip: used where the marker takes
   * the place of the model's own link to the source, whose text was the domain.
   */
  showDomain?: boolean;
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
export function CitationMarker({ source, policy, showDomain }: CitationMarkerProps): ReactNode {
  const strings = useStrings();
  const cardId = useStableId("citation");
  const href = sanitizeLinkUrl(source.url, policy);
  const title = source.title ?? (source.fileId ? strings.citedFile(source.fileId) : undefined);
  const label = strings.citation(source.number, title);
  // A chip's visible text (domain and number) is its name, as what is seen must be what is
  // said; the title stays in the card that describes it.
  const domain = displayDomain(href);
  const chipDomain = showDomain ? (domain ?? displayDomain(source.url)) : undefined;
  const content = chipDomain ? (
    <>
      <span className="colloquy-citation__chip-domain">{chipDomain}</span>{" "}
      <span className="colloquy-citation__number">{source.number}</span>
    </>
  ) : (
    source.number
  );

  const card = (
    <span role="tooltip" id={cardId} className="colloquy-citation__card">
      {title ? <span className="colloquy-citation__title">{title}</span> : null}
      {domain ? <span className="colloquy-citation__domain">{domain}</span> : null}
      {source.snippet ? <span className="colloquy-citation__snippet">{source.snippet}</span> : null}
    </span>
  );
  return (
    <span
      className="colloquy-citation"
      data-kind={source.kind}
      data-variant={chipDomain ? "chip" : "marker"}
    >
      {href ? (
        <a
          className="colloquy-citation__marker"
          href={href}
          aria-label={chipDomain ? undefined : label}
          aria-describedby={cardId}
          {...(isExternalUrl(href) ? { target: "_blank", rel: "noopener noreferrer" } : {})}
        >
          {content}
        </a>
      ) : (
        <button
          type="button"
          className="colloquy-citation__marker"
          aria-label={chipDomain ? undefined : label}
          aria-describedby={cardId}
        >
          {content}
        </button>
      )}
      {card}
    </span>
  );
}
