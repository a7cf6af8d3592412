/** Messages and the conversation list. */
export * from "./part-renderers.js";
export * from "./part-view.js";
export { UnknownPartView, type UnknownPartViewProps } from "./item-part-view.js";
export { preloadPartViews } from "./deferred-part-views.js";
export * from "./message.js";
export * from "./message-list.js";
export * from "./use-stick-to-bottom.js";
