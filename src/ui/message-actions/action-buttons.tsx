import type { ButtonHTMLAttributes, ReactNode } from "react";
import { messageText } from "../../core/model/guards.js";
import { composeEventHandlers, CopyButton, type CopyButtonProps } from "../primitives/index.js";
import { useStrings } from "../strings/index.js";
import { useMessageActions } from "./message-actions-context.js";

/** Props of the copy parts: a `CopyButton` whose value comes from the message. */
export type MessageCopyProps = Omit<CopyButtonProps, "value">;

/** Copies the message's text as it was written (markdown). */
export function MessageCopyMarkdown({ className, ...props }: MessageCopyProps): ReactNode {
  const { message } = useMessageActions("MessageActions.CopyMarkdown");
  const strings = useStrings();
  return (
    <CopyButton
      className={["colloquy-message-actions__button", className].filter(Boolean).join(" ")}
      data-action="copy-markdown"
      label={strings.copyMarkdown}
      value={() => messageText(message)}
      {...props}
    />
  );
}

/** Copies the message's text without markdown syntax. */
export function MessageCopyPlainText({ className, ...props }: MessageCopyProps): ReactNode {
  const { message } = useMessageActions("MessageActions.CopyPlainText");
  const strings = useStrings();
  return (
    <CopyButton
      className={["colloquy-message-actions__button", className].filter(Boolean).join(" ")}
      data-action="copy-text"
      label={strings.copyPlainText}
      // marked comes with the markdown renderer's chunk, which is in by the time there is a
      // message to copy, so this import resolves at once.
      value={() =>
        import("./plain-text.js").then((module) =>
          module.plainTextFromMarkdown(messageText(message)),
        )
      }
      {...props}
    >
      <span aria-hidden="true">{strings.copyPlainText}</span>
    </CopyButton>
  );
}

/** Props of the button parts. */
export type MessageActionButtonProps = ButtonHTMLAttributes<HTMLButtonElement>;

/** Asks for a new answer; the answer it replaces stays as a version. */
export function MessageRegenerate({
  onClick,
  className,
  children,
  disabled,
  ...rest
}: MessageActionButtonProps): ReactNode {
  const { onRegenerate, busy } = useMessageActions("MessageActions.Regenerate");
  const strings = useStrings();
  if (!onRegenerate) return null;
  return (
    <button
      type="button"
      className={["colloquy-message-actions__button", className].filter(Boolean).join(" ")}
      data-action="regenerate"
      disabled={disabled ?? busy}
      {...rest}
      onClick={composeEventHandlers(onClick, () => onRegenerate())}
    >
      {children ?? strings.regenerate}
    </button>
  );
}

/** Opens the edit box of a user message (see `MessageActions.EditForm`). */
export function MessageEdit({
  onClick,
  className,
  children,
  disabled,
  ...rest
}: MessageActionButtonProps): ReactNode {
  const { onEdit, editing, setEditing, busy, refocusEdit } =
    useMessageActions("MessageActions.Edit");
  const strings = useStrings();
  if (!onEdit || editing) return null;
  return (
    <button
      type="button"
      className={["colloquy-message-actions__button", className].filter(Boolean).join(" ")}
      data-action="edit"
      disabled={disabled ?? busy}
      ref={(button) => {
        if (button && refocusEdit.current) {
          refocusEdit.current = false;
          button.focus();
        }
      }}
      {...rest}
      onClick={composeEventHandlers(onClick, () => setEditing(true))}
    >
      {children ?? strings.edit}
    </button>
  );
}
