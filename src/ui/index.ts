/** colloquy/ui: composable React components for OpenAI chat output. */
export * from "./theme/index.js";
export * from "./primitives/index.js";
export * from "./strings/index.js";
export * from "./tool-call/index.js";
export * from "./composer/index.js";
export * from "./images/index.js";
export * from "./computer/index.js";
export * from "./markdown/index.js";
export * from "./citations/index.js";
export * from "./reasoning/index.js";
export * from "./logprobs/index.js";
export * from "./token-usage/index.js";
export * from "./message/index.js";
export {
  MessageActions,
  MessageActionsRoot,
  MessageBranchPicker,
  MessageCopyMarkdown,
  MessageCopyPlainText,
  MessageEdit,
  MessageEditForm,
  MessageFeedbackButtons,
  MessageRegenerate,
  plainTextFromMarkdown,
  useMessageActions,
  type MessageActionButtonProps,
  type MessageActionsContextValue,
  type MessageActionsRootProps,
  type MessageBranch,
  type MessageBranchPickerProps,
  type MessageCopyProps,
  type MessageEditFormProps,
  type MessageFeedback,
  type MessageFeedbackProps,
} from "./message-actions/index.js";
export * from "./chat/index.js";
