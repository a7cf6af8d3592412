import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ChatStore } from "../../../src/core/chat/chat-store.js";
import { ColloquyError } from "../../../src/core/errors.js";
import { attachToolRunner } from "../../../src/core/chat/tool-runner.js";
import { defineTool } from "../../../src/core/tools/define-tool.js";
import type { Part } from "../../../src/core/model/parts.js";
import type { ToolCallPart } from "../../../src/core/model/tool-call-part.js";
import { fakeClient } from "./fake-client.js";

const call = (toolCallId: string, toolName: string, args: unknown): Part => ({
  type: "tool-call",
  kind: "function",
  toolCallId,
  toolName,
  inputText: typeof args === "string" ? args : JSON.stringify(args),
  state: "input-available",
  input: args,
});

const weather = defineTool({
  name: "weather",
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => ({ city, temperature: 21 }),
});

const toolParts = (store: ChatStore) =>
  store
    .getSnapshot()
    .messages.flatMap((m) => m.parts)
    .filter((p): p is ToolCallPart => p.type === "tool-call");

describe("attachToolRunner", () => {
  it("runs parallel calls, sends the results and continues until the model answers", async () => {
    const client = fakeClient([
      {
        finalParts: [
          call("c1", "weather", { city: "Oslo" }),
          call("c2", "weather", { city: "Rome" }),
        ],
      },
      { chunks: ["Oslo 21, Rome 21"] },
    ]);
    const store = new ChatStore({ client, notify: "sync", storage: null });
    const runner = attachToolRunner(store, { tools: [weather] });
    await store.send("weather?");
    await vi_waitFor(
      () => store.getSnapshot().messages.length === 3 && store.getSnapshot().status === "ready",
    );
    const parts = toolParts(store);
    expect(parts.map((p) => [p.toolCallId, p.state, p.output])).toEqual([
      ["c1", "output-available", { city: "Oslo", temperature: 21 }],
      ["c2", "output-available", { city: "Rome", temperature: 21 }],
    ]);
    expect(client.requests).toHaveLength(2);
    expect(client.requests[0]!.params.tools).toContain(weather);
    expect(client.requests[1]!.messages.at(-1)!.parts).toHaveLength(2);
    runner.detach();
    expect(store.getRequestParams().tools).toBeUndefined();
  });

  it("sends invalid arguments back as a tool error instead of crashing", async () => {
    const client = fakeClient([
      { finalParts: [call("c1", "weather", { town: 3 })] },
      { chunks: ["sorry"] },
    ]);
    const store = new ChatStore({ client, notify: "sync", storage: null });
    attachToolRunner(store, { tools: { weather } });
    await store.send("weather?");
    await vi_waitFor(
      () => store.getSnapshot().messages.length === 3 && store.getSnapshot().status === "ready",
    );
    const [part] = toolParts(store);
    expect(part!.state).toBe("output-error");
    expect(part!.errorText).toMatch(/Invalid arguments for tool "weather"/);
  });

  it("stops with a max_steps error when the model keeps calling tools", async () => {
    const turns = Array.from({ length: 10 }, (_, i) => ({
      finalParts: [call(`c${i}`, "weather", { city: "X" })],
    }));
    const store = new ChatStore({ client: fakeClient(turns), notify: "sync", storage: null });
    attachToolRunner(store, { tools: [weather], maxSteps: 2 });
    await store.send("loop");
    await vi_waitFor(() => store.getSnapshot().status === "error");
    const { error, messages } = store.getSnapshot();
    expect(error).toMatchObject({ code: "max_steps" });
    // The user message, then two steps: the first answer and one continuation.
    expect(messages).toHaveLength(3);
  });

  it("asks for approval, runs on approve and reports a denial to the model", async () => {
    const runs: string[] = [];
    const risky = defineTool({
      name: "delete_file",
      parameters: z.object({ path: z.string() }),
      needsApproval: true,
      execute: async ({ path }) => {
        runs.push(path);
        return "deleted";
      },
    });
    const client = fakeClient([
      {
        finalParts: [
          call("a", "delete_file", { path: "/tmp/a" }),
          call("b", "delete_file", { path: "/etc/b" }),
        ],
      },
      { chunks: ["done"] },
    ]);
    const store = new ChatStore({ client, notify: "sync", storage: null });
    attachToolRunner(store, { tools: [risky] });
    await store.send("clean up");
    await vi_waitFor(() => toolParts(store).every((p) => p.state === "approval-requested"));
    expect(runs).toEqual([]);
    store.respondToApproval({ id: "a", approve: true });
    store.respondToApproval({ id: "b", approve: false, reason: "not that one" });
    await vi_waitFor(
      () => store.getSnapshot().messages.length === 3 && store.getSnapshot().status === "ready",
    );
    expect(runs).toEqual(["/tmp/a"]);
    expect(toolParts(store).map((p) => [p.state, p.errorText])).toEqual([
      ["output-available", undefined],
      ["output-denied", "not that one"],
    ]);
  });
});

