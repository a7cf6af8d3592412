/** Citations, sources, and the search tools that produce them. */
export * from "./number-citations.js";
export * from "./citation-marker.js";
export * from "./text-with-citations.js";
export * from "./sources.js";
export * from "./web-search-progress.js";
export * from "./file-search-results.js";
