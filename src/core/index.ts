/**
 * colloquy: the framework-free client core. Message model, conversion for both OpenAI
 * APIs, streaming accumulation, and the client.
 *
 * Every export is listed by name, one statement per module, grouped by folder: the public
 * surface is a decision (api/core.api.md is its report). Helpers used only inside the package
 * are imported from their own files, not from here.
 */

// chat/: the store behind useChat, its storage, branches and tool runner
export {
  AttachmentError,
  defaultAttachmentLimits,
  type AttachmentLimits,
} from "./chat/attachments.js";
export {
  branchPosition,
  ROOT_BRANCH,
  type BranchPoint,
  type BranchPosition,
  type ChatBranches,
} from "./chat/branches.js";
export { ChatStore } from "./chat/chat-store.js";
export {
  indexedDbChatStorage,
  type IndexedDbChatStorageOptions,
} from "./chat/indexed-db-storage.js";
export {
  localStorageChatStorage,
  type LocalStorageChatStorageOptions,
} from "./chat/local-storage.js";
export { memoryChatStorage, type ChatStorage, type StoredChat } from "./chat/storage.js";
export { pendingApprovals, type PendingApproval } from "./chat/approvals.js";
export {
  attachToolRunner,
  type ComputerActionContext,
  type ComputerExecutor,
  type RunnableTool,
  type ToolRunner,
  type ToolRunnerOptions,
} from "./chat/tool-runner.js";
export type {
  ApprovalResponse,
  ChatState,
  ChatStatus,
  ChatStoreClient,
  ChatStoreOptions,
  NotifyMode,
  SendInput,
  SendResult,
  ToolResult as ChatToolResult,
} from "./chat/types.js";

// client/: createChatClient and its request and result types
export { BatchItemError } from "./client/batch.js";
export { createChatClient } from "./client/create-chat-client.js";
export type {
  ApiChoice,
  BatchOptions,
  BatchResult,
  BindToolsOptions,
  BuiltinTool,
  BuiltRequest,
  ChatClient,
  ChatClientOptions,
  ChatInput,
  ChatRequestBody,
  ConversationState,
  DeepPartial,
  HeadersOption,
  RawStreamEvent,
  RequestParams,
  ResolvedApi,
  ResponseFormat,
  ResponsesRequestBody,
  ResumeOptions,
  StructuredClient,
  StructuredOrToolCalls,
  StructuredOutputMethod,
  StructuredOutputOptions,
  StructuredOutputWithToolsOptions,
  StructuredStreamUpdate,
  StructuredWithRaw,
  ToolChoice,
  ToolInput,
} from "./client/types.js";

// convert/: pure converters between messages and both APIs
export {
  messageFromChatCompletion,
  type MessageFromChatCompletionOptions,
} from "./convert/message-from-chat-completion.js";
export {
  messageFromResponse,
  type MessageFromResponseOptions,
} from "./convert/message-from-response.js";
export { partsFromOutputItem } from "./convert/parts-from-output-item.js";
export type { ConversionResult, ConversionWarning } from "./convert/result.js";
export {
  toChatCompletionsMessages,
  type ToChatCompletionsOptions,
} from "./convert/to-chat-completions-messages.js";
export {
  toMessage,
  toMessages,
  type MessageInput,
  type ShorthandRole,
} from "./convert/to-messages.js";
export { toResponsesInput, type ToResponsesInputOptions } from "./convert/to-responses-input.js";

// errors
export { APIError, ColloquyError, isColloquyError, type ColloquyErrorCode } from "./errors.js";
export { ValidationError } from "./validation-error.js";