describe("attachToolRunner failures", () => {
  it("sends a tool's exception to the model as its result", async () => {
    const flaky = defineTool({
      name: "flaky",
      parameters: z.object({}),
      execute: async () => {
        throw new Error("disk full");
      },
    });
    const store = new ChatStore({
      client: fakeClient([{ finalParts: [call("c", "flaky", {})] }, { chunks: ["ok"] }]),
      notify: "sync",
      storage: null,
    });
    attachToolRunner(store, { tools: [flaky] });
    await store.send("go");
    await vi_waitFor(
      () => store.getSnapshot().messages.length === 3 && store.getSnapshot().status === "ready",
    );
    expect(toolParts(store)[0]).toMatchObject({
      state: "output-error",
      errorText: 'Tool "flaky" failed: disk full',
    });
  });
});

describe("attachToolRunner and retries", () => {
  const counted = () => {
    const runs: string[] = [];
    const tool = defineTool({
      name: "weather",
      parameters: z.object({ city: z.string() }),
      execute: async ({ city }) => {
        runs.push(city);
        return { city, temperature: 21 };
      },
    });
    return { runs, tool };
  };
  const failedWith = (parts: Part[]) =>
    new ColloquyError("stream_cut", "The stream ended before the answer was complete.", {
      snapshot: { id: "x", role: "assistant", parts, metadata: {}, status: "in-progress" },
    });

  it("does not run the calls of an answer that failed; regenerate runs the new one once", async () => {
    const { runs, tool } = counted();
    const store = new ChatStore({
      client: fakeClient([
        { failWith: failedWith([call("c1", "weather", { city: "Oslo" })]) },
        { finalParts: [call("c2", "weather", { city: "Rome" })] },
        { chunks: ["Rome 21"] },
      ]),
      notify: "sync",
      storage: null,
    });
    attachToolRunner(store, { tools: [tool] });
    await store.send("weather?");
    await store.settled();
    expect(store.getSnapshot().status).toBe("error");
    expect(store.getSnapshot().messages.at(-1)!.status).toBe("failed");
    await new Promise((r) => setTimeout(r, 20));
    expect(runs).toEqual([]);

    await store.regenerate();
    await vi_waitFor(
      () => store.getSnapshot().messages.length === 3 && store.getSnapshot().status === "ready",
    );
    expect(runs).toEqual(["Rome"]);
  });

  it("regenerate after a failed continuation goes on from the tool result, without running the tool again", async () => {
    const { runs, tool } = counted();
    const client = fakeClient([
      { finalParts: [call("c1", "weather", { city: "Oslo" })] },
      { chunks: ["Oslo is"], failWith: new ColloquyError("connection_error", "reset") },
      { chunks: ["Oslo is 21"] },
    ]);
    const store = new ChatStore({ client, notify: "sync", storage: null });
    attachToolRunner(store, { tools: [tool] });
    await store.send("weather?");
    await vi_waitFor(() => store.getSnapshot().status === "error");
    const [user, step] = store.getSnapshot().messages;
    expect(store.getSnapshot().messages.map((m) => m.status)).toEqual([
      "complete",
      "complete",
      "failed",
    ]);

    await store.regenerate();
    await vi_waitFor(() => store.getSnapshot().status === "ready");
    const messages = store.getSnapshot().messages;
    expect(messages).toHaveLength(3);
    expect(messages[0]).toBe(user);
    expect(messages[1]!.id).toBe(step!.id);
    expect(messages[2]!.status).toBe("complete");
    expect(runs).toEqual(["Oslo"]);
    // The retried request carries the tool result, not the failed attempt.
    expect(client.requests.at(-1)!.messages.map((m) => m.id)).toEqual([user!.id, step!.id]);
  });
});

async function vi_waitFor(test: () => boolean): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (test()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error("condition not reached");
}
