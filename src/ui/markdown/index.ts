/** Streaming, safe markdown rendering. */
export * from "./markdown.js";
export * from "./code-block.js";
export * from "./url-policy.js";
export {
  defaultImagePolicy,
  imageHost,
  imageLoad,
  isExternalImageUrl,
  ImagePolicyProvider,
  useImagePolicy,
  type ImageLoad,
  type ImagePolicy,
} from "./image-policy.js";
export { ClickToLoadImage, type ClickToLoadImageProps } from "./click-to-load-image.js";
export * from "./html-entities.js";
export * from "./incremental-lexer.js";
export * from "./repair-open-block.js";
export type { Highlighter, MathRenderer } from "./markdown-context.js";
export * from "./math-lexer.js";
