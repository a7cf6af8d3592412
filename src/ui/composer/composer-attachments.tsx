import type { ReactNode } from "react";
import { useStrings, type UiStrings } from "../strings/index.js";
import { AttachmentList } from "./attachment-list.js";
import { useComposerContext } from "./composer-context.js";
import type { RejectedFile } from "./use-composer-state.js";
import { formatFileSize } from "./validate-attachment.js";

/** The files waiting to be sent, each removable, and why the last refused ones were refused. */
export function ComposerAttachments(): ReactNode {
  const strings = useStrings();
  const state = useComposerContext("Composer.Attachments");
  return (
    <>
      <AttachmentList attachments={state.attachments} onRemove={state.removeAttachment} />
      {state.rejected.length > 0 ? (
        <div className="colloquy-composer__errors" id={state.ids.errors} role="alert">
          <ul className="colloquy-composer__error-list">
            {state.rejected.map((entry) => (
              <li key={entry.id} className="colloquy-composer__error">
                {describeProblem(entry, strings)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

/** The "drop files here" hint, shown while files are dragged over the composer. */
export function ComposerDropHint(): ReactNode {
  const strings = useStrings();
  const state = useComposerContext("Composer.DropHint");
  if (!state.dragging) return null;
  return (
    <div className="colloquy-composer__drop-hint" aria-hidden="true">
      {strings.dropFilesHere}
    </div>
  );
}

function describeProblem(entry: RejectedFile, strings: UiStrings): string {
  const { problem } = entry;
  switch (problem.reason) {
    case "size":
      return strings.attachmentTooLarge(entry.name, formatFileSize(problem.limit));
    case "type":
      return strings.attachmentTypeNotAccepted(entry.name, problem.accepted.join(", "));
    case "audio-format":
      return strings.audioFormatNotAccepted(entry.name);
    case "audio-api":
      return strings.audioInputUnsupported(entry.name || undefined);
    case "microphone":
      return strings.microphoneFailed(problem.detail);
  }
}
