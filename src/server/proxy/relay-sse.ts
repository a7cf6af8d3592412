import type { ByteScrubber } from "./byte-scrubber.js";
import type { RelayWatch } from "./relay-watch.js";
import { createSseWatcher } from "./sse-watcher.js";

/** What a source tells the relay. */
export interface SseSourceEvents {
  /** The next chunk of the upstream's bytes (never delivered while the source is paused). */
  chunk(bytes: Uint8Array): void;
  /** The upstream's body ended. */
  end(): void;
  /** The upstream's body failed (a reset, a cut connection): called at most once, instead of `end`. */
  fail(error: unknown): void;
}

/**
 * The upstream's answer bytes as the relay reads them, whatever carries them (a Web stream,
 * the upstream's node:http response stream). A source only knows how to deliver, pause,
 * resume and stop: what to do with the bytes is the relay's.
 */
export interface SseSource {
  /** Starts the flow; called once. */
  start(events: SseSourceEvents): void;
  /** Stops delivering chunks until `resume`. */
  pause(): void;
  /** Delivers chunks again. */
  resume(): void;
  /** Stops reading and ends the upstream request: the client went away. */
  cancel(): void;
}

/**
 * Where the relay writes the client's answer (a Web stream, a node:http response). A sink
 * only knows how to write, tell that it is full, and notice the client leaving.
 */
export interface SseSink {
  /** Writes a chunk and flushes it; false when the client's buffer is full (wait for `onDrain`). */
  write(chunk: Uint8Array): boolean;
  /** Calls `then` once, when the client's buffer has room again. */
  onDrain(then: () => void): void;
  /** Calls `then` once, when the client goes away (it may also be called after the end). */
  onClose(then: () => void): void;
  /** Ends the answer, with `last` as its final bytes when given. */
  end(last?: Uint8Array): void;
  /**
   * Breaks the answer so the client sees it ended early; what was written before still
   * reaches it first.
   */
  fail(error: unknown): void;
}

/**
 * Relays an upstream answer's bytes to the client chunk by chunk as they arrive, the one
 * relay every answer body goes through: the watch sees each chunk before it goes out (the
 * response id and containers are noted first, the usage is reported at the end), the
 * scrubber (when the proxy holds secrets) cleans each chunk before it is watched, and:
 * - backpressure both ways: the source is paused while the client's buffer is full, and while
 *   a chunk waits on its id;
 * - a client that goes away cancels the upstream request;
 * - an upstream that breaks between two events ends the stream with the watch's lost event;
 *   one that breaks mid-event (or without a lost event) breaks the client's answer.
 * Resolves when the relay is over; never rejects.
 */
export function relaySse(
  source: SseSource,
  sink: SseSink,
  watch: RelayWatch,
  scrubber?: ByteScrubber,
): Promise<void> {
  const watcher = createSseWatcher(watch);
  return new Promise<void>((resolve) => {
    let over = false;
    let noting = false;
    let draining = false;
    /** What happened while a chunk waited on its id (the end, a failure): done after it. */
    let afterNoting: (() => void) | undefined;
    const whenNoted = (then: () => void) => {
      if (noting) afterNoting ??= then;
      else then();
    };
    const stop = () => {
      if (over) return false;
      over = true;
      resolve();
      return true;
    };
    const resumeIfFree = () => {
      if (!over && !noting && !draining) source.resume();
    };
    const write = (chunk: Uint8Array) => {
      if (!sink.write(chunk) && !draining) {
        draining = true;
        source.pause();
        sink.onDrain(() => {
          draining = false;
          resumeIfFree();
        });
      }
    };
    /** Watches one chunk and writes it, after its response id is noted when it has one. */
    const pass = (bytes: Uint8Array) => {
      const pending = watcher.see(bytes);
      if (!pending) {
        write(bytes);
        return;
      }
      noting = true;
      source.pause();
      const goOn = () => {
        noting = false;
        if (over) return;
        write(bytes);
        const then = afterNoting;
        afterNoting = undefined;
        if (then) then();
        else resumeIfFree();
      };
      pending.then(goOn, goOn);
    };
    const end = () => {
      if (over) return;
      watcher.end();
      stop();
      sink.end();
    };
    const fail = (error: unknown) => {
      if (!stop()) return;
      const lost = watcher.lostEvent();
      if (lost) sink.end(lost);
      else sink.fail(error);
    };

    sink.onClose(() => {
      // The client left: nothing more to relay, and the upstream request is cancelled.
      if (stop()) source.cancel();
    });
    // The end, or a failure, can come while the last chunk waits on its id: it goes out first.
    source.start({
      chunk(raw) {
        if (over) return;
        const bytes = scrubber ? scrubber.push(raw) : raw;
        if (bytes.byteLength > 0) pass(bytes);
      },
      end() {
        whenNoted(() => {
          // What the scrubber held back (the tail of an unfinished event) goes out last.
          const rest = scrubber?.flush();
          if (over || rest === undefined || rest.byteLength === 0) return end();
          pass(rest);
          whenNoted(end);
        });
      },
      fail(error) {
        whenNoted(() => fail(error));
      },
    });
  });
}
