import type { ReactNode } from "react";
import { useStrings } from "../strings/index.js";

/**
 * Where the server compacted the conversation: a quiet divider. The item itself is opaque
 * (encrypted); it stays in the message to be sent back, and shows nothing more.
 */
export function CompactionDivider(): ReactNode {
  const strings = useStrings();
  return (
    <div
      className="colloquy-message__compaction"
      role="separator"
      aria-label={strings.conversationCompacted}
    >
      <span aria-hidden="true">{strings.conversationCompacted}</span>
    </div>
  );
}
