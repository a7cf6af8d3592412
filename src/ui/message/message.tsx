import { memo, type ComponentType, type HTMLAttributes, type ReactNode } from "react";
import type { Message as MessageModel, Role } from "../../core/index.js";
import type { UrlPolicy } from "../markdown/url-policy.js";
import { useStableId } from "../primitives/index.js";
import { useStrings, type UiStrings } from "../strings/index.js";
import type { PartRenderers } from "./part-renderers.js";
import { DeferredBoundary } from "./deferred-part.js";
import { DeferredTokenUsage } from "./deferred-part-views.js";
import { PartView, type PartActions } from "./part-view.js";
import { ColloquyScope } from "../theme/colloquy-scope.js";

/** Props of {@link Message}. */
export interface MessageProps
  extends Omit<HTMLAttributes<HTMLElement>, "children">, PartActions, UrlPolicy {
  /** The message to render. */
  message: MessageModel;
  /** Overrides per part type (keep the object stable so memoisation holds). */
  renderers?: PartRenderers;
  /** Show token usage under assistant messages: compact, detailed, or not at all (default). */
  usage?: "compact" | "detailed" | false;
  /** Show text with logprobs as tinted tokens. */
  showLogprobs?: boolean;
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

function MessageView({
  message,
  renderers,
  usage = false,
  showLogprobs,
  onApproveToolCall,
  onDenyToolCall,
  onAcknowledgeSafetyChecks,
  onDenySafetyChecks,
  linkProtocols,
  imageProtocols,
  images,
  hideError = false,
  actions: Actions,
  className,
  ...rest
}: MessageProps): ReactNode {
  const strings = useStrings();
  const roleId = useStableId("message-role");
  const streaming = message.status === "in-progress";
  const statusNote =
    message.status === "incomplete"
      ? strings.incomplete
      : message.status === "aborted"
        ? strings.aborted
        : undefined;
  return (
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
              <PartView
                part={part}
                context={{ message, index }}
                renderers={renderers}
                showLogprobs={showLogprobs}
                onApproveToolCall={onApproveToolCall}
                onDenyToolCall={onDenyToolCall}
                onAcknowledgeSafetyChecks={onAcknowledgeSafetyChecks}
                onDenySafetyChecks={onDenySafetyChecks}
                linkProtocols={linkProtocols}
                imageProtocols={imageProtocols}
                images={images}
              />
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
}

/**
 * One message: its role, every part rendered by type (overridable per type), errors and
 * usage. Memoised on its props: with immutable messages, a streaming delta re-renders only
 * the message it changed. `data-role` and `data-state` (the message status) for styling,
 * `data-message-id` so tests and analytics can tell messages apart.
 */
export const Message = memo(MessageView);
