import type { Faults } from "./faults.js";

/**
 * Builds a streamed response body from frames (SSE events as text), applying pace and
 * faults. Only Web APIs, so the same body streams from Node and from a browser `fetch`.
 */

/** One SSE event as sent on the wire. */
export interface Frame {
  /** The exact bytes of the event, blank line included. */
  text: string;
  /** True for token-ish deltas (paced like tokens). */
  delta: boolean;
}

/** Where frames come from: the i-th frame, waiting for it if it is not produced yet. */
export type FrameSource = (index: number, signal: AbortSignal) => Promise<Frame | undefined>;

/** How fast to send. */
export interface Pace {
  /** Milliseconds before every event but the first. */
  delayMs: number;
  /** Milliseconds between the two halves of each event (exercises split parsing). */
  chunkDelayMs: number;
  /** `realistic` waits 12-20 ms per delta and 40 ms per other event instead of `delayMs`. */
  preset: "instant" | "realistic";
}

/** Options of one body. */
export interface EventBodyOptions {
  /** The frames. */
  source: FrameSource;
  /** How fast. */
  pace: Pace;
  /** What goes wrong. */
  faults: Faults;
  /** Where to insert a malformed event (when `faults.malformed`). */
  malformedAt: number;
  /** The malformed event's text. */
  malformedFrame: string;
  /** Aborts when the client has gone (the request's signal). */
  signal?: AbortSignal;
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    // In Node, a pending pause (say, a background run nobody reads) must not keep the process alive.
    (timer as { unref?: () => void }).unref?.();
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

/** Milliseconds to wait before event number `index` (0-based); the first is never delayed. */
export function eventDelay(index: number, delta: boolean, pace: Pace, faults: Faults): number {
  if (index === 0) return 0;
  if (faults.slowMs !== undefined) return faults.slowMs;
  if (pace.preset === "realistic") return delta ? 12 + ((index * 7) % 9) : 40;
  return pace.delayMs;
}

/** The body stream. Cancelling it (or aborting `signal`) stops everything, stalls included. */
export function eventBody(options: EventBodyOptions): ReadableStream<Uint8Array> {
  const { source, pace, faults } = options;
  const encoder = new TextEncoder();
  const stop = new AbortController();
  options.signal?.addEventListener("abort", () => stop.abort(), { once: true });
  let sent = 0;
  let index = 0;
  let malformedSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (stop.signal.aborted) return;
      if (faults.disconnectAfter !== undefined && sent >= faults.disconnectAfter) {
        controller.error(new Error(`Emulated disconnect after ${sent} events.`));
        return;
      }
      if (faults.cutAfter !== undefined && sent >= faults.cutAfter) {
        controller.close();
        return;
      }
      if (faults.stallAfter !== undefined && sent >= faults.stallAfter) {
        // Keep the connection open and silent until the client gives up.
        await new Promise<void>((resolve) => {
          if (stop.signal.aborted) resolve();
          stop.signal.addEventListener("abort", () => resolve(), { once: true });
        });
        return;
      }
      let frame: Frame | undefined;
      if (faults.malformed && !malformedSent && index === options.malformedAt && index > 0) {
        malformedSent = true;
        frame = { text: options.malformedFrame, delta: false };
      } else {
        frame = await source(index, stop.signal);
        index++;
      }
      if (stop.signal.aborted) return;
      if (!frame) {
        controller.close();
        return;
      }
      await sleep(eventDelay(sent, frame.delta, pace, faults), stop.signal);
      if (stop.signal.aborted) return;
      const bytes = encoder.encode(frame.text);
      if (pace.chunkDelayMs > 0 && bytes.length > 1) {
        const half = Math.floor(bytes.length / 2);
        controller.enqueue(bytes.subarray(0, half));
        await sleep(pace.chunkDelayMs, stop.signal);
        controller.enqueue(bytes.subarray(half));
      } else {
        controller.enqueue(bytes);
      }
      sent++;
    },
    cancel() {
      stop.abort();
    },
  });
}

/** A frame source over a fixed list. */
export function listSource(frames: Frame[]): FrameSource {
  return async (index) => frames[index];
}

/** Splits SSE text into its events, keeping every byte (for verbatim replay). */
export function splitSse(text: string): Frame[] {
  const parts = text.match(/[\s\S]*?(?:\r?\n\r?\n|$)/g) ?? [];
  return parts
    .filter((part) => part.length > 0)
    .map((part) => ({ text: part, delta: /\.delta"|"delta"/.test(part) }));
}
