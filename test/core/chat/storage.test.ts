import { describe, expect, it } from "vitest";
import { IDBFactory } from "fake-indexeddb";
import { indexedDbChatStorage } from "../../../src/core/chat/indexed-db-storage.js";
import { localStorageChatStorage } from "../../../src/core/chat/local-storage.js";
import {
  memoryChatStorage,
  type ChatStorage,
  type StoredChat,
} from "../../../src/core/chat/storage.js";
import { ChatStore } from "../../../src/core/chat/chat-store.js";
import { fakeClient } from "./fake-client.js";

/** A minimal in-memory Web Storage, as browsers provide. */
function webStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (index) => [...data.keys()][index] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, String(value)),
  };
}

const chat: StoredChat = {
  version: 1,
  messages: [
    {
      id: "u",
      role: "user",
      parts: [{ type: "text", text: "hi" }],
      metadata: {},
      status: "complete",
    },
    {
      id: "a",
      role: "assistant",
      parts: [{ type: "text", text: "hel", state: "streaming" }],
      metadata: { responseId: "resp_1", lastSequenceNumber: 3 },
      status: "in-progress",
    },
  ],
};

const adapters: [string, () => ChatStorage][] = [
  ["memory", () => memoryChatStorage()],
  ["localStorage", () => localStorageChatStorage({ storage: webStorage() })],
  ["IndexedDB", () => indexedDbChatStorage({ indexedDB: new IDBFactory() })],
];

describe.each(adapters)("%s chat storage", (_name, create) => {
  it("saves, loads and removes conversations by id", async () => {
    const storage = create();
    expect(await storage.load("x")).toBeUndefined();
    await storage.save("x", chat);
    await storage.save("y", { version: 1, messages: [] });
    expect(await storage.load("x")).toEqual(chat);
    expect(await storage.load("y")).toEqual({ version: 1, messages: [] });
    await storage.remove("x");
    expect(await storage.load("x")).toBeUndefined();
    expect(await storage.load("y")).toEqual({ version: 1, messages: [] });
  });

  it("gives a store its conversation back after a reload", async () => {
    const storage = create();
    const first = new ChatStore({
      id: "c",
      client: fakeClient([{ chunks: ["kept"] }]),
      storage,
      notify: "sync",
    });
    await first.send("remember");
    await first.settled();
    // Saves may be asynchronous (IndexedDB): give them a turn to land.
    await new Promise((r) => setTimeout(r, 20));
    const second = new ChatStore({ id: "c", client: fakeClient([]), storage, notify: "sync" });
    await second.start();
    expect(second.getSnapshot().messages.map((m) => m.parts[0])).toEqual([
      { type: "text", text: "remember" },
      { type: "text", text: "kept", state: "done" },
    ]);
  });
});

describe("localStorage chat storage", () => {
  it("treats a corrupt entry as no conversation", () => {
    const backing = webStorage();
    backing.setItem("colloquy:chat:bad", "{not json");
    const storage = localStorageChatStorage({ storage: backing });
    expect(storage.load("bad")).toBeUndefined();
  });

  it("explains what to do where there is no localStorage", () => {
    const storage = localStorageChatStorage();
    expect(() => storage.load("x")).toThrow(/localStorage is not available here/);
  });
});
