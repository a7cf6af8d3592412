/**
 * colloquy/ui: composable React components for OpenAI chat output.
 *
 * Every export is listed by name, one statement per module, grouped by folder: the public
 * surface is a decision (api/ui.api.md is its report). Helpers used only inside the package
 * are imported from their own files, not from here.
 */

// chat/: the whole chat, composed from the parts below
export { ChatErrorBanner, type ChatErrorBannerProps } from "./chat/chat-error-banner.js";
export { Chat, type ChatProps } from "./chat/chat.js";

// citations/: citations, sources and the search tools that produce them
export { CitationMarker, type CitationMarkerProps } from "./citations/citation-marker.js";
export {
  ContainerFileChip,
  containerFileContentUrl,
  useFileConnection,
  type ContainerFileChipProps,
} from "./citations/container-file-chip.js";
export { FileConnectionProvider, type FileConnection } from "./citations/file-connection.js";
export { FileSearchResults, type FileSearchResultsProps } from "./citations/file-search-results.js";
export { Sources, type SourcesProps } from "./citations/sources.js";
export { TextWithCitations, type TextWithCitationsProps } from "./citations/text-with-citations.js";
export {
  WebSearchProgress,
  type WebSearchProgressProps,
  type WebSearchProgressState,
} from "./citations/web-search-progress.js";

// composer/: the composer and its parts
export {
  AttachmentList,
  type AttachmentListProps,
  type ComposerAttachment,
} from "./composer/attachment-list.js";
export { ComposerAttachments, ComposerDropHint } from "./composer/composer-attachments.js";
export {
  ComposerAction,
  ComposerAttach,
  ComposerSend,
  ComposerStop,
  type ComposerButtonProps,
} from "./composer/composer-buttons.js";
export { useComposerContext } from "./composer/composer-context.js";
export { ComposerRecord } from "./composer/composer-record.js";
export { ComposerInput, type ComposerInputProps } from "./composer/composer-input.js";
export { ComposerRoot, type ComposerRootProps } from "./composer/composer-root.js";
export { Composer, type ComposerProps } from "./composer/composer.js";
export {
  useComposerState,
  type ComposerMessage,
  type ComposerOptions,
  type ComposerState,
  type ComposerStatus,
  type RejectedFile,
} from "./composer/use-composer-state.js";
export {
  acceptsRecordings,
  MAX_ATTACHMENT_BYTES,
  type AttachmentProblem,
} from "./composer/validate-attachment.js";

// computer/: computer use
export { ActionOverlay, type ActionOverlayProps } from "./computer/action-overlay.js";
export type { ComputerAction } from "./computer/computer-actions.js";
export {
  ComputerScreenshot,
  type ComputerScreenshotProps,
  type PendingSafetyCheck,
} from "./computer/computer-screenshot.js";
export { ComputerTimeline, type ComputerTimelineProps } from "./computer/computer-timeline.js";
export { SafetyCheckPrompt, type SafetyCheckPromptProps } from "./computer/safety-check-prompt.js";

// images/: images in and out
export { GeneratedImage, type GeneratedImageProps } from "./images/generated-image.js";
export { ImageGallery, type ImageGalleryProps } from "./images/image-gallery.js";
export { ImageLightbox, type ImageLightboxProps } from "./images/image-lightbox.js";
export { ImageThumbnails, type ImageThumbnailsProps } from "./images/image-thumbnails.js";

// logprobs/: token confidence
export { Logprobs, type LogprobsProps } from "./logprobs/logprobs.js";

// markdown/: streaming, safe markdown
export { ClickToLoadImage, type ClickToLoadImageProps } from "./markdown/click-to-load-image.js";
export { CodeBlock, type CodeBlockProps } from "./markdown/code-block.js";
export {
  defaultImagePolicy,
  ImagePolicyProvider,
  useImagePolicy,
  type ImageLoad,
  type ImagePolicy,
} from "./markdown/image-policy.js";
export {
  lexMarkdown,
  type LexedMarkdown,
  type LexFunction,
  type MarkdownBlock,
} from "./markdown/incremental-lexer.js";
export type { Highlighter, MathRenderer } from "./markdown/markdown-context.js";
export { Markdown, type MarkdownProps } from "./markdown/markdown.js";
export { lexMarkdownWithMath, type MathToken } from "./markdown/math-lexer.js";
export {
  defaultImageProtocols,
  defaultLinkProtocols,
  type UrlPolicy,
} from "./markdown/url-policy.js";

