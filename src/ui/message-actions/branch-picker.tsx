import type { HTMLAttributes, ReactNode } from "react";
import { useStrings } from "../strings/index.js";
import { useMessageActions } from "./message-actions-context.js";

/** Props of {@link MessageBranchPicker}. */
export type MessageBranchPickerProps = HTMLAttributes<HTMLDivElement>;

/**
 * "‹ 2 / 3 ›": switches between the versions of a message that regenerating or editing made.
 * Renders nothing while the message has one version.
 */
export function MessageBranchPicker({ className, ...rest }: MessageBranchPickerProps): ReactNode {
  const { branch, busy } = useMessageActions("MessageActions.BranchPicker");
  const strings = useStrings();
  if (!branch || branch.count < 2) return null;
  const { active, count, onSelect } = branch;
  return (
    <div
      className={["colloquy-message-actions__branches", className].filter(Boolean).join(" ")}
      {...rest}
    >
      <button
        type="button"
        className="colloquy-message-actions__button"
        data-action="previous-version"
        aria-label={strings.previousVersion}
        disabled={busy || active === 0}
        onClick={() => onSelect(active - 1)}
      >
        <span aria-hidden="true">‹</span>
      </button>
      <span
        className="colloquy-message-actions__branch-count"
        aria-label={strings.versionLabel(active + 1, count)}
        role="status"
      >
        <span aria-hidden="true">{strings.versionCount(active + 1, count)}</span>
      </span>
      <button
        type="button"
        className="colloquy-message-actions__button"
        data-action="next-version"
        aria-label={strings.nextVersion}
        disabled={busy || active === count - 1}
        onClick={() => onSelect(active + 1)}
      >
        <span aria-hidden="true">›</span>
      </button>
    </div>
  );
}
