import { useEffect, useRef, useState, type FormHTMLAttributes, type ReactNode } from "react";
import { messageText } from "../../core/model/guards.js";
import { composeEventHandlers, useStableId } from "../primitives/index.js";
import { useStrings } from "../strings/index.js";
import { useMessageActions } from "./message-actions-context.js";

/** Props of {@link MessageEditForm}. */
export type MessageEditFormProps = Omit<FormHTMLAttributes<HTMLFormElement>, "children">;

/**
 * The edit box of a user message, shown while `MessageActions.Edit` has it open: the text to
 * change, "Save and send" (Ctrl/Cmd+Enter) and Cancel (Escape). Sending replaces what followed
 * the message; the earlier version stays switchable.
 */
export function MessageEditForm({ onSubmit, className, ...rest }: MessageEditFormProps): ReactNode {
  const { message, onEdit, editing, setEditing, refocusEdit } =
    useMessageActions("MessageActions.EditForm");
  const strings = useStrings();
  const id = useStableId("message-edit");
  const [text, setText] = useState(() => messageText(message));
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!editing) return;
    setText(messageText(message));
    box.current?.focus();
  }, [editing, message]);
  if (!editing || !onEdit) return null;
  const close = () => {
    // Back to the button that opened the box, so keyboard users keep their place.
    refocusEdit.current = true;
    setEditing(false);
  };
  const send = () => {
    if (text.trim() === "") return;
    setEditing(false);
    onEdit(text);
  };
  return (
    <form
      className={["colloquy-message-actions__edit", className].filter(Boolean).join(" ")}
      {...rest}
      onSubmit={composeEventHandlers(onSubmit, (event) => {
        event.preventDefault();
        send();
      })}
    >
      <label htmlFor={id} className="colloquy-visually-hidden">
        {strings.editMessage}
      </label>
      <textarea
        id={id}
        ref={box}
        className="colloquy-message-actions__edit-box"
        value={text}
        rows={Math.min(8, Math.max(2, text.split("\n").length))}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.preventDefault();
            close();
          } else if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
            event.preventDefault();
            send();
          }
        }}
      />
      <div className="colloquy-message-actions__edit-buttons">
        <button type="button" className="colloquy-button" data-variant="secondary" onClick={close}>
          {strings.cancel}
        </button>
        <button
          type="submit"
          className="colloquy-button"
          data-variant="primary"
          disabled={text.trim() === ""}
        >
          {strings.saveAndSend}
        </button>
      </div>
    </form>
  );
}
