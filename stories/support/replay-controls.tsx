import type { ReactNode } from "react";
import type { ReplayState } from "./use-replay.js";

/** A replay button and progress line above a replayed story. */
export function ReplayControls({
  replay,
  total,
}: {
  replay: ReplayState;
  total: number;
}): ReactNode {
  return (
    <div style={{ display: "flex", gap: "0.75rem", alignItems: "center", marginBottom: "1rem" }}>
      <button type="button" className="colloquy-button" onClick={replay.replay}>
        {replay.playing ? "Restart" : "Replay"}
      </button>
      <span style={{ color: "var(--colloquy-color-text-muted)", fontSize: "0.875rem" }}>
        {replay.played} / {total} recorded events{replay.playing ? " (streaming)" : ""}
      </span>
    </div>
  );
}
