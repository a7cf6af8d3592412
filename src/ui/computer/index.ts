export * from "./computer-actions.js";
export * from "./action-overlay.js";
export * from "./safety-check-prompt.js";
export * from "./computer-screenshot.js";
export * from "./computer-timeline.js";
