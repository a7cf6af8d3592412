import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import type { ElementStrings } from "./element-strings.js";
import { activeElementAt, focusableIn, trapTab } from "./focus-trap.js";

/** Which corner the launcher sits in. */
export type LauncherPosition = "bottom-right" | "bottom-left";

/** Props of {@link Launcher}. */
export interface LauncherProps {
  /** Whether the panel is open. */
  open: boolean;
  /** Asks to open or close the panel (the element owns the state, as its `open` attribute). */
  onOpenChange: (open: boolean) => void;
  /** The corner. */
  position: LauncherPosition;
  /** The frame's wording. */
  strings: ElementStrings;
  /** The chat shown in the panel; it stays mounted while the panel is closed. */
  children: ReactNode;
}

function ChatIcon(): ReactNode {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z" strokeLinejoin="round" />
    </svg>
  );
}

function CloseIcon(): ReactNode {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <path d="M6 6l12 12M18 6L6 18" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The floating widget: a round button in a corner that opens the chat in a panel, the way
 * support widgets work. The open panel is a dialog that keeps Tab inside it; Escape or the
 * close button closes it and puts focus back on the button.
 */
export function Launcher({
  open,
  onOpenChange,
  position,
  strings,
  children,
}: LauncherProps): ReactNode {
  const panelId = useId();
  const titleId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(open);

  useEffect(() => {
    const opened = open && !wasOpen.current;
    const closed = !open && wasOpen.current;
    wasOpen.current = open;
    if (opened && panel.current) {
      // The text box first: opening a chat is asking to type.
      const items = focusableIn(panel.current);
      (items.find((item) => item.tagName === "TEXTAREA") ?? items[0])?.focus();
    }
    if (closed && button.current) {
      const active = activeElementAt(button.current);
      // Only take focus back when it was in the panel (or lost with it), never from the page.
      if (!active || active === document.body || panel.current?.contains(active)) {
        button.current.focus();
      }
    }
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") {
      event.stopPropagation();
      onOpenChange(false);
      return;
    }
    if (panel.current) trapTab(event.nativeEvent, panel.current);
  };

  return (
    <div
      className="colloquy-launcher"
      data-position={position}
      data-state={open ? "open" : "closed"}
    >
      <div
        ref={panel}
        id={panelId}
        className="colloquy-launcher__panel"
        part="panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        hidden={!open}
        onKeyDown={onKeyDown}
      >
        <div className="colloquy-launcher__header" part="panel-header">
          <h2 id={titleId} className="colloquy-launcher__title">
            {strings.chatTitle}
          </h2>
          <button
            type="button"
            className="colloquy-launcher__close"
            part="close-button"
            aria-label={strings.closeChat}
            onClick={() => onOpenChange(false)}
          >
            <CloseIcon />
          </button>
        </div>
        {children}
      </div>
      <button
        ref={button}
        type="button"
        className="colloquy-launcher__button"
        part="launcher"
        aria-label={open ? strings.closeChat : strings.openChat}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => onOpenChange(!open)}
      >
        {open ? <CloseIcon /> : <ChatIcon />}
      </button>
    </div>
  );
}
