import type { ReactNode } from "react";
import type { ComputerCallPart } from "../../core/index.js";
import { useIds } from "../primitives/index.js";
import { useStrings } from "../strings/index.js";

/** Props of {@link SafetyCheckPrompt}. */
export interface SafetyCheckPromptProps {
  /** The checks waiting for the user. */
  checks: readonly ComputerCallPart["item"]["pending_safety_checks"][number][];
  /** Acknowledge and go on. */
  onAcknowledge?: () => void;
  /** Refuse and stop. */
  onDeny?: () => void;
}

/** The safety checks a computer-use step raised, with acknowledge and deny buttons. */
export function SafetyCheckPrompt({
  checks,
  onAcknowledge,
  onDeny,
}: SafetyCheckPromptProps): ReactNode {
  const strings = useStrings();
  const ids = useIds("safety-check", ["title"]);
  return (
    <div className="colloquy-safety-check" role="group" aria-labelledby={ids.title}>
      <div id={ids.title} className="colloquy-safety-check__title">
        {strings.safetyCheck}
      </div>
      <ul className="colloquy-safety-check__list">
        {checks.map((check) => (
          <li
            key={check.id}
            className="colloquy-safety-check__item"
            data-code={check.code ?? undefined}
          >
            {check.code ? <code className="colloquy-safety-check__code">{check.code}</code> : null}
            <span>{check.message ?? check.id}</span>
          </li>
        ))}
      </ul>
      <div className="colloquy-safety-check__buttons">
        <button
          type="button"
          className="colloquy-button"
          data-variant="secondary"
          onClick={onDeny}
          disabled={!onDeny}
        >
          {strings.deny}
        </button>
        <button
          type="button"
          className="colloquy-button"
          data-variant="primary"
          onClick={onAcknowledge}
          disabled={!onAcknowledge}
        >
          {strings.acknowledge}
        </button>
      </div>
    </div>
  );
}
