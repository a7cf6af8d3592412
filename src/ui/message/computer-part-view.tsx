import type { ReactNode } from "react";
import type { ComputerCallPart } from "../../core/index.js";
import { ComputerScreenshot } from "../computer/computer-screenshot.js";

/** Props of {@link ComputerPartView}. */
export interface ComputerPartViewProps {
  /** The computer-use step. */
  part: ComputerCallPart;
  /** Pending safety checks were acknowledged. */
  onAcknowledgeSafetyChecks?: ((part: ComputerCallPart) => void) | undefined;
  /** Pending safety checks were refused. */
  onDenySafetyChecks?: ((part: ComputerCallPart) => void) | undefined;
}

/** A computer-use step inside a message: its screenshot with the action drawn on it. */
export function ComputerPartView({
  part,
  onAcknowledgeSafetyChecks,
  onDenySafetyChecks,
}: ComputerPartViewProps): ReactNode {
  return (
    <ComputerScreenshot
      part={part}
      {...(onAcknowledgeSafetyChecks
        ? { onAcknowledge: (p: ComputerCallPart) => onAcknowledgeSafetyChecks(p) }
        : {})}
      {...(onDenySafetyChecks ? { onDeny: (p: ComputerCallPart) => onDenySafetyChecks(p) } : {})}
    />
  );
}
