import type { HTMLAttributes, ReactNode } from "react";
import type { FileSearchCallPart } from "../../core/index.js";
import { useStrings } from "../strings/index.js";

/** Props of {@link FileSearchResults}. */
export interface FileSearchResultsProps extends Omit<
  HTMLAttributes<HTMLDivElement>,
  "children" | "part"
> {
  /** The file search call. */
  part: FileSearchCallPart;
  /** Longest snippet shown per result, in characters. */
  maxSnippetLength?: number;
}

/**
 * A file search: its queries, then each result with file name, relevance score and a
 * snippet (results are present when `file_search_call.results` was included).
 * `data-state`: active, done, failed.
 */
export function FileSearchResults({
  part,
  maxSnippetLength = 240,
  className,
  ...rest
}: FileSearchResultsProps): ReactNode {
  const strings = useStrings();
  const failed = part.state === "failed" || part.item.status === "failed";
  const done = part.state === "completed" || part.state === "incomplete";
  const state = failed ? "failed" : done ? "done" : "active";
  const results = part.item.results ?? [];
  const label = failed
    ? strings.searchFailed
    : done
      ? strings.searchedFiles
      : strings.searchingFiles;
  return (
    <div
      className={["colloquy-file-search", className].filter(Boolean).join(" ")}
      data-state={state}
      {...rest}
    >
      <div className="colloquy-file-search__header" role="status">
        <span className="colloquy-file-search__indicator" aria-hidden="true" />
        <span className="colloquy-file-search__label">{label}</span>
        {done ? (
          <span className="colloquy-file-search__count">
            {part.item.results ? strings.resultCount(results.length) : strings.noResults}
          </span>
        ) : null}
      </div>
      {part.item.queries.length > 0 ? (
        <ul className="colloquy-file-search__queries">
          {part.item.queries.map((query) => (
            <li key={query} className="colloquy-file-search__query">
              {query}
            </li>
          ))}
        </ul>
      ) : null}
      {results.length > 0 ? (
        <ol className="colloquy-file-search__results">
          {results.map((result, index) => {
            const snippet = result.text?.trim();
            return (
              <li key={`${result.file_id ?? ""}:${index}`} className="colloquy-file-search__result">
                <div className="colloquy-file-search__result-header">
                  <span className="colloquy-file-search__filename">
                    {result.filename ?? result.file_id ?? strings.file}
                  </span>
                  {typeof result.score === "number" ? (
                    <span className="colloquy-file-search__score">
                      {strings.score(result.score)}
                    </span>
                  ) : null}
                </div>
                {snippet ? (
                  <p className="colloquy-file-search__snippet">
                    {snippet.length > maxSnippetLength
                      ? `${snippet.slice(0, maxSnippetLength - 1)}…`
                      : snippet}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : null}
    </div>
  );
}
