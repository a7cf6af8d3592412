import type { HTMLAttributes, ReactNode } from "react";
import { ToolStateBadge, type AnyToolState } from "./tool-state-badge.js";

/** Props of {@link ToolCard}. */
export interface ToolCardProps extends Omit<HTMLAttributes<HTMLDivElement>, "title"> {
  /** The part type or tool kind, exposed as `data-kind` for styling. */
  kind: string;
  /** The state shown in the badge and exposed as `data-state`. */
  state: AnyToolState;
  /** The main heading: the tool's name. */
  title: ReactNode;
  /** A quieter label before the title (server, interpreter, operation). */
  eyebrow?: ReactNode;
  /** The accessible name of the whole card. */
  label: string;
  /** The card's sections. */
  children?: ReactNode;
}

/** The frame every tool call renderer shares: a header with name and state, then sections. */
export function ToolCard({
  kind,
  state,
  title,
  eyebrow,
  label,
  className,
  children,
  ...rest
}: ToolCardProps): ReactNode {
  const busy = state === "input-streaming" || state === "in-progress" || state === "interpreting";
  return (
    <div
      role="group"
      aria-label={label}
      aria-busy={busy || undefined}
      {...rest}
      className={className ? `colloquy-tool-card ${className}` : "colloquy-tool-card"}
      data-kind={kind}
      data-state={state}
    >
      <div className="colloquy-tool-card__header">
        <span className="colloquy-tool-card__heading">
          {eyebrow ? <span className="colloquy-tool-card__eyebrow">{eyebrow}</span> : null}
          <span className="colloquy-tool-card__title">{title}</span>
        </span>
        <ToolStateBadge state={state} />
      </div>
      {children}
    </div>
  );
}

/** Props of {@link ToolSection}. */
export interface ToolSectionProps {
  /** The section's heading (Input, Output, Logs, ...). */
  label: ReactNode;
  /** Exposed as `data-section` for styling. */
  section: string;
  /** The section's content. */
  children?: ReactNode;
}

/** One labelled block inside a {@link ToolCard}. */
export function ToolSection({ label, section, children }: ToolSectionProps): ReactNode {
  return (
    <div className="colloquy-tool-card__section" data-section={section}>
      <div className="colloquy-tool-card__label">{label}</div>
      {children}
    </div>
  );
}

/** Props of {@link ToolCode}. */
export interface ToolCodeProps {
  /** The text, shown verbatim (never as HTML). */
  text: string;
  /** A language label for code, exposed as `data-language`. */
  language?: string;
  /** Marks text that is still arriving. */
  streaming?: boolean;
  /** Accessible name, since the block is scrollable and focusable. */
  label: string;
}

/** Preformatted text in a scrollable, keyboard-reachable block. */
export function ToolCode({ text, language, streaming, label }: ToolCodeProps): ReactNode {
  // Before any input has streamed in there is nothing to read: a focus stop would be empty.
  const readable = text.length > 0;
  return (
    // A scrollable region must be reachable by keyboard to be readable.
    <pre
      className="colloquy-tool-code"
      tabIndex={readable ? 0 : undefined}
      aria-label={readable ? label : undefined}
      data-language={language}
      data-streaming={streaming ? "" : undefined}
    >
      <code>{text}</code>
    </pre>
  );
}

/** Props of {@link ApprovalActions}. */
export interface ApprovalActionsProps {
  /** Called when the user approves. */
  onApprove?: () => void;
  /** Called when the user denies. */
  onDeny?: () => void;
  /** Approve button text. */
  approveLabel: string;
  /** Deny button text. */
  denyLabel: string;
  /** A prompt shown before the buttons. */
  prompt?: ReactNode;
}

/** The approve / deny pair shown while a call waits for the user. */
export function ApprovalActions({
  onApprove,
  onDeny,
  approveLabel,
  denyLabel,
  prompt,
}: ApprovalActionsProps): ReactNode {
  return (
    <div className="colloquy-tool-card__actions">
      {prompt ? <p className="colloquy-tool-card__prompt">{prompt}</p> : null}
      <div className="colloquy-tool-card__buttons">
        <button
          type="button"
          className="colloquy-button"
          data-variant="secondary"
          onClick={onDeny}
          disabled={!onDeny}
        >
          {denyLabel}
        </button>
        <button
          type="button"
          className="colloquy-button"
          data-variant="primary"
          onClick={onApprove}
          disabled={!onApprove}
        >
          {approveLabel}
        </button>
      </div>
    </div>
  );
}
