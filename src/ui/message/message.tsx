import { memo, type ComponentType, type HTMLAttributes, type ReactNode } from "react";
import type { Message as MessageModel, Role } from "../../core/index.js";
import { useStableId } from "../primitives/index.js";
import { useStrings, type UiStrings } from "../strings/index.js";
import { DeferredBoundary } from "./deferred-part.js";
import { DeferredTokenUsage } from "./deferred-part-views.js";
import { ChatViewProvider, splitViewSettings, type ChatViewSettings } from "./chat-view-context.js";
import { PartView } from "./part-view.js";
import { ColloquyScope } from "../theme/colloquy-scope.js";

/**
 * Props of {@link Message}. The actions and settings its parts are rendered with (approval
 * callbacks, renderers, logprobs, URL and image policies) come from the surrounding
 * `<MessageList>`, `<Chat>` or `<ChatViewProvider>`; given here, they win over it.
 */
export interface MessageProps
  extends Omit<HTMLAttributes<HTMLElement>, "children">, ChatViewSettings {
  /** The message to render. */
  message: MessageModel;
  /** Show token usage under assistant messages: compact, detailed, or not at all (default). */
  usage?: "compact" | "detailed" | false;
  /**
   * Leave out the message's error note, when the page already shows that error (the drop-in
   * `<Chat>` does, in its banner with Retry): one alert, not two with the same text.
   */
  hideError?: boolean;
  /**
   * Actions shown under the message once it is finished (copy, regenerate, ...): a component
   * given the message, e.g. one built from `MessageActions`. Keep it stable between renders.
   */
  actions?: ComponentType<{ message: MessageModel }> | undefined;
}

/** The visible label of a role. */
export function roleLabel(role: Role, strings: UiStrings): string {
  switch (role) {
    case "user":
      return strings.roleUser;
    case "assistant":
      return strings.roleAssistant;
    case "system":
      return strings.roleSystem;
    case "developer":
      return strings.roleDeveloper;
  }
}

function MessageView(props: MessageProps): ReactNode {
  const [
    given,
    { message, usage = false, hideError = false, actions: Actions, className, ...rest },
  ] = splitViewSettings(props);
  const strings = useStrings();
  const roleId = useStableId("message-role");
  const streaming = message.status === "in-progress";
  const statusNote =
    message.status === "incomplete"
      ? strings.incomplete
      : message.status === "aborted"
        ? strings.aborted
        : undefined;
  const view = (
    <ColloquyScope>
      <article
        className={["colloquy-message", className].filter(Boolean).join(" ")}
        data-role={message.role}
        data-state={message.status}
        data-message-id={message.id}
        aria-labelledby={roleId}
        {...(streaming ? { "aria-live": "polite", "aria-busy": true } : {})}
        {...rest}
      >
        <div className="colloquy-message__role" id={roleId}>
          {roleLabel(message.role, strings)}
        </div>
        <div className="colloquy-message__body">
          {message.parts.map((part, index) => (
            <div key={index} className="colloquy-message__part" data-part-type={part.type}>
              <PartView part={part} context={{ message, index }} />
            </div>
          ))}
          {streaming && message.parts.length === 0 ? (
            <span className="colloquy-message__typing" aria-label={strings.streaming} role="img" />
          ) : null}
        </div>
        {message.error && hideError ? null : message.error ? (
          <p className="colloquy-message__error" role="alert">
            {message.error.message}
          </p>
        ) : statusNote ? (
          <p className="colloquy-message__status-note">{statusNote}</p>
        ) : null}
        {Actions && !streaming ? <Actions message={message} /> : null}
        {usage && message.role === "assistant" && message.metadata.usage && !streaming ? (
          <footer className="colloquy-message__footer">
            <DeferredBoundary fallback={null} failed={null}>
              <DeferredTokenUsage usage={message.metadata.usage} variant={usage} />
            </DeferredBoundary>
          </footer>
        ) : null}
      </article>
    </ColloquyScope>
  );
  // Settings given to this message reach its parts through the same context as a list's.
  return Object.keys(given).length === 0 ? (
    view
  ) : (
    <ChatViewProvider {...given}>{view}</ChatViewProvider>
  );
}

/**
 * One message: its role, every part rendered by type (overridable per type), errors and
 * usage. Memoised on its props: with immutable messages, a streaming delta re-renders only
 * the message it changed. `data-role` and `data-state` (the message status) for styling,
 * `data-message-id` so tests and analytics can tell messages apart.
 */
export const Message = memo(MessageView);
