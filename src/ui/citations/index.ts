/** Citations, sources, and the search tools that produce them. */
export * from "./number-citations.js";
export * from "./citation-marker.js";
export * from "./text-with-citations.js";
export * from "./sources.js";
export * from "./web-search-progress.js";
export * from "./file-search-results.js";
export {
  ContainerFileChip,
  containerFileContentUrl,
  useFileConnection,
  type ContainerFileChipProps,
} from "./container-file-chip.js";
export { FileConnectionProvider, type FileConnection } from "./file-connection.js";
