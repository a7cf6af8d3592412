import type { ClipboardEvent, KeyboardEvent, ReactNode, Ref, TextareaHTMLAttributes } from "react";
import { composeEventHandlers, useComposedRefs } from "../primitives/index.js";
import { useStrings } from "../strings/index.js";
import { useComposerContext } from "./composer-context.js";
import { useAutosize } from "./use-autosize.js";

/** Props of {@link ComposerInput}: any attribute of its text box. */
export interface ComposerInputProps extends Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  "value" | "defaultValue"
> {
  /** The text box, alongside the composer's own ref to it. */
  ref?: Ref<HTMLTextAreaElement>;
}

/**
 * The composer's autosizing text box: Enter sends and Shift+Enter breaks the line (never
 * while an input method is composing), and pasted files become attachments.
 */
export function ComposerInput({
  ref,
  className,
  placeholder,
  onChange,
  onKeyDown,
  onPaste,
  onCompositionStart,
  onCompositionEnd,
  ...textareaProps
}: ComposerInputProps): ReactNode {
  const strings = useStrings();
  const state = useComposerContext("Composer.Input");
  const refs = useComposedRefs(state.inputRef, ref);
  useAutosize(state.inputRef, state.value);

  const ownKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== "Enter" || event.shiftKey) return;
    // keyCode 229 marks keys an input method consumes (some browsers report Enter as 229).
    if (state.composingRef.current || event.nativeEvent.isComposing || event.keyCode === 229) {
      return;
    }
    event.preventDefault();
    state.send();
  };
  const ownPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = Array.from(event.clipboardData?.files ?? []);
    if (files.length === 0 || !state.allowAttachments) return;
    // Pasted files become attachments; pasted text (if any) still goes into the box.
    if (!event.clipboardData.getData("text/plain")) event.preventDefault();
    state.addFiles(files);
  };

  return (
    <textarea
      id={state.ids.input}
      rows={1}
      aria-label={strings.composerLabel}
      aria-describedby={state.rejected.length > 0 ? state.ids.errors : undefined}
      disabled={state.disabled}
      {...textareaProps}
      ref={refs}
      className={className ? `colloquy-composer__input ${className}` : "colloquy-composer__input"}
      value={state.value}
      placeholder={placeholder ?? strings.composerPlaceholder}
      onChange={composeEventHandlers(onChange, (event) => state.setValue(event.target.value))}
      onKeyDown={composeEventHandlers(onKeyDown, ownKeyDown)}
      onPaste={composeEventHandlers(onPaste, ownPaste)}
      onCompositionStart={composeEventHandlers(onCompositionStart, () => {
        state.composingRef.current = true;
      })}
      onCompositionEnd={composeEventHandlers(onCompositionEnd, () => {
        state.composingRef.current = false;
      })}
    />
  );
}
