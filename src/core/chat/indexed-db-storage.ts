import { isStoredChat, type ChatStorage, type StoredChat } from "./storage.js";

/** Options of `indexedDbChatStorage`. */
export interface IndexedDbChatStorageOptions {
  /** Database name (default `colloquy`). */
  databaseName?: string;
  /** Object store name (default `chats`). */
  storeName?: string;
  /** The IndexedDB factory (default `globalThis.indexedDB`). */
  indexedDB?: IDBFactory;
}

/**
 * Keeps conversations in IndexedDB: asynchronous, and roomy enough for attachments and
 * generated images.
 */
export function indexedDbChatStorage(options: IndexedDbChatStorageOptions = {}): ChatStorage {
  const databaseName = options.databaseName ?? "colloquy";
  const storeName = options.storeName ?? "chats";
  let database: Promise<IDBDatabase> | undefined;

  const open = (): Promise<IDBDatabase> => {
    database ??= new Promise<IDBDatabase>((resolve, reject) => {
      const factory = options.indexedDB ?? globalThis.indexedDB;
      if (!factory) {
        reject(
          new Error(
            "IndexedDB is not available here: pass another ChatStorage (localStorageChatStorage, memoryChatStorage) or storage: null.",
          ),
        );
        return;
      }
      const request = factory.open(databaseName, 1);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(storeName)) {
          request.result.createObjectStore(storeName);
        }
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () =>
        reject(request.error ?? new Error(`Could not open IndexedDB "${databaseName}".`));
    });
    return database;
  };

  const run = async <T>(
    mode: IDBTransactionMode,
    action: (store: IDBObjectStore) => IDBRequest<T>,
  ): Promise<T> => {
    const db = await open();
    return new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(storeName, mode);
      const request = action(transaction.objectStore(storeName));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? request.error);
      transaction.onabort = () =>
        reject(transaction.error ?? new Error("IndexedDB transaction aborted."));
    });
  };

  return {
    async load(id): Promise<StoredChat | undefined> {
      const value: unknown = await run("readonly", (store) => store.get(id));
      return isStoredChat(value) ? value : undefined;
    },
    async save(id, chat) {
      // Structured clone keeps the messages as they are; no JSON round trip needed.
      await run("readwrite", (store) => store.put(chat, id));
    },
    async remove(id) {
      await run("readwrite", (store) => store.delete(id));
    },
  };
}
