import { createContext } from "react";
import type { ChatStore } from "../../core/chat/chat-store.js";
import type { MessageFeedback } from "../message-actions/message-actions-context.js";

/** What `<Chat>`'s message actions act on. */
export interface ChatActionsValue {
  /** The conversation. */
  store: ChatStore;
  /** Where ratings go; no feedback buttons without it. */
  onFeedback?: ((feedback: MessageFeedback) => void) | undefined;
}

/** Gives `ChatMessageActions` the store, so the message rows stay memoised. */
export const ChatActionsContext = createContext<ChatActionsValue | undefined>(undefined);
