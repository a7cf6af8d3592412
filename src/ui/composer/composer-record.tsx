import { useEffect, useSyncExternalStore, type ReactNode } from "react";
import { DeferredBoundary } from "../message/deferred-part.js";
import { lazyView } from "../message/lazy-view.js";
import type { ComposerButtonProps } from "./composer-buttons.js";
import { useComposerContext } from "./composer-context.js";
import { acceptsRecordings } from "./validate-attachment.js";

/** True when this browser can record from a microphone. */
function canRecordAudio(): boolean {
  return (
    typeof navigator !== "undefined" &&
    typeof navigator.mediaDevices?.getUserMedia === "function" &&
    typeof MediaRecorder !== "undefined"
  );
}

const noSubscription = () => () => undefined;

// The button, its timer and its messages load only where the browser can record, so a chat
// that never records pays for none of it up front.
const LazyRecordButton = lazyView(() =>
  import("./record-button.js").then((module) => module.RecordButton),
);

/** Fetches the record button's code now; rejects when the chunk cannot load. */
export const preloadComposerRecord: () => Promise<void> = LazyRecordButton.preload;

/**
 * Records from the microphone into an audio attachment: a press starts (the browser asks
 * for access), the time so far shows beside the button, and a second press stops and
 * attaches the recording as a WAV file (what `input_audio` takes). Renders nothing where the
 * browser cannot record, attachments are off, or `accept` takes no WAV audio; where the API
 * takes no audio (`audioInput: false` on the composer) a press says so instead of recording.
 */
export function ComposerRecord(props: ComposerButtonProps): ReactNode {
  const state = useComposerContext("Composer.Record");
  // False on the server and while hydrating, so the markup matches; then the browser's answer.
  const supported = useSyncExternalStore(noSubscription, canRecordAudio, () => false);
  const shown = supported && state.allowAttachments && acceptsRecordings(state.accept);
  useEffect(() => {
    // A chunk that cannot load leaves the composer without the button; nothing else needs it.
    if (shown) LazyRecordButton.preload().catch(() => undefined);
  }, [shown]);
  if (!shown) return null;
  return (
    <DeferredBoundary fallback={null} failed={null}>
      <LazyRecordButton {...props} />
    </DeferredBoundary>
  );
}
