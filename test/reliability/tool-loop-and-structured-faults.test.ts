import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  ChatStore,
  ColloquyError,
  attachToolRunner,
  createChatClient,
  defineTool,
} from "../../src/core/index.js";
import { startProxyStack, type ProxyStack } from "./support/stack.js";
import { expectUniqueIds, textOf } from "./support/chat-checks.js";

/**
 * Faults in a client tool loop and in structured output, through the real proxy in front
 * of the emulator. A directive fault fails the first try of each distinct request, so in a
 * tool loop it hits both the first request and the continuation after the tool result.
 */

let stack: ProxyStack;
beforeAll(async () => {
  stack = await startProxyStack();
});
afterAll(() => stack.close());

type Api = "responses" | "chat";

const clientFor = (api: Api) =>
  createChatClient({
    baseURL: stack.baseURL,
    api,
    model: api === "chat" ? "gpt-4o-mini" : "gpt-5-mini",
    maxRetries: 0,
  });

describe.each<Api>(["responses", "chat"])("a tool loop over %s", (api) => {
  it.each(["500", "disconnect-after=4", "malformed"])(
    "%s: each failed step says so, retrying continues, the tool runs exactly once",
    async (spec) => {
      const runs: string[] = [];
      const weather = defineTool({
        name: "get_weather",
        description: "Current weather for a city",
        parameters: z.object({ city: z.string() }),
        execute: ({ city }) => {
          runs.push(city);
          return { city, celsius: 18 };
        },
      });
      const store = new ChatStore({ client: clientFor(api), storage: null, notify: "sync" });
      const runner = attachToolRunner(store, { tools: [weather] });
      const text = `[fault:${spec}] What is the weather in Paris? Use the tool. (${api} ${spec})`;

      // The first request fails; regenerating asks again and the model calls the tool.
      await store.send(text);
      expect(store.getSnapshot().status).toBe("error");
      expect((store.getSnapshot().error as ColloquyError).code).toMatch(
        /api_error|connection_error|invalid_json|stream_cut/,
      );
      await store.regenerate();
      await store.settled();

      // The continuation (with the tool's result) is a new request: its first try fails too.
      let state = store.getSnapshot();
      expect(runs).toHaveLength(1);
      expect(state.status).toBe("error");
      expect(state.error!.message.length).toBeGreaterThan(20);
      expect(textOf(state.messages[0])).toBe(text);
      const call = state.messages[1]!.parts.find((part) => part.type === "tool-call");
      expect(call).toMatchObject({ toolName: "get_weather", state: "output-available" });

      // Retrying the step continues from the tool result; the tool is not run again.
      await store.continue();
      await store.settled();
      state = store.getSnapshot();
      expect(state.status).toBe("ready");
      expect(runs).toHaveLength(1);
      const roles = state.messages.map((m) => m.role);
      expect(roles[0]).toBe("user");
      expect(roles.slice(1).every((role) => role === "assistant")).toBe(true);
      const answers = state.messages.filter((m) => m.role === "assistant");
      // Failed attempts stay visible but never reach the model; the last answer is complete.
      expect(answers.at(-1)!.status).toBe("complete");
      expect(textOf(answers.at(-1)).length).toBeGreaterThan(0);
      expect(answers.filter((m) => m.status === "complete")).toHaveLength(2);
      expectUniqueIds(state.messages);
      runner.detach();
      store.dispose();
    },
  );
});

describe("the structured client", () => {
  const schema = z.object({ title: z.string(), tags: z.array(z.string()) });

  it.each(["500", "disconnect-after=6", "cut-after=6", "malformed"])(
    "%s: rejects with a clear ColloquyError, a retry resolves the validated object",
    async (spec) => {
      const structured = clientFor("responses").withStructuredOutput(schema);
      const input = `[fault:${spec}] Describe a lighthouse as a title and tags (${spec})`;
      const failure = await structured.invoke(input).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ColloquyError);
      expect((failure as Error).message.length).toBeGreaterThan(20);
      const value = await structured.invoke(input);
      expect(schema.parse(value)).toEqual(value);
    },
  );

  it("streams partial objects, and a cut stream throws with the snapshot so far", async () => {
    const structured = clientFor("chat").withStructuredOutput(schema);
    const input = "[fault:cut-after=6] Describe a lighthouse as a title and tags (stream)";
    const seen: string[] = [];
    const failure = await (async () => {
      for await (const update of structured.stream(input)) seen.push(update.type);
    })().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect((failure as ColloquyError).code).toBe("stream_cut");
    expect((failure as ColloquyError).snapshot).toBeDefined();
    let final: unknown;
    for await (const update of structured.stream(input)) {
      if (update.type === "final") final = update.value;
    }
    expect(schema.safeParse(final).success).toBe(true);
  });
});
