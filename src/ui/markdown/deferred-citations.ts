import type { Annotation } from "../../core/index.js";
import type { CitationMarker } from "../citations/citation-marker.js";
import type { ContainerFileChip } from "../citations/container-file-chip.js";
import type { numberCitations } from "../citations/number-citations.js";
import { preloadLazyModule } from "./use-lazy-module.js";

/** The citation code `<Markdown>` loads on first use: the numbering, the marker, the file chip. */
export interface CitationLayer {
  /** Numbers the citations and places their markers (see `numberCitations`). */
  numberCitations: typeof numberCitations;
  /** The inline marker or chip (see `CitationMarker`). */
  CitationMarker: typeof CitationMarker;
  /** The chip of a file the code interpreter wrote (see `ContainerFileChip`). */
  ContainerFileChip: typeof ContainerFileChip;
}

/**
 * Loads the citation layer once, for `useLazyModule`; resolves `null` when its chunk cannot
 * be fetched, and the text then shows whole, its links as the model wrote them.
 */
export const loadCitationLayer = (): Promise<CitationLayer | null> =>
  import("../citations/citation-layer.js").catch(() => null);

/** Fetches the citation layer now; rejects when its chunk cannot be fetched. */
export async function preloadCitationLayer(): Promise<void> {
  if (!(await preloadLazyModule(loadCitationLayer))) {
    throw new Error(
      "The citation code could not be loaded; cited text shows its links as written.",
    );
  }
}

/**
 * Where the first citation of `text` begins (its span's start, or a point citation's index),
 * or `undefined` when no annotation is a citation. Until the citation layer has loaded, the
 * text from there on waits, as a half-written citation link does while streaming, so the
 * model's own link never flashes before its chip takes its place.
 */
export function firstCitationIndex(
  annotations: readonly Annotation[] | undefined,
  text: string,
): number | undefined {
  let first: number | undefined;
  for (const annotation of annotations ?? []) {
    const index =
      annotation.type === "url_citation" || annotation.type === "container_file_citation"
        ? annotation.startIndex
        : annotation.type === "file_citation"
          ? annotation.index
          : undefined;
    if (index === undefined) continue;
    const clamped = Math.max(0, Math.min(Number.isFinite(index) ? index : 0, text.length));
    first = first === undefined ? clamped : Math.min(first, clamped);
  }
  return first;
}
