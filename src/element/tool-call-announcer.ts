import type { ChatStore } from "../core/chat/chat-store.js";
import type { ToolCallPart } from "../core/index.js";

/** A function tool call whose arguments are complete, as the store holds it. */
export interface AnnouncedToolCall {
  /** The assistant message holding the call. */
  messageId: string;
  /** The call part. */
  part: ToolCallPart;
}

/**
 * Calls `announce` once per function tool call, when its arguments are complete and it waits
 * for a result or an approval. Calls already answered are never announced; a call restored from
 * storage still unanswered is, since it still needs an answer. Returns the unsubscribe function.
 */
export function watchToolCalls(
  store: ChatStore,
  announce: (call: AnnouncedToolCall) => void,
): () => void {
  const seen = new Set<string>();
  const scan = () => {
    for (const message of store.getSnapshot().messages) {
      if (message.role !== "assistant") continue;
      for (const part of message.parts) {
        if (part.type !== "tool-call") continue;
        if (part.state !== "input-available" && part.state !== "approval-requested") continue;
        if (seen.has(part.toolCallId)) continue;
        seen.add(part.toolCallId);
        announce({ messageId: message.id, part });
      }
    }
  };
  scan();
  return store.subscribe(scan);
}
