/** Deterministic ids: one counter per prefix, so the same run of requests gives the same ids. */
export interface IdFactory {
  /** The next id for `prefix`, e.g. `next("resp")` -> `resp_emu_0001`. */
  next(prefix: string): string;
}

/** A fresh set of counters. Chat and file ids use a dash (`chatcmpl-emu-0001`, `file-emu-0001`), like OpenAI's own. */
export function createIdFactory(): IdFactory {
  const counters = new Map<string, number>();
  return {
    next(prefix) {
      const count = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, count);
      const separator = prefix === "chatcmpl" || prefix === "file" ? "-" : "_";
      return `${prefix}${separator}emu${separator}${String(count).padStart(4, "0")}`;
    },
  };
}
