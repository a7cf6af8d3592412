import type { Annotation } from "../../core/index.js";

/** A cited source, once per distinct URL or file. */
export interface CitationSource {
  /** 1-based number shown in markers and the sources list (0 for a container file's chip). */
  number: number;
  /** `url` for web pages, `file` for files (file search, container files). */
  kind: "url" | "file";
  /** The page URL (web) or the file id (files). */
  key: string;
  /** The page URL, for web sources. */
  url?: string;
  /** The page title or file name, when known. */
  title?: string;
  /** The file id, for file sources. */
  fileId?: string;
  /**
   * The code interpreter container holding the file, for files the model wrote there
   * (`container_file_citation`): such a source is shown as a file chip that downloads it.
   */
  containerId?: string;
  /** The text the model cited from this source (the first span found), when known. */
  snippet?: string;
}

/** A marker to place in the text. */
export interface CitationMarkerPlacement {
  /**
   * UTF-16 offset in the text where the marker goes: after the cited span, or where the
   * markdown link it replaces starts.
   */
  index: number;
  /** The source it points at. */
  source: CitationSource;
  /**
   * How many characters of the text from `index` the marker takes the place of: the model's
   * own markdown link to the same source (`([example.com](https://example.com/...))`), shown
   * as this citation instead of beside it. Absent when the marker is only inserted.
   */
  replaces?: number;
}

/** Markers in text order and the deduplicated sources they number. */
export interface NumberedCitations {
  /** One per citation annotation, sorted by `index`. */
  markers: CitationMarkerPlacement[];
  /** Distinct sources in order of first citation (container files, shown as chips, not among them). */
  sources: CitationSource[];
}

/**
 * Numbers the citations of a text part: every distinct source (by URL, or by file id)
 * gets one number in order of first appearance, and every annotation a marker position
 * (`endIndex` for spans, `index` for point citations), clamped to the text.
 */
export function numberCitations(
  annotations: readonly Annotation[] | undefined,
  text = "",
): NumberedCitations {
  const sources: CitationSource[] = [];
  const byKey = new Map<string, CitationSource>();
  const markers: CitationMarkerPlacement[] = [];
  const sourceFor = (key: string, create: () => Omit<CitationSource, "number">) => {
    let source = byKey.get(key);
    if (!source) {
      source = { ...create(), number: sources.length + 1 };
      byKey.set(key, source);
      sources.push(source);
    }
    return source;
  };
  const clamp = (index: number) => Math.max(0, Math.min(index, text.length));

  for (const annotation of annotations ?? []) {
    switch (annotation.type) {
      case "url_citation": {
        const snippet = spanText(text, annotation.startIndex, annotation.endIndex);
        const source = sourceFor(`url:${annotation.url}`, () => ({
          kind: "url",
          key: annotation.url,
          url: annotation.url,
          ...(annotation.title ? { title: annotation.title } : {}),
          ...(snippet ? { snippet } : {}),
        }));
        markers.push(
          citedLink(text, annotation.startIndex, annotation.endIndex, annotation.url, source) ?? {
            index: clamp(annotation.endIndex),
            source,
          },
        );
        break;
      }
      case "file_citation": {
        const source = sourceFor(`file:${annotation.fileId}`, () => ({
          kind: "file",
          key: annotation.fileId,
          fileId: annotation.fileId,
          ...(annotation.filename ? { title: annotation.filename } : {}),
        }));
        markers.push({ index: clamp(annotation.index), source });
        break;
      }
      case "container_file_citation": {
        // A file the model wrote is no source of its answer: it shows as its chip only,
        // unnumbered and out of the sources list.
        const source: CitationSource = {
          number: 0,
          kind: "file",
          key: annotation.fileId,
          fileId: annotation.fileId,
          containerId: annotation.containerId,
          ...(annotation.filename ? { title: annotation.filename } : {}),
        };
        // The chip takes the place of the model's `sandbox:` link to the file.
        const link = sandboxLink(
          text,
          annotation.startIndex,
          annotation.endIndex,
          annotation.filename,
        );
        if (link) markers.push({ ...link, source });
        // An empty span with no link to it cites the tool's own image output (OpenAI sends
        // 0..0), already shown in the code interpreter's card: no chip at the text's start.
        else if (annotation.endIndex > annotation.startIndex)
          markers.push({ index: clamp(annotation.endIndex), source });
        break;
      }
      default:
        break;
    }
  }
  markers.sort((a, b) => a.index - b.index);
  // Two annotations of one link: the first takes the link's place, the next goes after it.
  let replacedUntil = 0;
  for (const marker of markers) {
    if (marker.index < replacedUntil) {
      marker.index = replacedUntil;
      delete marker.replaces;
    }
    if (marker.replaces) replacedUntil = marker.index + marker.replaces;
  }
  return { markers, sources };
}

