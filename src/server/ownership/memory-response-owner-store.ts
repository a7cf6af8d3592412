import type { ResponseOwnerStore, ResponseRecord } from "./response-owner-store.js";

/** Options of {@link createMemoryResponseOwnerStore}. */
export interface MemoryResponseOwnerStoreOptions {
  /** Most responses remembered, default 100 000; past it the oldest are forgotten first. */
  maxEntries?: number;
  /** The clock, in milliseconds since the epoch; tests pass a fake one. */
  now?: () => number;
}

interface Entry {
  record: ResponseRecord | undefined;
  usageReported: boolean;
  expiresAt: number;
}

/**
 * A response-owner store in this process's memory: right for one proxy instance. Expired
 * entries are swept as new ones arrive and the count is capped, so memory stays bounded
 * however long the proxy runs (a forgotten response answers 404, as an unknown one does).
 */
export function createMemoryResponseOwnerStore(
  options: MemoryResponseOwnerStoreOptions = {},
): ResponseOwnerStore {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 100_000;
  const entries = new Map<string, Entry>();
  let nextSweep = 0;

  function live(id: string): Entry | undefined {
    const entry = entries.get(id);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(id);
      return undefined;
    }
    return entry;
  }

  function put(id: string, entry: Entry): void {
    const time = now();
    if (time >= nextSweep) {
      for (const [key, value] of entries) if (value.expiresAt <= time) entries.delete(key);
      nextSweep = time + 60_000;
    }
    // Re-inserting moves the id to the end, so the oldest stay first in line to go.
    entries.delete(id);
    entries.set(id, entry);
    for (const key of entries.keys()) {
      if (entries.size <= maxEntries) break;
      entries.delete(key);
    }
  }

  return {
    async remember(id, record, ttlMs) {
      const current = live(id);
      put(id, {
        record,
        usageReported: current?.usageReported ?? false,
        expiresAt: now() + ttlMs,
      });
    },
    async recall(id) {
      return live(id)?.record;
    },
    async claimUsageReport(id, ttlMs) {
      const current = live(id);
      if (current?.usageReported) return false;
      if (current) current.usageReported = true;
      else put(id, { record: undefined, usageReported: true, expiresAt: now() + ttlMs });
      return true;
    },
  };
}
