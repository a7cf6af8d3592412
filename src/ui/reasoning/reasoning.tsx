import { useEffect, useRef, type HTMLAttributes, type ReactNode } from "react";
import type { ReasoningPart } from "../../core/index.js";
import { composeEventHandlers, useControllableState, useIds } from "../primitives/index.js";
import { useStrings, type UiStrings } from "../strings/index.js";
import { Markdown } from "../markdown/markdown.js";

/** Props of {@link Reasoning}. */
export interface ReasoningProps extends Omit<HTMLAttributes<HTMLDivElement>, "children" | "part"> {
  /** The reasoning part. */
  part: ReasoningPart;
  /** Controlled open state. */
  open?: boolean;
  /** Initial open state when uncontrolled; defaults to open while streaming. */
  defaultOpen?: boolean;
  /** Called when the panel asks to open or close (including the collapse when thinking ends). */
  onOpenChange?: (open: boolean) => void;
}

/** The disclosure's label: thinking, thought for N seconds, or thought. */
export function reasoningLabel(part: ReasoningPart, strings: UiStrings): string {
  if (part.state === "streaming") return strings.thinking;
  if (typeof part.durationMs === "number" && Number.isFinite(part.durationMs)) {
    return strings.thoughtFor(Math.max(1, Math.round(part.durationMs / 1000)));
  }
  return strings.thought;
}

/**
 * The model's reasoning as an accessible disclosure: open with the summary streaming in
 * while the model thinks, then collapsed to "Thought for N seconds" (from the part's
 * measured `durationMs`; without one, just "Thought"). `data-state`: streaming, open, closed.
 */
export function Reasoning({
  part,
  open: openProp,
  defaultOpen,
  onOpenChange,
  className,
  ...rest
}: ReasoningProps): ReactNode {
  const strings = useStrings();
  const streaming = part.state === "streaming";
  const [open, setOpen] = useControllableState({
    prop: openProp,
    defaultProp: defaultOpen ?? streaming,
    onChange: onOpenChange,
  });
  const ids = useIds("reasoning", ["trigger", "content"]);

  // Thinking finished: fold the panel away, as the answer is what matters now.
  const wasStreaming = useRef(streaming);
  useEffect(() => {
    if (wasStreaming.current && !streaming) setOpen(false);
    wasStreaming.current = streaming;
  }, [streaming, setOpen]);

  const summaries = part.summary.filter((s) => s.text.trim() !== "");
  const hasText = Boolean(part.text?.trim());
  const state = streaming ? "streaming" : open ? "open" : "closed";
  return (
    <div
      className={["colloquy-reasoning", className].filter(Boolean).join(" ")}
      data-state={state}
      {...rest}
    >
      <button
        type="button"
        id={ids.trigger}
        className="colloquy-reasoning__trigger"
        aria-expanded={open}
        aria-controls={ids.content}
        data-state={state}
        onClick={composeEventHandlers(undefined, () => setOpen((value) => !value))}
      >
        <span className="colloquy-reasoning__label">{reasoningLabel(part, strings)}</span>
        <span className="colloquy-reasoning__chevron" aria-hidden="true" />
      </button>
      <div
        id={ids.content}
        role="region"
        aria-labelledby={ids.trigger}
        className="colloquy-reasoning__content"
        data-state={state}
        hidden={!open}
      >
        {summaries.map((summary, index) => (
          <Markdown
            key={index}
            className="colloquy-reasoning__summary"
            text={summary.text}
            streaming={summary.state === "streaming"}
          />
        ))}
        {summaries.length === 0 && hasText ? (
          <Markdown className="colloquy-reasoning__text" text={part.text!} streaming={streaming} />
        ) : null}
        {summaries.length === 0 && !hasText && !streaming ? (
          <p className="colloquy-reasoning__hidden">{strings.reasoningHidden}</p>
        ) : null}
      </div>
    </div>
  );
}
