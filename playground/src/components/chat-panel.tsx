import type { ReactNode } from "react";
import type { McpApprovalRequestPart, ToolCallPart } from "../../../src/core/index.js";
import type { UseChatResult } from "../../../src/react/index.js";
import { ChatErrorBanner } from "../../../src/ui/chat/chat-error-banner.js";
import { Composer, MessageList } from "../../../src/ui/index.js";

/** Props of {@link ChatPanel}. */
export interface ChatPanelProps {
  /** The conversation, from `useChat`. */
  chat: UseChatResult;
  /** Prompts offered as one-click buttons before the first message. */
  suggestions?: readonly string[];
  /** Placeholder of the text box. */
  placeholder?: string;
  /**
   * What the page shows, said before the first message (in the empty conversation, so it takes
   * no room from the answers once they come).
   */
  lead?: string;
}

function approvalId(part: ToolCallPart | McpApprovalRequestPart): string {
  if (part.type === "mcp-approval-request") return part.id;
  return part.state === "approval-requested"
    ? (part.approvalId ?? part.toolCallId)
    : part.toolCallId;
}

/**
 * A conversation with its composer, error banner (the kit's: a user's words, the developer's
 * message behind "Details", Retry) and starter prompts.
 */
export function ChatPanel({
  chat,
  suggestions = [],
  placeholder,
  lead,
}: ChatPanelProps): ReactNode {
  const respond = (approve: boolean) => (part: ToolCallPart | McpApprovalRequestPart) =>
    chat.respondToApproval({ id: approvalId(part), approve });
  const empty =
    suggestions.length > 0 ? (
      <div className="playground__suggestions">
        {lead ? <p className="playground__lead">{lead}</p> : null}
        <p>Try one of these:</p>
        {suggestions.map((text) => (
          <button
            key={text}
            type="button"
            className="colloquy-button"
            onClick={() => void chat.send(text)}
          >
            {text}
          </button>
        ))}
      </div>
    ) : (
      <p>Send a message to start.</p>
    );
  return (
    <section className="playground__chat" aria-label="Conversation">
      <MessageList
        className="playground__messages"
        messages={chat.messages}
        empty={empty}
        usage="compact"
        onApproveToolCall={respond(true)}
        onDenyToolCall={respond(false)}
      />
      {chat.error ? (
        <ChatErrorBanner
          error={chat.error}
          onRetry={() => {
            chat.clearError();
            void chat.regenerate();
          }}
        />
      ) : null}
      <Composer
        status={chat.status}
        placeholder={placeholder}
        onSend={(message) => chat.send({ text: message.text, files: message.files })}
        onStop={() => chat.stop()}
      />
    </section>
  );
}