// A markdown link, with the parentheses OpenAI wraps it in when it cites a source.
const MARKDOWN_LINK = /(\()?\[([^[\]]*)\]\(\s*<?([^\s()<>]+)>?\s*\)(\))?/g;
// The start of such a link whose end has not arrived yet: "(", "([site", "([site](https://ex".
const OPEN_LINK = /^\s*\(?(?:\[[^[\]]*(?:\](?:\([^()\s]*\)?)?)?)?$/;

/**
 * The marker that takes the place of the model's own link to the cited URL inside the
 * span, so the citation is shown once. While the span is still arriving (its end beyond
 * the text) and what has arrived is only the start of a link, the marker stands in for
 * that partial text, which would otherwise flash as broken markdown.
 */
function citedLink(
  text: string,
  start: number,
  end: number,
  url: string,
  source: CitationSource,
): CitationMarkerPlacement | undefined {
  if (!(start >= 0) || !(end > start) || start >= text.length) return undefined;
  if (end > text.length) {
    const rest = text.slice(start);
    return OPEN_LINK.test(rest) ? { index: start, source, replaces: rest.length } : undefined;
  }
  const span = text.slice(start, end);
  for (const match of span.matchAll(MARKDOWN_LINK)) {
    if (!sameUrl(match[3]!, url)) continue;
    // Only a pair of wrapping parentheses goes with the link; a lone one belongs to the prose.
    const wrapped = match[1] !== undefined && match[4] !== undefined;
    const from = match.index + (match[1] !== undefined && !wrapped ? 1 : 0);
    const length =
      match[0].length -
      (match[1] !== undefined && !wrapped ? 1 : 0) -
      (match[4] !== undefined && !wrapped ? 1 : 0);
    return { index: start + from, source, replaces: length };
  }
  return undefined;
}

// A markdown link into the code interpreter's sandbox: `[Download the plot](sandbox:/mnt/data/plot.png)`.
const SANDBOX_LINK = /\[([^[\]]*)\]\(\s*<?(sandbox:[^\s()<>]+)>?\s*\)/g;

/**
 * Where the model's `sandbox:` link to a cited container file is, so the file chip takes
 * its place. OpenAI's span covers the link's URL (or the whole link); a span that misses
 * every link (recorded ones are sometimes 0..0) falls back to the link whose path ends in
 * the cited file's name.
 */
function sandboxLink(
  text: string,
  start: number,
  end: number,
  filename: string | undefined,
): Omit<CitationMarkerPlacement, "source"> | undefined {
  let byName: Omit<CitationMarkerPlacement, "source"> | undefined;
  for (const match of text.matchAll(SANDBOX_LINK)) {
    const from = match.index;
    const to = from + match[0].length;
    const placement = { index: from, replaces: match[0].length };
    if (end > start && start < to && end > from) return placement;
    const path = match[2]!;
    if (!byName && filename && path.slice(path.lastIndexOf("/") + 1) === filename) {
      byName = placement;
    }
  }
  return byName;
}

function sameUrl(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return false;
  }
}

// The cited span often is the markdown link itself ("([site](url))"); such a span says
// nothing a reader needs, so only prose is kept as a snippet.
function spanText(text: string, start: number, end: number): string | undefined {
  if (!(end > start) || end > text.length) return undefined;
  const span = text.slice(start, end).trim();
  if (!span || /^\(?\[[^\]]*\]\([^)]*\)\)?$/.test(span)) return undefined;
  return span.length > 280 ? `${span.slice(0, 277)}…` : span;
}
