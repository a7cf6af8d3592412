import { describe, expect, it } from "vitest";
import { ChatStore } from "../../../src/core/chat/chat-store.js";
import { memoryChatStorage } from "../../../src/core/chat/storage.js";
import { AttachmentError } from "../../../src/core/chat/attachments.js";
import { APIError } from "../../../src/core/errors.js";
import type { Message } from "../../../src/core/model/message.js";
import { deferred, fakeClient } from "./fake-client.js";

const textOf = (message: Message | undefined) =>
  message?.parts.map((p) => (p.type === "text" ? p.text : "")).join("") ?? "";

describe("ChatStore", () => {
  it("sends a message and streams the answer into the state", async () => {
    const client = fakeClient([{ chunks: ["Hel", "lo"] }]);
    const store = new ChatStore({ client, notify: "sync", storage: null });
    const statuses: string[] = [];
    store.subscribe(() => statuses.push(store.getSnapshot().status));
    const result = await store.send("Hi");
    expect(result.sent).toBe(true);
    const { messages, status, usage } = store.getSnapshot();
    expect(status).toBe("ready");
    expect(messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect(textOf(messages[1])).toBe("Hello");
    expect(messages[1]!.status).toBe("complete");
    expect(usage).toEqual({ inputTokens: 3, outputTokens: 2, totalTokens: 5 });
    expect(statuses).toContain("submitted");
    expect(statuses).toContain("streaming");
    expect(client.requests[0]!.messages.map(textOf)).toEqual(["Hi"]);
  });

  it("keeps the identity of messages a delta does not touch", async () => {
    const gate = deferred();
    const client = fakeClient([
      { chunks: ["a"] },
      { chunks: ["b", "c", "d"], pauseAfterFirst: gate.promise },
    ]);
    const store = new ChatStore({ client, notify: "sync", storage: null });
    await store.send("one");
    const before = store.getSnapshot().messages;
    const sending = store.send("two");
    await new Promise((r) => setTimeout(r, 0));
    const during = store.getSnapshot().messages;
    gate.resolve();
    await sending;
    const after = store.getSnapshot().messages;
    expect(during[0]).toBe(before[0]);
    expect(during[1]).toBe(before[1]);
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(during[2]);
    expect(textOf(after[3])).toBe("bcd");
  });

  it("batches streaming deltas into one notification per frame and tells the end before send resolves", async () => {
    const client = fakeClient([{ chunks: ["a", "b", "c", "d", "e", "f"] }]);
    const store = new ChatStore({ client, notify: "frame", storage: null });
    let notifications = 0;
    store.subscribe(() => notifications++);
    await store.send("Hi");
    // submitted, first delta, final: at least these; six deltas coalesced into far fewer.
    expect(notifications).toBeLessThan(6);
    expect(store.getSnapshot().status).toBe("ready");
    expect(textOf(store.getSnapshot().messages[1])).toBe("abcdef");
  });

  it("stop() keeps the partial answer with status aborted", async () => {
    const gate = deferred();
    const client = fakeClient([{ chunks: ["partial", " more"], pauseAfterFirst: gate.promise }]);
    const store = new ChatStore({ client, notify: "sync", storage: null });
    const sending = store.send("Hi");
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getSnapshot().status).toBe("streaming");
    store.stop();
    gate.resolve();
    await sending;
    const { messages, status } = store.getSnapshot();
    expect(status).toBe("ready");
    expect(messages[1]!.status).toBe("aborted");
    expect(textOf(messages[1])).toBe("partial");
  });

  it("an error mid-stream keeps the partial text and the user message; regenerate retries", async () => {
    const client = fakeClient([
      { chunks: ["half an ans"], failWith: new APIError(500, "Upstream broke") },
      { chunks: ["whole answer"] },
    ]);
    const store = new ChatStore({ client, notify: "sync", storage: null });
    await store.send("Question");
    let state = store.getSnapshot();
    expect(state.status).toBe("error");
    expect(state.error).toBeInstanceOf(APIError);
    expect(textOf(state.messages[0])).toBe("Question");
    expect(state.messages[1]!.status).toBe("failed");
    expect(state.messages[1]!.error).toMatchObject({ message: "Upstream broke", status: 500 });
    expect(textOf(state.messages[1])).toBe("half an ans");

    await store.regenerate();
    state = store.getSnapshot();
    expect(state.status).toBe("ready");
    expect(state.error).toBeUndefined();
    expect(state.messages.map(textOf)).toEqual(["Question", "whole answer"]);
    expect(client.requests[1]!.messages.map(textOf)).toEqual(["Question"]);
  });

  it("edit() replaces a user message, drops what followed and asks again", async () => {
    const client = fakeClient([
      { chunks: ["first"] },
      { chunks: ["second"] },
      { chunks: ["third"] },
    ]);
    const store = new ChatStore({ client, notify: "sync", storage: null });
    await store.send("A");
    await store.send("B");
    const firstId = store.getSnapshot().messages[0]!.id;
    await store.edit(firstId, "A edited");
    expect(store.getSnapshot().messages.map(textOf)).toEqual(["A edited", "third"]);
    // A new version of the message: the original stays reachable as the earlier branch.
    expect(store.getSnapshot().messages[0]!.id).not.toBe(firstId);
  });

  it("regenerate(id) of an earlier answer drops it and everything after", async () => {
    const client = fakeClient([{ chunks: ["1"] }, { chunks: ["2"] }, { chunks: ["1 again"] }]);
    const store = new ChatStore({ client, notify: "sync", storage: null });
    await store.send("A");
    await store.send("B");
    await store.regenerate(store.getSnapshot().messages[1]!.id);
    expect(store.getSnapshot().messages.map(textOf)).toEqual(["A", "1 again"]);
  });

  it("refuses a send with a bad attachment without losing anything", async () => {
    const client = fakeClient([]);
    const store = new ChatStore({
      client,
      notify: "sync",
      storage: null,
      attachments: { maxImageBytes: 10 },
    });
    const big = new File([new Uint8Array(100)], "photo.png", { type: "image/png" });
    const exe = new File(["MZ"], "tool.exe", { type: "application/x-msdownload" });
    const result = await store.send({ text: "look", files: [big, exe] });
    expect(result.sent).toBe(false);
    if (result.sent) return;
    expect(result.reason).toBe("rejected-attachments");
    expect(result.rejectedAttachments).toHaveLength(2);
    const [size, type] = result.rejectedAttachments;
    expect(size).toBeInstanceOf(AttachmentError);
    expect(size!.message).toContain("photo.png");
    expect(size!.message).toContain("image/png");
    expect(size!.reason).toBe("size");
    expect(size!.limit).toBe(10);
    expect(type!.reason).toBe("type");
    expect(type!.message).toContain("tool.exe");
    expect(store.getSnapshot().rejectedAttachments).toHaveLength(2);
    expect(store.getSnapshot().messages).toEqual([]);
    expect(client.requests).toHaveLength(0);
  });

  it("turns images into image parts and PDFs into file parts", async () => {
    const client = fakeClient([{ chunks: ["seen"] }]);
    const store = new ChatStore({ client, notify: "sync", storage: null });
    const png = new File([new Uint8Array([137, 80, 78, 71])], "a.png", { type: "image/png" });
    const pdf = new File(["%PDF-1.4"], "doc.pdf", { type: "application/pdf" });
    await store.send({ text: "what is this", files: [png, pdf] });
    const parts = store.getSnapshot().messages[0]!.parts;
    expect(parts[0]).toEqual({ type: "text", text: "what is this" });
    expect(parts[1]).toMatchObject({
      type: "image",
      origin: "input",
      mediaType: "image/png",
      url: "data:image/png;base64,iVBORw==",
    });
    expect(parts[2]).toMatchObject({
      type: "file",
      mediaType: "application/pdf",
      filename: "doc.pdf",
      data: btoa("%PDF-1.4"),
    });
  });

  it("refuses storage without an id, naming what to pass (it could never find the chat again)", () => {
    expect(() => new ChatStore({ client: fakeClient([]), storage: memoryChatStorage() })).toThrow(
      /`storage` needs an `id`/,
    );
  });

  it("persists the conversation and a new store with the same storage gets it back", async () => {
    const storage = memoryChatStorage();
    const store = new ChatStore({
      id: "c1",
      client: fakeClient([{ chunks: ["saved"] }]),
      notify: "sync",
      storage,
    });
    await store.send("remember me");
    const again = new ChatStore({ id: "c1", client: fakeClient([]), notify: "sync", storage });
    await again.start();
    expect(again.getSnapshot().messages.map(textOf)).toEqual(["remember me", "saved"]);
    const other = new ChatStore({ id: "c2", client: fakeClient([]), notify: "sync", storage });
    await other.start();
    expect(other.getSnapshot().messages).toEqual([]);
  });

  it("resumes a background answer that a reload interrupted", async () => {
    const storage = memoryChatStorage();
    const interrupted: Message = {
      id: "a1",
      role: "assistant",
      parts: [{ type: "text", text: "so far" }],
      metadata: { responseId: "resp_1", lastSequenceNumber: 7, background: true },
      status: "in-progress",
    };
    storage.save("c", {
      version: 1,
      messages: [
        {
          id: "u1",
          role: "user",
          parts: [{ type: "text", text: "q" }],
          metadata: {},
          status: "complete",
        },
        interrupted,
      ],
    });
    const client = fakeClient([]);
    const store = new ChatStore({ id: "c", client, notify: "sync", storage });
    await store.start();
    await store.settled();
    const last = store.getSnapshot().messages[1]!;
    expect(last.id).toBe("a1");
    expect(textOf(last)).toBe("so far continued");
    expect(last.status).toBe("complete");
    expect(client.requests[0]!.params.previousResponseId).toBe("resp_1");
    expect(storage.entries.get("c")!.messages[1]!.status).toBe("complete");
  });

  it("marks an interrupted answer that cannot be resumed as failed, keeping its text", async () => {
    const storage = memoryChatStorage();
    storage.save("c", {
      version: 1,
      messages: [
        {
          id: "a",
          role: "assistant",
          parts: [{ type: "text", text: "half" }],
          metadata: {},
          status: "in-progress",
        },
      ],
    });
    const store = new ChatStore({ id: "c", client: fakeClient([]), notify: "sync", storage });
    await store.start();
    const message = store.getSnapshot().messages[0]!;
    expect(message.status).toBe("failed");
    expect(message.error?.code).toBe("stream_cut");
    expect(textOf(message)).toBe("half");
  });

  it("passes the conversation state mode to the client", async () => {
    const client = fakeClient([{ chunks: ["x"] }]);
    const store = new ChatStore({
      client,
      notify: "sync",
      storage: null,
      conversationState: "previous-response-id",
      requestParams: { model: "m" },
    });
    await store.send("hi");
    expect(client.requests[0]!.params).toMatchObject({
      conversationState: "previous-response-id",
      model: "m",
    });
  });

  it("clearError() resets the error status", async () => {
    const store = new ChatStore({
      client: fakeClient([{ failWith: new Error("down") }]),
      notify: "sync",
      storage: null,
    });
    await store.send("hi");
    expect(store.getSnapshot().status).toBe("error");
    store.clearError();
    expect(store.getSnapshot()).toMatchObject({ status: "ready", error: undefined });
  });

  it("saves a streaming answer at most once per throttle window, and the final state at once", async () => {
    const storage = memoryChatStorage();
    const saves: string[] = [];
    const counting = {
      ...storage,
      save: (id: string, chat: Parameters<typeof storage.save>[1]) => {
        saves.push(chat.messages.at(-1)?.status ?? "none");
        storage.save(id, chat);
      },
    };
    const chunks = Array.from({ length: 50 }, (_, i) => `${i} `);
    const store = new ChatStore({
      id: "t",
      client: fakeClient([{ chunks }]),
      notify: "sync",
      storage: counting,
      saveThrottleMs: 60_000,
    });
    await store.send("count");
    expect(saves.filter((s) => s === "in-progress").length).toBeLessThanOrEqual(2);
    expect(saves.at(-1)).toBe("complete");
    expect(textOf(storage.entries.get("t")!.messages[1])).toBe(chunks.join(""));
  });

  it("refuses a second send while an answer streams, keeping the first intact", async () => {
    const gate = deferred();
    const store = new ChatStore({
      client: fakeClient([{ chunks: ["a", "b"], pauseAfterFirst: gate.promise }]),
      notify: "sync",
      storage: null,
    });
    const first = store.send("one");
    await new Promise((r) => setTimeout(r, 0));
    expect(await store.send("two")).toEqual({
      sent: false,
      reason: "busy",
      rejectedAttachments: [],
    });
    gate.resolve();
    await first;
    expect(store.getSnapshot().messages.map(textOf)).toEqual(["one", "ab"]);
  });

  it("keeps several stores on one page apart", async () => {
    const storage = memoryChatStorage();
    const a = new ChatStore({
      id: "a",
      client: fakeClient([{ chunks: ["for a"] }]),
      notify: "sync",
      storage,
    });
    const b = new ChatStore({
      id: "b",
      client: fakeClient([{ chunks: ["for b"] }]),
      notify: "sync",
      storage,
    });
    await Promise.all([a.send("to a"), b.send("to b")]);
    expect(a.getSnapshot().messages.map(textOf)).toEqual(["to a", "for a"]);
    expect(b.getSnapshot().messages.map(textOf)).toEqual(["to b", "for b"]);
    expect(storage.entries.get("a")!.messages.map(textOf)).toEqual(["to a", "for a"]);
  });
});

describe("an answer that reports its own failure in the stream", () => {
  it("puts the store in the error state with the partial answer kept, and regenerate recovers", async () => {
    const lost = {
      message: "The connection to the model's server was lost.",
      code: "upstream_lost",
    };
    const client = fakeClient([
      { chunks: ["Part of ", "the answer"], reportsFailure: lost },
      { chunks: ["The whole answer"] },
    ]);
    const store = new ChatStore({ client });
    await store.send("Hi");
    expect(store.getSnapshot().status).toBe("error");
    expect(store.getSnapshot().error?.message).toBe(lost.message);
    const answer = store.getSnapshot().messages.at(-1)!;
    expect(answer).toMatchObject({ status: "failed", error: lost });
    expect(answer.parts).toEqual([
      { type: "text", text: "Part of the answer", state: "streaming" },
    ]);

    await store.regenerate();
    expect(store.getSnapshot().status).toBe("ready");
    expect(store.getSnapshot().messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect(store.getSnapshot().messages[1]!.parts[0]).toMatchObject({ text: "The whole answer" });
  });
});
