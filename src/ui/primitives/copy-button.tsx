import { useEffect, useRef, useState, type ButtonHTMLAttributes, type ReactNode } from "react";
import { useStrings } from "../strings/index.js";
import { composeEventHandlers } from "./compose-event-handlers.js";

/** Where a copy button is: `idle`, `copied` (briefly, after success) or `failed`. */
export type CopyState = "idle" | "copied" | "failed";

/** Props of {@link CopyButton}. */
export interface CopyButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "value"> {
  /** The text to copy, or a function returning it (or a promise of it) at click time. */
  value: string | (() => string | Promise<string>);
  /** Accessible label before copying; defaults to the "copy" string. */
  label?: string;
  /** How long the "copied" state lasts, in milliseconds. */
  resetAfterMs?: number;
  /** Called after a successful copy. */
  onCopied?: (text: string) => void;
}

/** Copies text to the clipboard and says so; `data-state` is `idle`, `copied` or `failed`. */
export function CopyButton({
  value,
  label,
  resetAfterMs = 2000,
  onCopied,
  onClick,
  className,
  children,
  ...rest
}: CopyButtonProps): ReactNode {
  const strings = useStrings();
  const [state, setState] = useState<CopyState>("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    try {
      const text = typeof value === "function" ? await value() : value;
      if (!navigator.clipboard) throw new Error("The Clipboard API is not available here.");
      await navigator.clipboard.writeText(text);
      setState("copied");
      onCopied?.(text);
    } catch {
      setState("failed");
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState("idle"), resetAfterMs);
  };

  const text =
    state === "copied"
      ? strings.copied
      : state === "failed"
        ? strings.copyFailed
        : (label ?? strings.copy);
  return (
    <button
      type="button"
      className={["colloquy-copy-button", className].filter(Boolean).join(" ")}
      data-state={state}
      aria-label={text}
      {...rest}
      onClick={composeEventHandlers(onClick, () => void copy())}
    >
      {children ?? (
        <span className="colloquy-copy-button__label" aria-hidden="true">
          {state === "idle" ? strings.copy : text}
        </span>
      )}
      <span className="colloquy-visually-hidden" role="status" aria-live="polite">
        {state === "idle" ? "" : text}
      </span>
    </button>
  );
}
