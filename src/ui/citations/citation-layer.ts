// What turns a text part's citations into markers: the numbering, the marker and the file chip, one
// chunk that `<Markdown>` loads the first time a text carries citations (most answers never
// do), see src/ui/markdown/deferred-citations.ts.
export { CitationMarker } from "./citation-marker.js";
export { ContainerFileChip } from "./container-file-chip.js";
export { numberCitations } from "./number-citations.js";
