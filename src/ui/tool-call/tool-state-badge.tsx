import type { ReactNode } from "react";
import type { BuiltinToolState, ToolCallState } from "../../core/index.js";
import { useStrings, type UiStrings } from "../strings/index.js";

/** Any state a tool call of either kind (client tool or built-in tool) can be in. */
export type AnyToolState = ToolCallState | BuiltinToolState;

/** The coarse tone a state is drawn in. */
export type ToolStateTone = "pending" | "attention" | "success" | "danger" | "neutral";

/** The tone of each state, so colours agree across every tool renderer. */
export function toolStateTone(state: AnyToolState): ToolStateTone {
  switch (state) {
    case "approval-requested":
    case "awaiting-output":
      return "attention";
    case "output-available":
    case "completed":
      return "success";
    case "output-error":
    case "failed":
      return "danger";
    case "output-denied":
    case "incomplete":
      return "neutral";
    default:
      return "pending";
  }
}

/** The words shown for a state. */
export function toolStateLabel(state: AnyToolState, strings: UiStrings): string {
  switch (state) {
    case "input-streaming":
      return strings.preparing;
    case "input-available":
      return strings.ready;
    case "approval-requested":
    case "awaiting-output":
      return strings.awaitingApproval;
    case "output-available":
    case "completed":
      return strings.completed;
    case "output-error":
    case "failed":
      return strings.failed;
    case "output-denied":
      return strings.denied;
    case "incomplete":
      return strings.incomplete;
    case "searching":
      return strings.searching;
    case "generating":
      return strings.generatingImage;
    case "interpreting":
    case "in-progress":
      return strings.running;
  }
}

// States in which something is visibly happening, drawn with a spinner.
const ACTIVE_STATES = new Set<AnyToolState>([
  "input-streaming",
  "in-progress",
  "searching",
  "generating",
  "interpreting",
]);

/** Props of {@link ToolStateBadge}. */
export interface ToolStateBadgeProps {
  /** The state to show. */
  state: AnyToolState;
  /** Extra class names. */
  className?: string;
}

/** A small pill naming a tool call's state; `data-state` and `data-tone` carry it for styling. */
export function ToolStateBadge({ state, className }: ToolStateBadgeProps): ReactNode {
  const strings = useStrings();
  const tone = toolStateTone(state);
  return (
    <span
      className={className ? `colloquy-tool-badge ${className}` : "colloquy-tool-badge"}
      data-state={state}
      data-tone={tone}
    >
      {ACTIVE_STATES.has(state) ? <span className="colloquy-spinner" aria-hidden="true" /> : null}
      {toolStateLabel(state, strings)}
    </span>
  );
}
