import type { ReactNode } from "react";
import type { Message } from "../../core/index.js";
import { DeferredBoundary } from "../message/deferred-part.js";
import { lazyView } from "../message/lazy-view.js";

// The actions row (copy, regenerate, edit, feedback, versions) is needed only once an answer
// has finished, so its code loads beside the chat, not in front of the first paint: <Chat>
// starts loading it when it mounts, long before any answer is complete.
const LazyChatMessageActions = lazyView(() =>
  import("./chat-message-actions.js").then((module) => module.ChatMessageActions),
);

/** Fetches the code of `<Chat>`'s message actions now; rejects when the chunk cannot load. */
export const preloadChatMessageActions: () => Promise<void> = LazyChatMessageActions.preload;

/**
 * `<Chat>`'s actions under one message, drawn once their code is in (until then an empty row
 * of the same height holds the place; if the code cannot load, the message shows without).
 */
export function DeferredChatMessageActions({ message }: { message: Message }): ReactNode {
  return (
    <DeferredBoundary
      fallback={<div className="colloquy-chat__actions-placeholder" aria-hidden="true" />}
      failed={null}
    >
      <LazyChatMessageActions message={message} />
    </DeferredBoundary>
  );
}
