/**
 * colloquy: the framework-free client core. Message model, conversion for both OpenAI
 * APIs, streaming accumulation, and the client.
 */
export type * from "./model/annotations.js";
export type * from "./model/usage.js";
export type * from "./model/parts.js";
export type * from "./model/message.js";
export * from "./errors.js";
export * from "./convert/parts-from-output-item.js";
export type * from "./client/types.js";
export type * from "./tools/types.js";
export type * from "./structured/schema-types.js";
export type * from "./structured/standard-schema.js";
export * from "./chat/index.js";
export * from "./model/guards.js";
export {
  BUILTIN_TOOL_PART_TYPES,
  builtinPartType,
  PART_TYPES,
  type BuiltinToolPartType,
  type PartTypeTraits,
} from "./model/part-types.js";
export * from "./model/create.js";
export { withAudioFormat } from "./model/audio-format.js";
export type * from "./convert/result.js";
export * from "./convert/usage-from-wire.js";
export * from "./convert/message-from-response.js";
export * from "./convert/message-from-chat-completion.js";
export * from "./convert/to-chat-completions-messages.js";
export * from "./convert/to-responses-input.js";
export * from "./convert/to-messages.js";
export { createChatClient } from "./client/create-chat-client.js";
export { BatchItemError } from "./client/batch.js";
export { defineTool, isToolDefinition } from "./tools/define-tool.js";
export type { DefineToolOptions } from "./tools/define-tool.js";
export { defineCustomTool, isCustomToolDefinition } from "./tools/define-custom-tool.js";
export type { DefineCustomToolOptions } from "./tools/define-custom-tool.js";
export { defineApplyPatchTool } from "./tools/define-apply-patch-tool.js";
export type {
  ApplyPatchOperation,
  ApplyPatchResult,
  DefineApplyPatchToolOptions,
} from "./tools/define-apply-patch-tool.js";
export { defineLocalShellTool, shellCommandsOf } from "./tools/define-local-shell-tool.js";
export type {
  DefineLocalShellToolOptions,
  ShellCommand,
  ShellCommandResult,
} from "./tools/define-local-shell-tool.js";
export { defineToolSearch } from "./tools/define-tool-search.js";
export type { DefineToolSearchOptions } from "./tools/define-tool-search.js";
export { isClientRunToolDefinition } from "./tools/client-run-types.js";
export type {
  AnyClientRunToolDefinition,
  ClientRunToolDefinition,
  ClientRunToolType,
} from "./tools/client-run-types.js";
export { isClientRunCall, type ClientRunCallPart } from "./tools/client-run-calls.js";
export { DENIED_CLIENT_RUN_OUTPUT, failedClientRunOutput } from "./tools/client-run-outputs.js";
export { parseToolArguments } from "./tools/parse-tool-arguments.js";
export { toChatTools, toResponsesTools } from "./tools/to-wire-tools.js";
export { createPartialJsonParser } from "./structured/partial-json.js";
export type { PartialJsonParser } from "./structured/partial-json.js";
export { jsonSchemaOf, toStrictJsonSchema } from "./structured/json-schema.js";
export type * from "./stream/types.js";
export { createAssistantMessage } from "./stream/create-assistant-message.js";
export {
  accumulateResponsesEvent,
  type AccumulateResponsesOptions,
} from "./stream/accumulate-responses-event.js";
export { accumulateChatChunk } from "./stream/accumulate-chat-chunk.js";
export { readMessageStream } from "./stream/read-message-stream.js";
export { readResponsesStream } from "./stream/read-responses-stream.js";
export { readChatStream } from "./stream/read-chat-stream.js";
export { createPromptTemplate } from "./template/create-prompt-template.js";
export type * from "./template/types.js";
export { parseTemplate } from "./template/parse-template.js";
export type { TemplateSegment } from "./template/parse-template.js";
