import { isStoredChat, type ChatStorage, type StoredChat } from "./storage.js";

/** Options of `localStorageChatStorage`. */
export interface LocalStorageChatStorageOptions {
  /** Prefix of the keys (default `colloquy:chat:`). */
  prefix?: string;
  /** The Storage to use (default `globalThis.localStorage`). */
  storage?: Storage;
}

/**
 * Keeps conversations in localStorage, one key per chat id. Synchronous and small (about
 * 5 MB per origin): large attachments belong in `indexedDbChatStorage`.
 */
export function localStorageChatStorage(options: LocalStorageChatStorageOptions = {}): ChatStorage {
  const prefix = options.prefix ?? "colloquy:chat:";
  const storage = (): Storage => {
    const store = options.storage ?? globalThis.localStorage;
    if (!store) {
      throw new Error(
        "localStorage is not available here: pass another ChatStorage (indexedDbChatStorage, memoryChatStorage) or storage: null.",
      );
    }
    return store;
  };
  return {
    load(id): StoredChat | undefined {
      const text = storage().getItem(prefix + id);
      if (text === null) return undefined;
      try {
        const value: unknown = JSON.parse(text);
        return isStoredChat(value) ? value : undefined;
      } catch {
        // A corrupt entry is as good as none; the next save replaces it.
        return undefined;
      }
    },
    save(id, chat) {
      storage().setItem(prefix + id, JSON.stringify(chat));
    },
    remove(id) {
      storage().removeItem(prefix + id);
    },
  };
}
