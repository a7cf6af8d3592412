/** Actions under a message: copy, regenerate, edit and resend, feedback, versions. */
import {
  MessageCopyMarkdown,
  MessageCopyPlainText,
  MessageEdit,
  MessageRegenerate,
} from "./action-buttons.js";
import { MessageBranchPicker } from "./branch-picker.js";
import { MessageEditForm } from "./edit-form.js";
import { MessageFeedbackButtons } from "./feedback.js";
import { MessageActionsRoot } from "./message-actions-context.js";

export {
  MessageCopyMarkdown,
  MessageCopyPlainText,
  MessageEdit,
  MessageRegenerate,
  type MessageActionButtonProps,
  type MessageCopyProps,
} from "./action-buttons.js";
export { MessageBranchPicker, type MessageBranchPickerProps } from "./branch-picker.js";
export { MessageEditForm, type MessageEditFormProps } from "./edit-form.js";
export { MessageFeedbackButtons, type MessageFeedbackProps } from "./feedback.js";
export {
  MessageActionsRoot,
  useMessageActions,
  type MessageActionsContextValue,
  type MessageActionsRootProps,
  type MessageBranch,
  type MessageFeedback,
} from "./message-actions-context.js";
export { plainTextFromMarkdown } from "./plain-text.js";

/** The message action parts, Radix style: `<MessageActions.Root message={m}><MessageActions.Regenerate /></MessageActions.Root>`. */
export const MessageActions = {
  Root: MessageActionsRoot,
  CopyMarkdown: MessageCopyMarkdown,
  CopyPlainText: MessageCopyPlainText,
  Regenerate: MessageRegenerate,
  Edit: MessageEdit,
  EditForm: MessageEditForm,
  Feedback: MessageFeedbackButtons,
  BranchPicker: MessageBranchPicker,
};
