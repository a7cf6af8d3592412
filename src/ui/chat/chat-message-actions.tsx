import { useContext, type ReactNode } from "react";
import { branchPosition } from "../../core/chat/branches.js";
import type { ChatState } from "../../core/chat/types.js";
import type { Message } from "../../core/index.js";
import { useChatSelector } from "../../react/index.js";
import { MessageActions } from "../message-actions/index.js";
import { ChatActionsContext } from "./chat-actions-context.js";

const isBusy = (state: ChatState) => state.status === "submitted" || state.status === "streaming";

/**
 * The actions `<Chat>` shows under each finished message: for the user's messages copy,
 * edit and resend; for answers copy (markdown and plain text), regenerate and feedback; and
 * the version switcher wherever regenerating or editing left several versions.
 */
export function ChatMessageActions({ message }: { message: Message }): ReactNode {
  const context = useContext(ChatActionsContext);
  if (!context) throw new Error("ChatMessageActions is rendered by <Chat> only.");
  const { store, onFeedback } = context;
  // A string, so the row re-renders only when its own position changes.
  const position = useChatSelector(store, (state) => {
    const found = branchPosition(state.branches, state.messages, message.id);
    return found ? JSON.stringify(found) : "";
  });
  const busy = useChatSelector(store, isBusy);
  const parsed = position
    ? (JSON.parse(position) as { key: string; active: number; count: number })
    : undefined;
  const branch = parsed && {
    active: parsed.active,
    count: parsed.count,
    onSelect: (index: number) => store.selectBranch(parsed.key, index),
  };
  // Text with something to read: an answer cut after its first "## " offers nothing to copy.
  const hasText = message.parts.some(
    (part) => part.type === "text" && /[\p{L}\p{N}]/u.test(part.text),
  );
  if (message.role === "user") {
    return (
      <MessageActions.Root
        message={message}
        branch={branch}
        busy={busy}
        onEdit={(text) => void store.edit(message.id, text)}
      >
        <MessageActions.BranchPicker />
        {hasText ? <MessageActions.CopyMarkdown /> : null}
        <MessageActions.Edit />
        <MessageActions.EditForm />
      </MessageActions.Root>
    );
  }
  if (message.role !== "assistant" || (!hasText && !branch)) return null;
  return (
    <MessageActions.Root
      message={message}
      branch={branch}
      busy={busy}
      onRegenerate={() => void store.regenerate(message.id)}
      onFeedback={onFeedback}
    >
      <MessageActions.BranchPicker />
      {hasText ? (
        <>
          <MessageActions.CopyMarkdown />
          <MessageActions.CopyPlainText />
        </>
      ) : null}
      <MessageActions.Regenerate />
      {hasText ? <MessageActions.Feedback /> : null}
    </MessageActions.Root>
  );
}
