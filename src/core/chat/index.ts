export { ChatStore } from "./chat-store.js";
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
} from "./types.js";
export {
  AttachmentError,
  checkAttachment,
  defaultAttachmentLimits,
  readAttachments,
  type AttachmentLimits,
} from "./attachments.js";
export { memoryChatStorage, type ChatStorage, type StoredChat } from "./storage.js";
export { localStorageChatStorage, type LocalStorageChatStorageOptions } from "./local-storage.js";
export { indexedDbChatStorage, type IndexedDbChatStorageOptions } from "./indexed-db-storage.js";
export { isResumable, totalUsage } from "./conversation.js";
export { messageText } from "../model/guards.js";
export {
  branchPosition,
  ROOT_BRANCH,
  type BranchPoint,
  type BranchPosition,
  type ChatBranches,
} from "./branches.js";
export {
  closeUnansweredCalls,
  isAwaitingClient,
  isClientAnswer,
  isReadyToContinue,
  UNANSWERED_TOOL_OUTPUT,
} from "./tool-parts.js";
export {
  attachToolRunner,
  type ComputerActionContext,
  type ComputerExecutor,
  type RunnableTool,
  type ToolRunner,
  type ToolRunnerOptions,
} from "./tool-runner.js";
