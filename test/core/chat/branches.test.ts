import { describe, expect, it } from "vitest";
import { ChatStore } from "../../../src/core/chat/chat-store.js";
import { branchPosition, ROOT_BRANCH } from "../../../src/core/chat/branches.js";
import { memoryChatStorage } from "../../../src/core/chat/storage.js";
import type { Message } from "../../../src/core/model/message.js";
import { fakeClient } from "./fake-client.js";

const textOf = (message: Message | undefined) =>
  message?.parts.map((p) => (p.type === "text" ? p.text : "")).join("") ?? "";
const texts = (store: ChatStore) => store.getSnapshot().messages.map(textOf);
const positionOf = (store: ChatStore, index: number) => {
  const { branches, messages } = store.getSnapshot();
  return branchPosition(branches, messages, messages[index]!.id);
};

describe("conversation branches", () => {
  it("regenerate keeps the previous answer as version 1 of 2 and switches back to it", async () => {
    const client = fakeClient([{ chunks: ["first answer"] }, { chunks: ["second answer"] }]);
    const store = new ChatStore({ client, notify: "sync", storage: null });
    await store.send("Q");
    await store.regenerate();
    expect(texts(store)).toEqual(["Q", "second answer"]);
    const position = positionOf(store, 1)!;
    expect(position).toMatchObject({ active: 1, count: 2 });
    store.selectBranch(position.key, 0);
    expect(texts(store)).toEqual(["Q", "first answer"]);
    store.selectBranch(position.key, 1);
    expect(texts(store)).toEqual(["Q", "second answer"]);
    // Switching sends nothing.
    expect(client.requests).toHaveLength(2);
  });

  it("edit replaces the branch after the message and keeps the old one switchable", async () => {
    const client = fakeClient([{ chunks: ["one"] }, { chunks: ["two"] }, { chunks: ["edited"] }]);
    const store = new ChatStore({ client, notify: "sync", storage: null });
    await store.send("A");
    await store.send("B");
    await store.edit(store.getSnapshot().messages[0]!.id, "A2");
    expect(texts(store)).toEqual(["A2", "edited"]);
    const position = positionOf(store, 0)!;
    expect(position).toEqual({ key: ROOT_BRANCH, active: 1, count: 2 });
    store.selectBranch(ROOT_BRANCH, 0);
    expect(texts(store)).toEqual(["A", "one", "B", "two"]);
    // The model got only the edited branch.
    expect(client.requests[2]!.messages.map(textOf)).toEqual(["A2"]);
  });

  it("keeps versions nested inside an earlier version", async () => {
    const client = fakeClient([
      { chunks: ["a1"] },
      { chunks: ["a2"] },
      { chunks: ["edited answer"] },
    ]);
    const store = new ChatStore({ client, notify: "sync", storage: null });
    await store.send("A");
    await store.regenerate();
    await store.edit(store.getSnapshot().messages[0]!.id, "A edited");
    store.selectBranch(ROOT_BRANCH, 0);
    expect(texts(store)).toEqual(["A", "a2"]);
    expect(positionOf(store, 1)).toMatchObject({ active: 1, count: 2 });
    store.selectBranch(positionOf(store, 1)!.key, 0);
    expect(texts(store)).toEqual(["A", "a1"]);
  });

  it("saves branches with the messages, so they survive a reload", async () => {
    const storage = memoryChatStorage();
    const first = new ChatStore({
      id: "chat-1",
      client: fakeClient([{ chunks: ["old"] }, { chunks: ["new"] }]),
      notify: "sync",
      storage,
    });
    await first.send("Q");
    await first.regenerate();
    first.dispose();
    const reloaded = new ChatStore({ id: "chat-1", client: fakeClient([]), storage });
    await reloaded.start();
    expect(texts(reloaded)).toEqual(["Q", "new"]);
    const position = positionOf(reloaded, 1)!;
    expect(position.count).toBe(2);
    reloaded.selectBranch(position.key, 0);
    expect(texts(reloaded)).toEqual(["Q", "old"]);
  });

  it("refuses a branch point or version the conversation does not have", async () => {
    const store = new ChatStore({ client: fakeClient([{ chunks: ["x"] }]), storage: null });
    await store.send("Q");
    expect(() => store.selectBranch("nope", 0)).toThrow(/No version 0 at branch point "nope"/);
  });

  it("setMessages forgets the branches of the conversation it replaces", async () => {
    const client = fakeClient([{ chunks: ["1"] }, { chunks: ["2"] }]);
    const store = new ChatStore({ client, notify: "sync", storage: null });
    await store.send("Q");
    await store.regenerate();
    store.setMessages([]);
    expect(store.getSnapshot().branches).toEqual({});
  });
});
