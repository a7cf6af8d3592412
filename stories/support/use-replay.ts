import { useCallback, useEffect, useRef, useState } from "react";
import type { Message } from "../../src/core/index.js";
import { applyEvent, replayRecording, type Recording } from "./replay.js";
import { finishChatMessage } from "../../src/core/stream/accumulate-chat-chunk.js";

/** Options of {@link useReplay}. */
export interface UseReplayOptions {
  /** Milliseconds between deltas; about what a real model streams at. Default 16. */
  intervalMs?: number;
  /** Start playing on mount. Default true. */
  autoplay?: boolean;
  /** Stop after this many events (frozen mid-stream). Default: play to the end. */
  stopAfter?: number;
}

/** A recording being replayed: the message so far, and play controls. */
export interface ReplayState {
  /** The message after the events played so far. */
  message: Message;
  /** True while events are still being applied. */
  playing: boolean;
  /** Events applied so far. */
  played: number;
  /** Starts again from the first event. */
  replay: () => void;
}

/** Replays a recording event by event at a realistic pace, through the core's accumulator. */
export function useReplay(recording: Recording, options: UseReplayOptions = {}): ReplayState {
  const { intervalMs = 16, autoplay = true, stopAfter } = options;
  const end = Math.min(stopAfter ?? recording.events.length, recording.events.length);
  const [run, setRun] = useState(autoplay ? 1 : 0);
  const [state, setState] = useState(() => ({
    message: replayRecording(recording, autoplay ? 0 : end),
    played: autoplay ? 0 : end,
  }));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (run === 0) return;
    let message = replayRecording(recording, 0);
    let played = 0;
    setState({ message, played });
    const step = () => {
      // Several events per tick for long recordings, so they finish in a few seconds.
      const batch = Math.max(1, Math.ceil(end / 300));
      for (let i = 0; i < batch && played < end; i++) {
        message = applyEvent(recording.api, message, recording.events[played]!);
        played += 1;
      }
      if (played >= recording.events.length && recording.api === "chat") {
        message = finishChatMessage(message);
      }
      setState({ message, played });
      if (played < end) timer.current = setTimeout(step, intervalMs);
    };
    timer.current = setTimeout(step, intervalMs);
    return () => clearTimeout(timer.current);
  }, [run, recording, end, intervalMs]);

  const replay = useCallback(() => setRun((value) => value + 1), []);
  return { ...state, playing: run > 0 && state.played < end, replay };
}
