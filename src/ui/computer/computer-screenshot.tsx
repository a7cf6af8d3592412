import { useState, type ReactNode } from "react";
import type { ComputerCallPart } from "../../core/index.js";
import { safeImageUrl } from "../images/safe-image-url.js";
import { useStrings } from "../strings/index.js";
import { ToolStateBadge } from "../tool-call/tool-state-badge.js";
import { ActionOverlay } from "./action-overlay.js";
import { computerActions, describeComputerAction, formatKeys } from "./computer-actions.js";
import { SafetyCheckPrompt } from "./safety-check-prompt.js";

/** A pending safety check of a computer call. */
export type PendingSafetyCheck = ComputerCallPart["item"]["pending_safety_checks"][number];

/** Props of {@link ComputerScreenshot}. */
export interface ComputerScreenshotProps {
  /** The computer call whose action is drawn. */
  part: ComputerCallPart;
  /**
   * The screenshot the action refers to (the one the model saw), as an image URL. Defaults
   * to the screenshot sent back for this call.
   */
  screenshot?: string;
  /**
   * The screen size the actions are measured in (`display_width` / `display_height` of the
   * tool). Defaults to the image's own size once it loads.
   */
  screenSize?: { width: number; height: number };
  /** Called when the user acknowledges the pending safety checks. */
  onAcknowledge?: (part: ComputerCallPart, checks: readonly PendingSafetyCheck[]) => void;
  /** Called when the user refuses to go on. */
  onDeny?: (part: ComputerCallPart, checks: readonly PendingSafetyCheck[]) => void;
  /** Extra class names on the figure. */
  className?: string;
}

/**
 * A computer-use step: the screenshot with the action drawn on it (click rings, drag
 * paths, scroll arrows), the typed text or keys as a caption chip, and pending safety
 * checks as an acknowledge / deny prompt.
 */
export function ComputerScreenshot({
  part,
  screenshot,
  screenSize,
  onAcknowledge,
  onDeny,
  className,
}: ComputerScreenshotProps): ReactNode {
  const strings = useStrings();
  const [natural, setNatural] = useState<{ width: number; height: number } | undefined>();
  const src = safeImageUrl(screenshot ?? part.output?.imageUrl);
  const actions = computerActions(part);
  const size = screenSize ?? natural;
  const description = actions.map((action) => describeComputerAction(action, strings)).join("; ");
  const pending = part.item.pending_safety_checks ?? [];
  const acknowledged = part.output?.acknowledgedSafetyChecks ?? [];
  const awaiting = pending.filter((check) => !acknowledged.some((done) => done.id === check.id));

  return (
    <figure
      className={className ? `colloquy-computer ${className}` : "colloquy-computer"}
      data-state={part.state}
      data-action={actions.map((action) => action.type).join(" ") || undefined}
    >
      <div className="colloquy-computer__header">
        <span className="colloquy-computer__title">{strings.computerAction}</span>
        <ToolStateBadge state={awaiting.length > 0 ? "approval-requested" : part.state} />
      </div>
      <div className="colloquy-computer__stage">
        {src ? (
          <>
            <img
              className="colloquy-computer__screenshot"
              src={src}
              alt={`${strings.screenshot}: ${description}`}
              onLoad={(event) => {
                const { naturalWidth, naturalHeight } = event.currentTarget;
                if (naturalWidth > 0 && naturalHeight > 0) {
                  setNatural({ width: naturalWidth, height: naturalHeight });
                }
              }}
            />
            {size ? (
              <ActionOverlay actions={actions} width={size.width} height={size.height} />
            ) : null}
          </>
        ) : (
          <div className="colloquy-computer__empty">{strings.noScreenshot}</div>
        )}
        <CaptionChips actions={actions} />
      </div>
      <figcaption className="colloquy-computer__caption">{description}</figcaption>
      {awaiting.length > 0 ? (
        <SafetyCheckPrompt
          checks={awaiting}
          onAcknowledge={onAcknowledge ? () => onAcknowledge(part, awaiting) : undefined}
          onDeny={onDeny ? () => onDeny(part, awaiting) : undefined}
        />
      ) : null}
    </figure>
  );
}

/** Typed text, keys and waits: actions without a place on screen, shown as chips. */
function CaptionChips({ actions }: { actions: ReturnType<typeof computerActions> }): ReactNode {
  const strings = useStrings();
  const chips = actions.flatMap((action, index) => {
    if (action.type === "type") {
      return [
        <span key={index} className="colloquy-computer__chip" data-action="type">
          <span className="colloquy-computer__chip-label">⌨</span>
          <span className="colloquy-computer__typed">{action.text}</span>
        </span>,
      ];
    }
    if (action.type === "keypress") {
      return [
        <span key={index} className="colloquy-computer__chip" data-action="keypress">
          {action.keys.map((key, keyIndex) => (
            <kbd key={keyIndex} className="colloquy-computer__key">
              {key}
            </kbd>
          ))}
          <span className="colloquy-visually-hidden">{formatKeys(action.keys)}</span>
        </span>,
      ];
    }
    if (action.type === "wait" || action.type === "screenshot") {
      return [
        <span key={index} className="colloquy-computer__chip" data-action={action.type}>
          {action.type === "wait" ? strings.computerWait : strings.computerScreenshot}
        </span>,
      ];
    }
    return [];
  });
  if (chips.length === 0) return null;
  return (
    <div className="colloquy-computer__chips" aria-hidden="true">
      {chips}
    </div>
  );
}