// model/: messages, parts, annotations, guards and constructors
export type {
  Annotation,
  ContainerFileCitation,
  FileCitation,
  FilePathAnnotation,
  UnknownAnnotation,
  UrlCitation,
} from "./model/annotations.js";
export type { ApprovalDecision } from "./model/approval-decision.js";
export { withAudioFormat } from "./model/audio-format.js";
export type {
  AnyBuiltinToolPart,
  ApplyPatchCallOutputPart,
  ApplyPatchCallPart,
  BuiltinToolPart,
  BuiltinToolState,
  ClientRunApproval,
  ClientToolOutputItem,
  CodeInterpreterCallPart,
  CompactionPart,
  ComputerCallOutput,
  ComputerCallOutputPart,
  ComputerCallPart,
  FileSearchCallPart,
  McpApprovalRequestPart,
  McpApprovalResponsePart,
  McpCallPart,
  McpListToolsPart,
  ShellCallOutputPart,
  ShellCallPart,
  ToolSearchCallPart,
  ToolSearchOutputPart,
  WebSearchCallPart,
} from "./model/builtin-tool-parts.js";
export {
  createMessage,
  createMessageId,
  createTextMessage,
  type CreateMessageInit,
} from "./model/create.js";
export {
  isAudioPart,
  isBuiltinToolPart,
  isFilePart,
  isImagePart,
  isPartStreaming,
  isPartType,
  isReasoningPart,
  isRefusalPart,
  isTextPart,
  isToolCallPart,
  isUnknownPart,
  messageText,
  messageToolCalls,
} from "./model/guards.js";
export type {
  Message,
  MessageAlternative,
  MessageError,
  MessageMetadata,
  MessageStatus,
  Role,
} from "./model/message.js";
export {
  BUILTIN_TOOL_PART_TYPES,
  builtinPartType,
  PART_TYPES,
  type BuiltinToolPartType,
  type PartTypeTraits,
} from "./model/part-types.js";
export type {
  AudioPart,
  FilePart,
  ImageGenerationState,
  ImageOrigin,
  ImagePart,
  Part,
  PartOfType,
  PartType,
  ReasoningPart,
  ReasoningSummary,
  RefusalPart,
  StreamState,
  TextPart,
  UnknownPart,
} from "./model/parts.js";
export type {
  ToolCallApprovalRequested,
  ToolCallInputAvailable,
  ToolCallInputStreaming,
  ToolCallOutputAvailable,
  ToolCallOutputDenied,
  ToolCallOutputError,
  ToolCallPart,
  ToolCallState,
} from "./model/tool-call-part.js";
export type { TokenLogprob, Usage } from "./model/usage.js";

// stream/: folding streamed events into message snapshots
export { accumulateChatChunk } from "./stream/accumulate-chat-chunk.js";
export {
  accumulateResponsesEvent,
  type AccumulateResponsesOptions,
} from "./stream/accumulate-responses-event.js";
export { createAssistantMessage } from "./stream/create-assistant-message.js";
export { readChatStream } from "./stream/read-chat-stream.js";
export { readMessageStream } from "./stream/read-message-stream.js";
export { readResponsesStream } from "./stream/read-responses-stream.js";
export type {
  ApplyPatchDiffDeltaEvent,
  ApplyPatchDiffDoneEvent,
  MessageStream,
  MessageStreamEvent,
  ReadMessageStreamOptions,
  ReadStreamOptions,
  ResponsesStreamEvent,
  StreamApi,
  StreamUpdate,
  UnknownStreamEvent,
} from "./stream/types.js";

// structured/: schemas, JSON Schema and partial JSON
export { jsonSchemaOf } from "./structured/json-schema.js";
export { toStrictJsonSchema } from "./structured/strict-json-schema.js";
export { createPartialJsonParser, type PartialJsonParser } from "./structured/partial-json.js";
export type { InferSchema, JsonSchema, Schema } from "./structured/schema-types.js";
export type {
  StandardSchemaIssue,
  StandardSchemaProps,
  StandardSchemaResult,
  StandardSchemaTypes,
  StandardSchemaV1,
} from "./structured/standard-schema.js";

// template/: prompt templates
export { createPromptTemplate } from "./template/create-prompt-template.js";
export { parseTemplate, type TemplateSegment } from "./template/parse-template.js";
export type {
  MessagesTemplateVariables,
  MessageTemplateEntry,
  PlaceholderVariables,
  PromptTemplate,
  TemplateRole,
  TemplateValue,
  TemplateValues,
  TemplateVariables,
  TextPromptTemplate,
} from "./template/types.js";

// tools/: tool definitions and their wire form
export { isClientRunCall, type ClientRunCallPart } from "./tools/client-run-calls.js";
export { DENIED_CLIENT_RUN_OUTPUT, failedClientRunOutput } from "./tools/client-run-outputs.js";
export {
  isClientRunToolDefinition,
  type AnyClientRunToolDefinition,
  type ClientRunToolDefinition,
  type ClientRunToolType,
} from "./tools/client-run-types.js";
export {
  defineApplyPatchTool,
  type ApplyPatchOperation,
  type ApplyPatchResult,
  type DefineApplyPatchToolOptions,
} from "./tools/define-apply-patch-tool.js";
export {
  defineCustomTool,
  isCustomToolDefinition,
  type DefineCustomToolOptions,
} from "./tools/define-custom-tool.js";
export {
  defineLocalShellTool,
  shellCommandsOf,
  type DefineLocalShellToolOptions,
  type ShellCommand,
  type ShellCommandResult,
} from "./tools/define-local-shell-tool.js";
export { defineToolSearch, type DefineToolSearchOptions } from "./tools/define-tool-search.js";
export { defineTool, isToolDefinition, type DefineToolOptions } from "./tools/define-tool.js";
export { parseToolArguments } from "./tools/parse-tool-arguments.js";
export { toChatTools, toResponsesTools } from "./tools/to-wire-tools.js";
export type {
  AnyToolDefinition,
  CustomToolDefinition,
  CustomToolFormat,
  ParsedToolArguments,
  ToolArgs,
  ToolDefinition,
  ToolExecuteContext,
  ToolResult,
} from "./tools/types.js";
