/** The composer's parts, for use inside the package; the public list is src/ui/index.ts. */
export {
  AttachmentList,
  type AttachmentListProps,
  type ComposerAttachment,
} from "./attachment-list.js";
export { ComposerAttachments, ComposerDropHint } from "./composer-attachments.js";
export {
  ComposerAction,
  ComposerAttach,
  ComposerSend,
  ComposerStop,
  type ComposerButtonProps,
} from "./composer-buttons.js";
export { ComposerRecord } from "./composer-record.js";
export { useComposerContext } from "./composer-context.js";
export { ComposerInput, type ComposerInputProps } from "./composer-input.js";
export { ComposerRoot, type ComposerRootProps } from "./composer-root.js";
export { Composer, type ComposerProps } from "./composer.js";
export { useAutosize } from "./use-autosize.js";
export {
  useComposerState,
  type ComposerMessage,
  type ComposerOptions,
  type ComposerState,
  type ComposerStatus,
  type RejectedFile,
} from "./use-composer-state.js";
export {
  formatFileSize,
  matchesAccept,
  MAX_ATTACHMENT_BYTES,
  parseAccept,
  validateAttachment,
  type AttachmentProblem,
} from "./validate-attachment.js";
