/**
 * colloquy/react: hooks over the core's stores. `useChat` for conversations,
 * `useToolCalls` for client-side tools, and `<ColloquyProvider>` to give them all the same
 * connection options. `useStructuredOutput`, the one hook built on @tanstack/react-query,
 * lives in colloquy/react/structured-output, so an app without react-query needs none.
 */
export { ColloquyProvider, useColloquyOptions, type ColloquyProviderProps } from "./provider.js";
export type { ColloquyOptions } from "./options.js";
export { useChat, type UseChatOptions, type UseChatResult } from "./use-chat.js";
export { useChatClient } from "./use-chat-client.js";
export {
  messageById,
  shallowEqual,
  useChatSelector,
  useMessage,
  useMessageIds,
} from "./use-chat-selector.js";
export {
  useToolCalls,
  type PendingApproval,
  type UseToolCallsOptions,
  type UseToolCallsResult,
} from "./use-tool-calls.js";
