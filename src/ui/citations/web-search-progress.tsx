import type { HTMLAttributes, ReactNode } from "react";
import type { WebSearchCallPart } from "../../core/index.js";
import { useStrings, type UiStrings } from "../strings/index.js";
import { isExternalUrl, sanitizeLinkUrl } from "../markdown/url-policy.js";
import { displayDomain } from "./citation-marker.js";

/** Props of {@link WebSearchProgress}. */
export interface WebSearchProgressProps extends Omit<
  HTMLAttributes<HTMLDivElement>,
  "children" | "part"
> {
  /** The web search call. */
  part: WebSearchCallPart;
}

/** `active` while searching, `done` when completed, `failed` on failure. */
export type WebSearchProgressState = "active" | "done" | "failed";

/** The state shown for a web search part. */
export function webSearchState(part: WebSearchCallPart): WebSearchProgressState {
  if (part.state === "failed" || part.item.status === "failed") return "failed";
  if (part.state === "completed" || part.state === "incomplete") return "done";
  return "active";
}

function describe(part: WebSearchCallPart, state: WebSearchProgressState, strings: UiStrings) {
  const action = part.item.action as WebSearchCallPart["item"]["action"] | undefined;
  if (state === "failed") return strings.searchFailed;
  if (action?.type === "open_page" && action.url) return strings.openedPage(action.url);
  if (action?.type === "find_in_page") return strings.findInPage(action.pattern);
  const query = action?.type === "search" ? (action.query ?? action.queries?.[0]) : undefined;
  if (state === "active") return query ? strings.searchingFor(query) : strings.searching;
  return query ? strings.searchedFor(query) : strings.searched;
}

/**
 * What a web search is doing: searching (with its queries), the pages it opened and the
 * sources it found, from the call's `item.action`. `data-state`: active, done, failed.
 */
export function WebSearchProgress({ part, className, ...rest }: WebSearchProgressProps): ReactNode {
  const strings = useStrings();
  const state = webSearchState(part);
  const action = part.item.action as WebSearchCallPart["item"]["action"] | undefined;
  const queries =
    action?.type === "search"
      ? [...new Set([...(action.queries ?? []), ...(action.query ? [action.query] : [])])]
      : [];
  const pages =
    action?.type === "search"
      ? (action.sources ?? []).map((source) => source.url)
      : action?.type === "open_page" || action?.type === "find_in_page"
        ? [action.url ?? ""].filter(Boolean)
        : [];
  return (
    <div
      className={["colloquy-web-search", className].filter(Boolean).join(" ")}
      data-state={state}
      role="status"
      {...rest}
    >
      <span className="colloquy-web-search__indicator" aria-hidden="true" />
      <span className="colloquy-web-search__label">{describe(part, state, strings)}</span>
      {queries.length > 1 ? (
        <ul className="colloquy-web-search__queries">
          {queries.map((query) => (
            <li key={query} className="colloquy-web-search__query">
              {query}
            </li>
          ))}
        </ul>
      ) : null}
      {pages.length > 0 && action?.type === "search" ? (
        <ul className="colloquy-web-search__pages">
          {pages.map((url) => {
            const href = sanitizeLinkUrl(url);
            return (
              <li key={url} className="colloquy-web-search__page">
                {href ? (
                  <a
                    href={href}
                    {...(isExternalUrl(href)
                      ? { target: "_blank", rel: "noopener noreferrer" }
                      : {})}
                  >
                    {displayDomain(href) ?? href}
                  </a>
                ) : (
                  url
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