// message-actions/: copy, regenerate, edit, feedback, versions
export {
  MessageCopyMarkdown,
  MessageCopyPlainText,
  MessageEdit,
  MessageRegenerate,
  type MessageActionButtonProps,
  type MessageCopyProps,
} from "./message-actions/action-buttons.js";
export {
  MessageBranchPicker,
  type MessageBranchPickerProps,
} from "./message-actions/branch-picker.js";
export { MessageEditForm, type MessageEditFormProps } from "./message-actions/edit-form.js";
export { MessageFeedbackButtons, type MessageFeedbackProps } from "./message-actions/feedback.js";
export { MessageActions } from "./message-actions/index.js";
export {
  MessageActionsRoot,
  useMessageActions,
  type MessageActionsContextValue,
  type MessageActionsRootProps,
  type MessageBranch,
  type MessageFeedback,
} from "./message-actions/message-actions-context.js";
export { plainTextFromMarkdown } from "./message-actions/plain-text.js";

// message/: messages, parts and the conversation list
export { preloadPartViews } from "./message/deferred-part-views.js";
export { UnknownPartView, type UnknownPartViewProps } from "./message/item-part-view.js";
export { MessageList, type MessageListProps } from "./message/message-list.js";
export { Message, type MessageProps } from "./message/message.js";
export type { PartRenderContext, PartRenderer, PartRenderers } from "./message/part-renderers.js";
export {
  ChatViewProvider,
  useChatView,
  type ChatViewProviderProps,
  type ChatViewSettings,
  type PartActions,
} from "./message/chat-view-context.js";
export { PartView, type PartViewProps } from "./message/part-view.js";

// primitives/: building blocks for composing parts
export { composeEventHandlers } from "./primitives/compose-event-handlers.js";
export { composeRefs, useComposedRefs } from "./primitives/compose-refs.js";
export { CopyButton, type CopyButtonProps, type CopyState } from "./primitives/copy-button.js";
export { Slot, type SlotProps } from "./primitives/slot.js";
export {
  useControllableState,
  type ControllableStateSetter,
  type UseControllableStateOptions,
} from "./primitives/use-controllable-state.js";

// reasoning/: reasoning summaries
export { Reasoning, type ReasoningProps } from "./reasoning/reasoning.js";

// strings/: UI strings and their overrides
export { defaultAudioInputStrings, type AudioInputStrings } from "./strings/audio-input-strings.js";
export { defaultChatErrorStrings, type ChatErrorStrings } from "./strings/chat-error-strings.js";
export { defaultStrings, type UiStrings } from "./strings/default-strings.js";
export { defaultFileChipStrings, type FileChipStrings } from "./strings/file-chip-strings.js";
export { defaultItemViewStrings, type ItemViewStrings } from "./strings/item-view-strings.js";
export {
  defaultMessageActionStrings,
  type MessageActionStrings,
} from "./strings/message-action-strings.js";
export {
  StringsProvider,
  useStrings,
  type StringsProviderProps,
} from "./strings/strings-context.js";
export { defaultToolStrings, type ToolStrings } from "./strings/tool-strings.js";

// theme/: the themed root
export { ThemeRoot, type ColloquyTheme, type ThemeRootProps } from "./theme/theme-root.js";

// token-usage/: token counts
export { TokenUsage, type TokenUsageProps } from "./token-usage/token-usage.js";

// tool-call/: tool calls and built-in tool cards
export { ApplyPatchCall, type ApplyPatchCallProps } from "./tool-call/apply-patch-call.js";
export {
  CodeInterpreterCall,
  type CodeInterpreterCallProps,
} from "./tool-call/code-interpreter-call.js";
export { DiffView, type DiffViewProps } from "./tool-call/diff-view.js";
export {
  McpApprovalRequest,
  type McpApprovalRequestProps,
} from "./tool-call/mcp-approval-request.js";
export { McpCall, type McpCallProps } from "./tool-call/mcp-call.js";
export { McpListTools, type McpListToolsProps } from "./tool-call/mcp-list-tools.js";
export {
  ShellCall,
  ShellCallOutput,
  type ShellCallOutputProps,
  type ShellCallProps,
} from "./tool-call/shell-call.js";
export { ToolCall, type ToolCallProps } from "./tool-call/tool-call.js";
export {
  ApprovalActions,
  ToolCard,
  ToolCode,
  ToolSection,
  type ApprovalActionsProps,
  type ToolCardProps,
  type ToolCodeProps,
  type ToolSectionProps,
} from "./tool-call/tool-card.js";
export {
  ToolStateBadge,
  type AnyToolState,
  type ToolStateBadgeProps,
} from "./tool-call/tool-state-badge.js";
