// @vitest-environment jsdom
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import { QueryClient } from "@tanstack/react-query";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ColloquyError, createChatClient } from "../../src/core/index.js";
import { useChat } from "../../src/react/index.js";
import { useStructuredOutput } from "../../src/react/structured-output.js";
import { spawnStack, type SpawnedStack } from "./support/spawn-stack.js";
import { expectUniqueIds, flakyFetch, textOf } from "./support/chat-checks.js";

/**
 * The fault matrix on the React path: `useChat` and `useStructuredOutput` through the real
 * proxy in front of the emulator. Faults fire on the first try only, so a retry recovers.
 */

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// The server side refuses to load in a browser imitation, so the stack runs in a child process.
let stack: SpawnedStack;
beforeAll(async () => {
  stack = await spawnStack();
});
afterAll(() => stack.close());
afterEach(() => cleanup());

type Api = "responses" | "chat";

const client = (api: Api, options: { timeout?: number; fetch?: typeof fetch } = {}) =>
  createChatClient({
    baseURL: stack.baseURL,
    api,
    model: api === "chat" ? "gpt-4o-mini" : "gpt-5-mini",
    maxRetries: 0,
    ...options,
  });

const FAULTS: { spec: string; code: string; partial: boolean; timeout?: number }[] = [
  { spec: "429", code: "api_error", partial: false },
  { spec: "500", code: "api_error", partial: false },
  { spec: "503", code: "api_error", partial: false },
  { spec: "disconnect-after=8", code: "connection_error", partial: true },
  { spec: "cut-after=8", code: "stream_cut", partial: true },
  { spec: "malformed", code: "invalid_json", partial: true },
  { spec: "stall-after=8", code: "timeout", partial: true, timeout: 4_000 },
];

describe.each<Api>(["responses", "chat"])("useChat over %s through the proxy", (api) => {
  it.each(FAULTS)(
    "$spec: error shown, text and partial kept, regenerate recovers",
    async (fault) => {
      const { result } = renderHook(() =>
        useChat({
          client: client(api, fault.timeout ? { timeout: fault.timeout } : {}),
          storage: null,
          notify: "sync",
        }),
      );
      const text = `[fault:${fault.spec}] Tell me a long story about a lighthouse (${api} hook ${fault.spec})`;
      await act(() => result.current.send(text));
      await waitFor(() => expect(result.current.status).toBe("error"));
      expect((result.current.error as ColloquyError).code).toBe(fault.code);
      expect(result.current.error!.message.length).toBeGreaterThan(20);
      expect(textOf(result.current.messages[0])).toBe(text);
      if (fault.partial) {
        expect(result.current.messages).toHaveLength(2);
        expect(result.current.messages[1]!.status).toBe("failed");
        expect(textOf(result.current.messages[1]).length).toBeGreaterThan(0);
      }
      const userId = result.current.messages[0]!.id;

      await act(() => result.current.regenerate());
      await waitFor(() => expect(result.current.status).toBe("ready"));
      expect(result.current.error).toBeUndefined();
      expect(result.current.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
      expect(result.current.messages[0]!.id).toBe(userId);
      expect(result.current.messages[1]!.status).toBe("complete");
      expectUniqueIds(result.current.messages);
    },
  );

  it("offline then back: a connection error, regenerate recovers once online", async () => {
    let offline = true;
    const { result } = renderHook(() =>
      useChat({
        client: client(api, { fetch: flakyFetch(() => offline) }),
        storage: null,
        notify: "sync",
      }),
    );
    await act(() => result.current.send(`Anyone there? (${api} hook offline)`));
    await waitFor(() => expect(result.current.status).toBe("error"));
    expect((result.current.error as ColloquyError).code).toBe("connection_error");
    expect(result.current.messages).toHaveLength(1);
    offline = false;
    await act(() => result.current.regenerate());
    await waitFor(() => expect(result.current.status).toBe("ready"));
    expect(result.current.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    expectUniqueIds(result.current.messages);
  });
});

describe("useStructuredOutput through the proxy", () => {
  const schema = z.object({ title: z.string(), tags: z.array(z.string()) });

  it.each(["500", "disconnect-after=6", "malformed"])(
    "%s: a clear error, then refetch returns the validated object",
    async (spec) => {
      const queryClient = new QueryClient();
      const { result } = renderHook(() =>
        useStructuredOutput({
          schema,
          client: client("responses"),
          queryClient,
          input: `[fault:${spec}] Describe a lighthouse as a title and tags (${spec})`,
        }),
      );
      await waitFor(() => expect(result.current.status).toBe("error"), { timeout: 15_000 });
      expect(result.current.error).toBeInstanceOf(ColloquyError);
      expect(result.current.error!.message.length).toBeGreaterThan(20);
      expect(result.current.data).toBeUndefined();

      await act(() => result.current.refetch());
      await waitFor(() => expect(result.current.status).toBe("success"), { timeout: 15_000 });
      expect(schema.safeParse(result.current.data).success).toBe(true);
      queryClient.clear();
    },
  );
});
