import type { ButtonHTMLAttributes, ChangeEvent, ReactNode, Ref } from "react";
import { composeEventHandlers, Slot } from "../primitives/index.js";
import { useStrings } from "../strings/index.js";
import { useComposerContext } from "./composer-context.js";

/** Props of the composer's buttons: any button attribute, and `asChild` for your own element. */
export interface ComposerButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Renders the one child (your own button or component) with this part's behaviour. */
  asChild?: boolean;
  /** The button element. */
  ref?: Ref<HTMLButtonElement>;
}

/** What sets one composer button apart: its class, look, name and icon. */
export interface PartLook {
  className: string;
  variant: "primary" | "secondary" | "ghost";
  label: string;
  icon: ReactNode;
}

/** A composer button: an icon named by the strings, or the content (or element) it is given. */
export function PartButton({
  asChild,
  className,
  children,
  look,
  ...props
}: ComposerButtonProps & { look: PartLook }): ReactNode {
  const shared = {
    "data-variant": look.variant,
    "data-shape": "icon",
    // An icon-only button is named by the strings; given content names itself.
    "aria-label": children ? undefined : look.label,
    title: children ? undefined : look.label,
    ...props,
    className: className ? `${look.className} ${className}` : look.className,
  };
  if (asChild) {
    return (
      <Slot {...shared} ref={props.ref as Ref<HTMLElement>}>
        {children}
      </Slot>
    );
  }
  return <button {...shared}>{children ?? look.icon}</button>;
}

const sendIcon = (
  <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
    <path
      d="M8 13V3M3.5 7.5L8 3l4.5 4.5"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
);

export const stopIcon = (
  <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
    <rect x="3" y="3" width="10" height="10" rx="2" fill="currentColor" />
  </svg>
);

const attachIcon = (
  <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
    <path
      d="M13.5 6.5l-6 6a1.8 1.8 0 002.5 2.5l6.2-6.2a3.3 3.3 0 00-4.7-4.7L5.3 10.3a4.8 4.8 0 006.8 6.8l5-5"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
);

/** Sends the message; disabled while there is nothing to send or a response is in progress. */
export function ComposerSend(props: ComposerButtonProps): ReactNode {
  const strings = useStrings();
  const state = useComposerContext("Composer.Send");
  return (
    <PartButton
      type="submit"
      {...props}
      disabled={!state.canSend || props.disabled}
      look={{
        className: "colloquy-button colloquy-composer__send",
        variant: "primary",
        label: strings.send,
        icon: sendIcon,
      }}
    />
  );
}

/** Stops the response in progress; disabled when the composer was given no `onStop`. */
export function ComposerStop({ onClick, ...props }: ComposerButtonProps): ReactNode {
  const strings = useStrings();
  const state = useComposerContext("Composer.Stop");
  return (
    <PartButton
      type="button"
      {...props}
      disabled={!state.onStop || props.disabled}
      onClick={composeEventHandlers(onClick, () => state.onStop?.())}
      look={{
        className: "colloquy-button colloquy-composer__stop",
        variant: "secondary",
        label: strings.stop,
        icon: stopIcon,
      }}
    />
  );
}

/** Send while nothing is in progress, Stop while a response is: the composer's main action. */
export function ComposerAction(): ReactNode {
  const state = useComposerContext("Composer.Action");
  return state.busy ? <ComposerStop /> : <ComposerSend />;
}

/**
 * Opens the file picker; the picked files are validated and attached. Renders nothing when
 * the composer takes no attachments.
 */
export function ComposerAttach({ onClick, ...props }: ComposerButtonProps): ReactNode {
  const strings = useStrings();
  const state = useComposerContext("Composer.Attach");
  if (!state.allowAttachments) return null;
  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    state.addFiles(Array.from(event.target.files ?? []));
    // Clearing lets the same file be picked again after removing it.
    event.target.value = "";
  };
  return (
    <>
      <input
        ref={state.fileInputRef}
        id={state.ids.file}
        type="file"
        className="colloquy-visually-hidden"
        accept={state.accept}
        multiple
        tabIndex={-1}
        aria-hidden="true"
        disabled={state.disabled}
        onChange={onPick}
      />
      <PartButton
        type="button"
        {...props}
        disabled={state.disabled || props.disabled}
        onClick={composeEventHandlers(onClick, () => state.fileInputRef.current?.click())}
        look={{
          className: "colloquy-button colloquy-composer__attach",
          variant: "ghost",
          label: strings.attach,
          icon: attachIcon,
        }}
      />
    </>
  );
}
