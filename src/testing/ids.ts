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

/**
 * Request ids in OpenAI's form, `req_` and 32 hex digits, counted so a run of requests gets
 * the same ids each time (`req_00000000000000000000000000000001`, then `...0002`).
 */
export function createRequestIds(): () => string {
  let count = 0;
  return () => `req_${(++count).toString(16).padStart(32, "0")}`;
}
