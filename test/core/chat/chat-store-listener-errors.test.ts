import { describe, expect, it } from "vitest";
import { ChatStore } from "../../../src/core/chat/chat-store.js";
import { fakeClient } from "./fake-client.js";

/**
 * A listener that throws (a view whose render overflowed the stack, say) must not take the
 * answer with it: the stream runs to its end, the busy state ends, and the other listeners
 * still hear of every change.
 */
describe("ChatStore with a listener that throws", () => {
  it.each(["sync", "frame"] as const)(
    "finishes the answer and ends the busy state (notify: %s)",
    async (notify) => {
      const errors: Error[] = [];
      const client = fakeClient([{ chunks: ["Hel", "lo"] }]);
      const store = new ChatStore({
        client,
        notify,
        storage: null,
        onError: (e) => errors.push(e),
      });
      store.subscribe(() => {
        throw new RangeError("Maximum call stack size exceeded");
      });
      const statuses: string[] = [];
      store.subscribe(() => statuses.push(store.getSnapshot().status));
      const result = await store.send("Hi");
      expect(result.sent).toBe(true);
      const { messages, status } = store.getSnapshot();
      expect(status).toBe("ready");
      expect(messages[1]!.status).toBe("complete");
      expect(statuses.at(-1)).toBe("ready");
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0]!.message).toMatch(/Maximum call stack/);
    },
  );
});
