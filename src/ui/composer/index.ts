export * from "./composer.js";
export * from "./attachment-list.js";
export * from "./validate-attachment.js";
export * from "./use-autosize.js";
