import type { ReactNode, Ref } from "react";
import { ComposerAttachments, ComposerDropHint } from "./composer-attachments.js";
import { ComposerAction, ComposerAttach, ComposerSend, ComposerStop } from "./composer-buttons.js";
import { ComposerInput } from "./composer-input.js";
import { ComposerRecord } from "./composer-record.js";
import { ComposerRoot, type ComposerRootProps } from "./composer-root.js";

/** Props of {@link Composer}: the composer's options and form attributes, plus its text box's. */
export interface ComposerProps extends Omit<ComposerRootProps, "children"> {
  /** Placeholder of the text box (defaults to the strings'). */
  placeholder?: string;
  /** Focuses the text box on mount. */
  autoFocus?: boolean;
  /** The text box, e.g. to focus it from outside. */
  inputRef?: Ref<HTMLTextAreaElement>;
}

/**
 * The message input, every part in its usual place: waiting files and refusals, the attach
 * button, an autosizing text box where Enter sends and Shift+Enter breaks the line, the
 * microphone (where the browser records) and Send (Stop while a response streams). For
 * another layout, compose the parts yourself inside `Composer.Root`: `Composer.Input`,
 * `Composer.Send`, `Composer.Stop`, `Composer.Action`, `Composer.Attach`, `Composer.Record`,
 * `Composer.Attachments` and `Composer.DropHint`.
 */
function ComposerDefault({
  placeholder,
  autoFocus,
  inputRef,
  ...rootProps
}: ComposerProps): ReactNode {
  return (
    <ComposerRoot {...rootProps}>
      <ComposerAttachments />
      <div className="colloquy-composer__row">
        <ComposerAttach />
        <ComposerInput ref={inputRef} placeholder={placeholder} autoFocus={autoFocus} />
        <ComposerRecord />
        <ComposerAction />
      </div>
      <ComposerDropHint />
    </ComposerRoot>
  );
}

/** The composer, with its parts as `Composer.Root`, `Composer.Input` and the rest. */
export const Composer = Object.assign(ComposerDefault, {
  Root: ComposerRoot,
  Input: ComposerInput,
  Send: ComposerSend,
  Stop: ComposerStop,
  Action: ComposerAction,
  Attach: ComposerAttach,
  Record: ComposerRecord,
  Attachments: ComposerAttachments,
  DropHint: ComposerDropHint,
});
