import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { StoredResponse } from "../../src/testing/response-store.js";

/** A stored response of `count` events whose frames are their sequence numbers. */
function storedResponse(count: number): StoredResponse {
  const events = Array.from({ length: count }, (_, index) => ({ sequence_number: index }));
  return new StoredResponse(
    "resp_test",
    events,
    (event) => ({ text: JSON.stringify(event), delta: false }),
    () => ({ id: "resp_test", status: "cancelled" }),
  );
}

describe("StoredResponse.source", () => {
  it("keeps at most one abort listener on a reader's signal however many events it waits for", async () => {
    const stored = storedResponse(200);
    const controller = new AbortController();
    const pull = stored.source(0);
    const counts: number[] = [];
    for (let index = 0; index < 200; index += 1) {
      const frame = pull(index, controller.signal);
      // The reader is now waiting for an event that is not released yet.
      await Promise.resolve();
      counts.push(getEventListeners(controller.signal, "abort").length);
      stored.release(index);
      expect(await frame).toEqual({
        text: JSON.stringify({ sequence_number: index }),
        delta: false,
      });
    }
    expect(Math.max(...counts)).toBe(1);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    expect(await pull(200, controller.signal)).toBeUndefined();
  });

  it("ends a waiting read when its signal aborts, leaving no listener behind", async () => {
    const stored = storedResponse(3);
    const controller = new AbortController();
    const frame = stored.source(0)(0, controller.signal);
    await Promise.resolve();
    controller.abort();
    expect(await frame).toBeUndefined();
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    // A later release must not touch the finished read.
    stored.release(0);
    expect(stored.released).toBe(1);
  });
});
