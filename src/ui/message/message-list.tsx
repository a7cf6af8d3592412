import { useEffect, type HTMLAttributes, type ReactNode } from "react";
import type { Message as MessageModel } from "../../core/index.js";
import { useStrings } from "../strings/index.js";
import { DeferredText } from "./deferred-part-views.js";
import { ChatViewProvider, splitViewSettings } from "./chat-view-context.js";
import { Message, type MessageProps } from "./message.js";
import { useStickToBottom } from "./use-stick-to-bottom.js";
import { ColloquyScope } from "../theme/colloquy-scope.js";

/** Props of {@link MessageList}. */
export interface MessageListProps
  extends
    Omit<HTMLAttributes<HTMLDivElement>, "children">,
    Omit<MessageProps, "message" | "hideError" | keyof HTMLAttributes<HTMLElement>> {
  /** The conversation, oldest first. Unchanged messages should keep their identity. */
  messages: readonly MessageModel[];
  /** Shown when there are no messages. */
  empty?: ReactNode;
  /** The id of a message whose error the page shows elsewhere (see `Message`'s `hideError`). */
  errorShownFor?: string;
}

/**
 * The conversation as a `role="log"` that follows new content while the reader is at the
 * end, lets them scroll up undisturbed, and offers "jump to latest" when they are not.
 * Each message is memoised, so a streaming delta re-renders only the streaming message.
 */
export function MessageList(props: MessageListProps): ReactNode {
  const [settings, { messages, empty, usage, errorShownFor, actions, className, ...rest }] =
    splitViewSettings(props);
  const strings = useStrings();
  const { scrollRef, contentRef, stuck, scrollToBottom, onScroll } = useStickToBottom();
  // The markdown renderer is a chunk of its own (see DeferredText): fetched once the list is
  // on screen, it is in long before the first answer. A failed fetch leaves text plain.
  useEffect(() => {
    DeferredText.preload().catch(() => undefined);
  }, []);
  // The actions and settings reach every part through one context, not through each message.
  return (
    <ChatViewProvider {...settings}>
      <ColloquyScope>
        <div
          className={["colloquy-message-list", className].filter(Boolean).join(" ")}
          data-state={stuck ? "following" : "scrolled"}
          {...rest}
        >
          <div
            ref={scrollRef}
            className="colloquy-message-list__viewport"
            role="log"
            aria-label={strings.conversation}
            tabIndex={0}
            onScroll={onScroll}
          >
            <div ref={contentRef} className="colloquy-message-list__content">
              {messages.length === 0 && empty ? (
                <div className="colloquy-message-list__empty">{empty}</div>
              ) : null}
              {messages.map((message) => (
                <Message
                  key={message.id}
                  message={message}
                  hideError={message.id === errorShownFor}
                  {...(usage === undefined ? {} : { usage })}
                  {...(actions === undefined ? {} : { actions })}
                />
              ))}
            </div>
          </div>
          {!stuck ? (
            <button
              type="button"
              className="colloquy-message-list__jump"
              onClick={() => scrollToBottom()}
            >
              {strings.jumpToLatest}
            </button>
          ) : null}
        </div>
      </ColloquyScope>
    </ChatViewProvider>
  );
}
