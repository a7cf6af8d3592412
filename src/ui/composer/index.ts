export { Composer, type ComposerProps } from "./composer.js";
export { ComposerRoot, type ComposerRootProps } from "./composer-root.js";
export { ComposerInput, type ComposerInputProps } from "./composer-input.js";
export {
  ComposerAction,
  ComposerAttach,
  ComposerSend,
  ComposerStop,
  type ComposerButtonProps,
} from "./composer-buttons.js";
export { ComposerRecord } from "./composer-record.js";
export { ComposerAttachments, ComposerDropHint } from "./composer-attachments.js";
export { useComposerContext } from "./composer-context.js";
export {
  useComposerState,
  type ComposerMessage,
  type ComposerOptions,
  type ComposerState,
  type ComposerStatus,
  type RejectedFile,
} from "./use-composer-state.js";
export * from "./attachment-list.js";
export * from "./validate-attachment.js";
export * from "./use-autosize.js";
