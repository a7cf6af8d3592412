import type { ReactNode } from "react";
import type { ComputerCallPart } from "../../core/index.js";
import { safeImageUrl } from "../images/safe-image-url.js";
import { useStrings } from "../strings/index.js";
import { ToolStateBadge } from "../tool-call/tool-state-badge.js";
import { computerActions, describeComputerAction } from "./computer-actions.js";

/** Props of {@link ComputerTimeline}. */
export interface ComputerTimelineProps {
  /** The computer calls of a session, in order. */
  parts: readonly ComputerCallPart[];
  /** The step shown in detail, marked `aria-current`. */
  selectedIndex?: number;
  /** Makes each step a button that selects it. */
  onSelect?: (index: number) => void;
  /** Extra class names on the list. */
  className?: string;
}

/** The steps of a computer-use session as an ordered list of actions with their screenshots. */
export function ComputerTimeline({
  parts,
  selectedIndex,
  onSelect,
  className,
}: ComputerTimelineProps): ReactNode {
  const strings = useStrings();
  if (parts.length === 0) return null;
  return (
    <ol
      className={
        className ? `colloquy-computer-timeline ${className}` : "colloquy-computer-timeline"
      }
      aria-label={strings.computerTimeline}
    >
      {parts.map((part, index) => {
        const description = computerActions(part)
          .map((action) => describeComputerAction(action, strings))
          .join("; ");
        const thumbnail = safeImageUrl(part.output?.imageUrl);
        const content = (
          <>
            <span className="colloquy-computer-timeline__step" aria-hidden="true">
              {index + 1}
            </span>
            {thumbnail ? (
              <img className="colloquy-computer-timeline__thumbnail" src={thumbnail} alt="" />
            ) : null}
            <span className="colloquy-computer-timeline__text">
              {description || strings.computerAction}
            </span>
            <ToolStateBadge state={part.state} />
          </>
        );
        const current = selectedIndex === index;
        return (
          <li
            key={part.id}
            className="colloquy-computer-timeline__item"
            data-action={computerActions(part)[0]?.type}
            data-selected={current ? "" : undefined}
            aria-current={current && !onSelect ? "step" : undefined}
          >
            {onSelect ? (
              <button
                type="button"
                className="colloquy-computer-timeline__button"
                aria-current={current ? "step" : undefined}
                onClick={() => onSelect(index)}
              >
                {content}
              </button>
            ) : (
              <div className="colloquy-computer-timeline__row">{content}</div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
