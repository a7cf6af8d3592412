import { useEffect, useRef, useState, type ReactNode } from "react";
import { composeEventHandlers } from "../primitives/index.js";
import { useStrings } from "../strings/index.js";
import { PartButton, stopIcon, type ComposerButtonProps } from "./composer-buttons.js";
import { useComposerContext } from "./composer-context.js";
import type { AudioRecording } from "./record-audio.js";

const micIcon = (
  <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
    <rect
      x="7"
      y="2.5"
      width="6"
      height="10"
      rx="3"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
    />
    <path
      d="M4.5 9.5a5.5 5.5 0 0011 0M10 15v2.5"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
    />
  </svg>
);

/** `m:ss`, the way recorders show time. */
function formatElapsed(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

// DOMException (what getUserMedia rejects with) is not an Error in every environment.
function reasonOf(error: unknown): string {
  const { message, name } = (error ?? {}) as { message?: unknown; name?: unknown };
  if (typeof message === "string" && message) return message;
  return typeof name === "string" && name ? name : String(error);
}

type Phase = "idle" | "starting" | "recording" | "converting";

/**
 * `Composer.Record`'s button, loaded once the browser is known to record: a press starts (the
 * browser asks for access), the time so far shows beside it, and a second press stops and
 * attaches the recording as a WAV file. Where the API takes no audio (`audioInput: false`) a
 * press says so instead of recording. The recorder's code loads on the first press.
 */
export function RecordButton({ onClick, ...props }: ComposerButtonProps): ReactNode {
  const strings = useStrings();
  const state = useComposerContext("Composer.Record");
  const [phase, setPhase] = useState<Phase>("idle");
  const [elapsed, setElapsed] = useState(0);
  const recording = useRef<AudioRecording | undefined>(undefined);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      // Leaving the page of the composer must not leave the microphone on.
      recording.current?.cancel();
      recording.current = undefined;
    };
  }, []);
  useEffect(() => {
    if (phase !== "recording") return;
    const started = Date.now();
    setElapsed(0);
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 250);
    return () => clearInterval(timer);
  }, [phase]);

  const failed = (error: unknown) => {
    if (mounted.current) state.refuse("", { reason: "microphone", detail: reasonOf(error) });
  };
  const stop = async (current: AudioRecording) => {
    recording.current = undefined;
    setPhase("converting");
    try {
      const file = await current.stop();
      if (mounted.current) state.addFiles([file]);
    } catch (error) {
      failed(error);
    } finally {
      if (mounted.current) setPhase("idle");
    }
  };
  const start = async () => {
    if (!state.audioInput) {
      state.refuse("", { reason: "audio-api" });
      return;
    }
    setPhase("starting");
    try {
      const { startRecording } = await import("./record-audio.js");
      const started = await startRecording();
      if (!mounted.current) {
        started.cancel();
        return;
      }
      recording.current = started;
      setPhase("recording");
    } catch (error) {
      failed(error);
      if (mounted.current) setPhase("idle");
    }
  };
  const isRecording = phase === "recording";
  return (
    <>
      {isRecording ? (
        // A timer, not a live region: a screen reader is not told every second.
        <span className="colloquy-composer__recording" role="timer">
          {strings.recording(formatElapsed(elapsed))}
        </span>
      ) : null}
      <PartButton
        type="button"
        {...props}
        data-recording={isRecording ? "" : undefined}
        aria-busy={phase === "starting" || phase === "converting" ? true : undefined}
        disabled={
          state.disabled || phase === "starting" || phase === "converting" || props.disabled
        }
        onClick={composeEventHandlers(onClick, () => {
          if (recording.current) void stop(recording.current);
          else void start();
        })}
        look={{
          className: "colloquy-button colloquy-composer__record",
          variant: "ghost",
          label: isRecording ? strings.stopRecording : strings.recordAudio,
          icon: isRecording ? stopIcon : micIcon,
        }}
      />
    </>
  );
}
