import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createNotifyScheduler } from "../../../src/core/chat/notify-scheduler.js";

/** Animation frames run by hand: `frame()` runs every callback queued before it. */
function manualFrames() {
  let queued = new Map<number, FrameRequestCallback>();
  let next = 1;
  vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => {
    queued.set(next, callback);
    return next++;
  });
  vi.stubGlobal("cancelAnimationFrame", (handle: number) => queued.delete(handle));
  return {
    frame() {
      const due = queued;
      queued = new Map();
      for (const callback of due.values()) callback(0);
    },
  };
}

/** A scheduler over a counter of publishes, each of which says it told listeners something. */
function counted() {
  const log: string[] = [];
  let changes = 0;
  const scheduler = createNotifyScheduler("frame", () => {
    log.push(`publish ${++changes}`);
    return true;
  });
  return { scheduler, log };
}

describe("createNotifyScheduler in frame mode", () => {
  let frames: ReturnType<typeof manualFrames>;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    frames = manualFrames();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("merges requests into one publish at the next frame", () => {
    const { scheduler, log } = counted();
    scheduler.request();
    scheduler.request();
    scheduler.request();
    expect(log).toEqual([]);
    frames.frame();
    expect(log).toEqual(["publish 1"]);
    frames.frame();
    expect(log).toEqual(["publish 1"]);
  });

  it("publishes a soon change at once when the frame has not published yet", () => {
    const { scheduler, log } = counted();
    scheduler.soon();
    expect(log).toEqual(["publish 1"]);
  });

  it("moves a soon change to the next frame when this frame already published", () => {
    const { scheduler, log } = counted();
    scheduler.request();
    frames.frame();
    expect(log).toEqual(["publish 1"]);
    // The answer finishes between this frame and the next: one commit per frame still.
    scheduler.soon();
    expect(log).toEqual(["publish 1"]);
    frames.frame();
    expect(log).toEqual(["publish 1", "publish 2"]);
    // The frame after is free again.
    frames.frame();
    scheduler.soon();
    expect(log).toEqual(["publish 1", "publish 2", "publish 3"]);
  });

  it("folds batched deltas after a soon publish into the next frame", () => {
    const { scheduler, log } = counted();
    scheduler.soon(); // the first token
    scheduler.request(); // the deltas right after it
    scheduler.soon(); // and an immediate finish: still not a second publish in this frame
    expect(log).toEqual(["publish 1"]);
    frames.frame();
    expect(log).toEqual(["publish 1", "publish 2"]);
  });

  it("publishes the user's own actions at once whatever the frame did", () => {
    const { scheduler, log } = counted();
    scheduler.soon();
    scheduler.now();
    expect(log).toEqual(["publish 1", "publish 2"]);
  });

  it("takes a pending request along with a publish made now", () => {
    const { scheduler, log } = counted();
    scheduler.request();
    scheduler.now();
    frames.frame();
    expect(log).toEqual(["publish 1"]);
  });

  it("does not count a publish that told nobody anything against the frame", () => {
    const told: boolean[] = [];
    let changed = false;
    const scheduler = createNotifyScheduler("frame", () => {
      told.push(changed);
      return changed;
    });
    scheduler.now(); // nothing had changed
    changed = true;
    scheduler.soon(); // so this frame is still free
    expect(told).toEqual([false, true]);
  });

  it("resolves idle() once the deferred publish ran, and at once when nothing waits", async () => {
    const { scheduler, log } = counted();
    await scheduler.idle();
    scheduler.soon();
    scheduler.soon();
    let idle = false;
    void scheduler.idle().then(() => (idle = true));
    await Promise.resolve();
    expect(idle).toBe(false);
    frames.frame();
    await Promise.resolve();
    expect(idle).toBe(true);
    expect(log).toEqual(["publish 1", "publish 2"]);
  });

  it("publishes after a timeout when no frame comes (a hidden tab)", () => {
    const { scheduler, log } = counted();
    scheduler.request();
    vi.advanceTimersByTime(99);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(["publish 1"]);
  });

  it("drops a pending publish on cancel and releases idle() waiters", async () => {
    const { scheduler, log } = counted();
    scheduler.soon();
    scheduler.request();
    const idle = scheduler.idle();
    scheduler.cancel();
    await idle;
    frames.frame();
    vi.advanceTimersByTime(200);
    expect(log).toEqual(["publish 1"]);
  });
});

describe("createNotifyScheduler in other modes", () => {
  it("publishes every change at once in sync mode", () => {
    let told = 0;
    const scheduler = createNotifyScheduler("sync", () => (told++, true));
    scheduler.request();
    scheduler.soon();
    scheduler.request();
    expect(told).toBe(3);
  });

  it("merges a microtask's requests and publishes soon changes at once", async () => {
    let told = 0;
    const scheduler = createNotifyScheduler("microtask", () => (told++, true));
    scheduler.request();
    scheduler.request();
    expect(told).toBe(0);
    await Promise.resolve();
    expect(told).toBe(1);
    scheduler.soon();
    scheduler.soon();
    expect(told).toBe(3);
  });
});
