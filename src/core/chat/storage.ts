import type { Message } from "../model/message.js";
import type { ChatBranches } from "./branches.js";

/** What a chat keeps across reloads. */
export interface StoredChat {
  /** Format version, so later versions can migrate. */
  version: 1;
  /** The conversation, including a message still streaming. */
  messages: readonly Message[];
  /** The versions regenerating and editing kept (absent in chats saved before branches). */
  branches?: ChatBranches;
}

/**
 * Where conversations are kept. Methods may be synchronous or return promises; a failing
 * save is reported through the store's `onError` and never interrupts the chat.
 */
export interface ChatStorage {
  /** The conversation saved under `id`, or undefined when there is none. */
  load(id: string): StoredChat | undefined | Promise<StoredChat | undefined>;
  /** Saves the conversation under `id`, replacing what was there. */
  save(id: string, chat: StoredChat): void | Promise<void>;
  /** Forgets the conversation saved under `id`. */
  remove(id: string): void | Promise<void>;
}

/** A storage that lives as long as the page: for tests, and to share state between stores. */
export function memoryChatStorage(): ChatStorage & { readonly entries: Map<string, StoredChat> } {
  const entries = new Map<string, StoredChat>();
  return {
    entries,
    load: (id) => entries.get(id),
    save: (id, chat) => {
      // A copy through JSON, as every real storage does, so nothing shares references.
      entries.set(id, JSON.parse(JSON.stringify(chat)) as StoredChat);
    },
    remove: (id) => {
      entries.delete(id);
    },
  };
}

/** True when `value` looks like a `StoredChat` this version can read. */
export function isStoredChat(value: unknown): value is StoredChat {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { version?: unknown }).version === 1 &&
    Array.isArray((value as { messages?: unknown }).messages)
  );
}
