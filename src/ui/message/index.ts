/** Messages and the conversation list, for use inside the package; the public list is src/ui/index.ts. */
export { preloadPartViews } from "./deferred-part-views.js";
export { UnknownPartView, type UnknownPartViewProps } from "./item-part-view.js";
export { MessageList, type MessageListProps } from "./message-list.js";
export { Message, roleLabel, type MessageProps } from "./message.js";
export type { PartRenderContext, PartRenderer, PartRenderers } from "./part-renderers.js";
export {
  ChatViewProvider,
  useChatView,
  type ChatViewProviderProps,
  type ChatViewSettings,
  type PartActions,
} from "./chat-view-context.js";
export { PartView, type PartViewProps } from "./part-view.js";
export { useStickToBottom, type StickToBottom } from "./use-stick-to-bottom.js";
