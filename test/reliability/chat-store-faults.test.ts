import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ChatStore,
  ColloquyError,
  createChatClient,
  type APIError,
  type ChatClientOptions,
} from "../../src/core/index.js";
import { startProxyStack, type ProxyStack } from "./support/stack.js";
import { expectUniqueIds, flakyFetch, textOf } from "./support/chat-checks.js";

/**
 * The fault matrix through the real proxy in front of the emulator, on the ChatStore path,
 * for both APIs. Each fault fires on the first try only (the emulator's `[fault:...]`
 * directive), so regenerating must recover.
 */

let stack: ProxyStack;
beforeAll(async () => {
  stack = await startProxyStack();
});
afterAll(() => stack.close());

type Api = "responses" | "chat";

interface Cell {
  /** The fault spec. */
  spec: string;
  /** What the error must say. */
  message: RegExp;
  /** The error's code. */
  code: string;
  /** True when part of the answer arrived before the fault. */
  partial: boolean;
  /** Client options for this cell. */
  client?: Partial<ChatClientOptions>;
}

const CELLS: Cell[] = [
  { spec: "429", code: "api_error", message: /rate limit/i, partial: false },
  { spec: "500", code: "api_error", message: /500|server|internal/i, partial: false },
  { spec: "503", code: "api_error", message: /503|overloaded|unavailable/i, partial: false },
  {
    spec: "disconnect-after=8",
    // A reset mid-body surfaces as a lost connection, with the snapshot so far.
    code: "connection_error",
    message: /connection|terminated|reset|closed/i,
    partial: true,
  },
  { spec: "cut-after=8", code: "stream_cut", message: /ended|cut|before/i, partial: true },
  { spec: "malformed", code: "invalid_json", message: /not valid JSON/i, partial: true },
  {
    spec: "stall-after=8",
    code: "timeout",
    message: /timeout/i,
    partial: true,
    client: { timeout: 4_000 },
  },
];

function newStore(api: Api, options: Partial<ChatClientOptions> = {}) {
  const errors: Error[] = [];
  const store = new ChatStore({
    client: createChatClient({
      baseURL: stack.baseURL,
      api,
      model: api === "chat" ? "gpt-4o-mini" : "gpt-5-mini",
      maxRetries: 0,
      ...options,
    }),
    storage: null,
    notify: "sync",
    onError: (error) => void errors.push(error),
  });
  return { store, errors };
}

const STORY = "Tell me a long story about a lighthouse keeper and the sea, in many sentences.";

describe.each<Api>(["responses", "chat"])("ChatStore over %s through the proxy", (api) => {
  it.each(CELLS)(
    "$spec: a clear error, the partial answer kept, regenerate recovers",
    async (cell) => {
      const { store, errors } = newStore(api, cell.client);
      await store.send("Say hello");
      const [firstUser, firstAnswer] = store.getSnapshot().messages;
      expect(firstAnswer!.status).toBe("complete");

      const text = `[fault:${cell.spec}] ${STORY} (${api} ${cell.spec})`;
      await store.send(text);
      const failed = store.getSnapshot();
      expect(failed.status).toBe("error");
      expect(failed.error).toBeInstanceOf(ColloquyError);
      expect((failed.error as ColloquyError).code).toBe(cell.code);
      expect(failed.error!.message).toMatch(cell.message);
      if (cell.spec === "429") expect((failed.error as APIError).retryAfterSeconds).toBe(1);
      expect(errors).toHaveLength(1);
      // The conversation before the fault is untouched, the user's text kept as typed.
      expect(failed.messages[0]).toBe(firstUser);
      expect(failed.messages[1]).toBe(firstAnswer);
      expect(textOf(failed.messages[2])).toBe(text);
      if (cell.partial) {
        expect(failed.messages).toHaveLength(4);
        expect(failed.messages[3]!.status).toBe("failed");
        expect(failed.messages[3]!.error?.message).toBe(failed.error!.message);
        expect(textOf(failed.messages[3]).length).toBeGreaterThan(0);
      } else {
        expect(failed.messages.length).toBeGreaterThanOrEqual(3);
        expect(failed.messages.length).toBeLessThanOrEqual(4);
      }
      expectUniqueIds(failed.messages);

      await store.regenerate();
      const recovered = store.getSnapshot();
      expect(recovered.status).toBe("ready");
      expect(recovered.error).toBeUndefined();
      expect(recovered.messages.map((m) => m.role)).toEqual([
        "user",
        "assistant",
        "user",
        "assistant",
      ]);
      expect(recovered.messages[2]!.id).toBe(failed.messages[2]!.id);
      expect(recovered.messages[3]!.status).toBe("complete");
      expect(textOf(recovered.messages[3]).length).toBeGreaterThan(0);
      expectUniqueIds(recovered.messages);
      store.dispose();
    },
  );

  it("429 is retried by the client after retry-after when retries are on", async () => {
    const { store, errors } = newStore(api, { maxRetries: 1 });
    await store.send(`[fault:429] Say hello (${api} auto-retry)`);
    const state = store.getSnapshot();
    expect(state.status).toBe("ready");
    expect(errors).toHaveLength(0);
    expect(state.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect(state.messages[1]!.status).toBe("complete");
    store.dispose();
  });

  it("the proxy down: a connection error naming the address, recovers when it is back", async () => {
    const { store } = newStore(api);
    await store.send("Say hello");
    await stack.proxy.stop();
    try {
      await store.send(`Are you there? (${api})`);
      const failed = store.getSnapshot();
      expect(failed.status).toBe("error");
      expect((failed.error as ColloquyError).code).toBe("connection_error");
      expect(failed.error!.message).toContain(stack.proxy.url);
      expect(failed.messages.map((m) => m.role)).toEqual(["user", "assistant", "user"]);
      expect(textOf(failed.messages[2])).toBe(`Are you there? (${api})`);
    } finally {
      await stack.proxy.restart();
    }
    await store.regenerate();
    const recovered = store.getSnapshot();
    expect(recovered.status).toBe("ready");
    expect(recovered.messages.map((m) => m.role)).toEqual([
      "user",
      "assistant",
      "user",
      "assistant",
    ]);
    expectUniqueIds(recovered.messages);
    store.dispose();
  });

  it("offline then back: the error says so, regenerate recovers once online", async () => {
    let offline = false;
    const { store } = newStore(api, { fetch: flakyFetch(() => offline) });
    await store.send("Say hello");
    offline = true;
    await store.send(`Still there? (${api})`);
    const failed = store.getSnapshot();
    expect((failed.error as ColloquyError).code).toBe("connection_error");
    expect(failed.error!.message).toMatch(/could not reach .*offline/);
    expect(failed.messages).toHaveLength(3);
    offline = false;
    await store.regenerate();
    const recovered = store.getSnapshot();
    expect(recovered.status).toBe("ready");
    expect(recovered.messages).toHaveLength(4);
    expect(recovered.messages[3]!.status).toBe("complete");
    expectUniqueIds(recovered.messages);
    store.dispose();
  });
});
