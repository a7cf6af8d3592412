// What turns a text part's citations into markers: the numbering and the marker itself, one
// chunk that `<Markdown>` loads the first time a text carries citations (most answers never
// do), see src/ui/markdown/deferred-citations.ts.
export { CitationMarker } from "./citation-marker.js";
export { numberCitations } from "./number-citations.js";
