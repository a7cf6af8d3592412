import type { NotifyMode } from "./types.js";

/** Schedules one call of a callback, coalescing requests until it runs. */
export interface NotifyScheduler {
  /** Asks for the callback to run; requests before it runs are merged. */
  request(): void;
  /** Runs the callback now if a request is pending. */
  flush(): void;
  /** Drops a pending request. */
  cancel(): void;
}

/**
 * Coalesces notifications: per animation frame (`requestAnimationFrame`, or a 16 ms timeout
 * where there are no frames, e.g. Node or a hidden tab's fallback), per microtask, or none.
 */
export function createNotifyScheduler(mode: NotifyMode, run: () => void): NotifyScheduler {
  let pending = false;
  let cancelScheduled: (() => void) | undefined;

  const fire = () => {
    cancelScheduled = undefined;
    if (!pending) return;
    pending = false;
    run();
  };

  return {
    request() {
      if (mode === "sync") {
        run();
        return;
      }
      if (pending) return;
      pending = true;
      if (mode === "microtask") {
        queueMicrotask(fire);
        return;
      }
      if (typeof globalThis.requestAnimationFrame === "function") {
        const handle = globalThis.requestAnimationFrame(fire);
        cancelScheduled = () => globalThis.cancelAnimationFrame(handle);
      } else {
        const handle = setTimeout(fire, 16);
        cancelScheduled = () => clearTimeout(handle);
      }
    },
    flush() {
      cancelScheduled?.();
      fire();
    },
    cancel() {
      cancelScheduled?.();
      cancelScheduled = undefined;
      pending = false;
    },
  };
}
