import type { NotifyMode } from "./types.js";

/** Schedules the calls of a publish callback so listeners hear of changes at a bounded rate. */
export interface NotifyScheduler {
  /** Asks for a publish at the next frame; requests before it runs are merged. */
  request(): void;
  /**
   * Publishes now, unless this frame already published: then at the next frame. For changes
   * that should show at once but must not cost a frame a second commit.
   */
  soon(): void;
  /** Publishes now, whatever this frame already did (for the user's own actions). */
  now(): void;
  /** Runs a pending publish now. */
  flush(): void;
  /** Drops a pending publish. */
  cancel(): void;
  /** Resolves once nothing is pending (at once when nothing is). */
  idle(): Promise<void>;
}

/**
 * How long a frame may take before the scheduler stops waiting for it: a hidden tab has no
 * animation frames, and a publish must not wait for the tab to come back.
 */
const frameTimeoutMs = 100;

/**
 * Coalesces notifications: per animation frame (`requestAnimationFrame`, or a 16 ms timeout
 * where there are no frames, e.g. Node), per microtask, or none. In frame mode at most one
 * publish by `request` or `soon` lands between two frames, so React commits at most once
 * per frame while an answer streams.
 *
 * `publish` returns whether it told listeners anything; a publish with nothing new does not
 * use up the frame.
 */
export function createNotifyScheduler(mode: NotifyMode, publish: () => boolean): NotifyScheduler {
  let pending = false;
  let publishedThisFrame = false;
  let cancelFrame: (() => void) | undefined;
  let waiters: (() => void)[] = [];

  const settle = () => {
    const resolved = waiters;
    waiters = [];
    for (const resolve of resolved) resolve();
  };

  const publishNow = () => {
    pending = false;
    if (publish()) publishedThisFrame = true;
    settle();
  };

  /** One tick per frame while there is work or a publish to count against the frame. */
  const onFrame = () => {
    cancelFrame = undefined;
    publishedThisFrame = false;
    if (pending) publishNow();
    if (publishedThisFrame) scheduleFrame();
  };

  const scheduleFrame = () => {
    if (cancelFrame) return;
    cancelFrame = nextFrame(onFrame);
  };

  const publishOrQueue = () => {
    if (mode === "sync") {
      publishNow();
      return;
    }
    if (pending) return;
    pending = true;
    if (mode === "microtask") queueMicrotask(() => pending && publishNow());
    else scheduleFrame();
  };

  const now = () => {
    publishNow();
    if (mode === "frame" && publishedThisFrame) scheduleFrame();
  };

  return {
    request: publishOrQueue,
    soon() {
      if (mode === "frame" && publishedThisFrame) publishOrQueue();
      else now();
    },
    now,
    flush() {
      if (pending) publishNow();
    },
    cancel() {
      pending = false;
      cancelFrame?.();
      cancelFrame = undefined;
      publishedThisFrame = false;
      settle();
    },
    idle() {
      if (!pending) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}

/**
 * Calls `callback` at the next animation frame, or after a timeout when frames do not come
 * (Node, a hidden tab). Returns a function that cancels it.
 */
function nextFrame(callback: () => void): () => void {
  if (typeof globalThis.requestAnimationFrame !== "function") {
    const timer = setTimeout(callback, 16);
    return () => clearTimeout(timer);
  }
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    globalThis.cancelAnimationFrame(frame);
    clearTimeout(timer);
    callback();
  };
  const frame = globalThis.requestAnimationFrame(run);
  const timer = setTimeout(run, frameTimeoutMs);
  return () => {
    done = true;
    globalThis.cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
