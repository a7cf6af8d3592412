import { MAX_READ_AHEAD_BYTES } from "./stream-limits.js";

/** The part of a stream reader that reading a body needs. */
export interface ChunkReader {
  /** The next chunk, or `done`. */
  read(): Promise<ReadableStreamReadResult<Uint8Array>>;
  /**
   * The next chunk if it is already held (read ahead), without waiting; `undefined` when none
   * is, and then `read()` waits for it (or rejects with the failure that followed the last).
   */
  held(): ReadableStreamReadResult<Uint8Array> | undefined;
  /** Stops the stream; what was not read is dropped. */
  cancel(reason?: unknown): Promise<void>;
  /** Gives the stream back. */
  releaseLock(): void;
}

/**
 * Reads a body as fast as it arrives, whatever pace its consumer reads at, and hands the
 * chunks on in order, with the failure (if any) after the last of them.
 *
 * Why: when a connection breaks, the browser errors the body stream, and erroring a stream
 * discards the chunks it had queued but nobody had read yet. A consumer that folds each
 * event before asking for the next one (and yields to React between them) lags behind the
 * network, so the last chunks before a reset, often the whole answer of a short one, would
 * vanish. Held here instead, they survive the error. An answer is small next to the memory of
 * a page, so holding what the consumer has not reached yet costs little; past `limit` bytes
 * held (a body far larger than any answer, or a consumer that stopped reading), the reader
 * waits for the consumer before reading on, so memory stays bounded.
 */
export function readAhead(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  limit = MAX_READ_AHEAD_BYTES,
): ChunkReader {
  // A queue with a moving head: `shift()` on a long array can cost its length, and a body read
  // from memory runs far ahead of its consumer.
  let chunks: ReadableStreamReadResult<Uint8Array>[] = [];
  let head = 0;
  // Bytes held and not yet taken; the pump waits on `space` while they exceed the limit.
  let held = 0;
  let space: (() => void) | undefined;
  function take(): ReadableStreamReadResult<Uint8Array> | undefined {
    if (head === chunks.length) return undefined;
    const next = chunks[head]!;
    chunks[head++] = undefined!;
    if (head === chunks.length) {
      chunks = [];
      head = 0;
    }
    held -= next.value?.byteLength ?? 0;
    if (space && held <= limit) {
      const resume = space;
      space = undefined;
      resume();
    }
    return next;
  }
  let failure: { error: unknown } | undefined;
  let waiter:
    | {
        resolve: (result: ReadableStreamReadResult<Uint8Array>) => void;
        reject: (e: unknown) => void;
      }
    | undefined;
  let stopped = false;

  function settle(): void {
    if (!waiter) return;
    const { resolve, reject } = waiter;
    const next = take();
    if (next) {
      waiter = undefined;
      resolve(next);
    } else if (failure) {
      waiter = undefined;
      reject(failure.error);
    }
  }

  void (async () => {
    try {
      for (;;) {
        const result = await reader.read();
        if (stopped) return;
        chunks.push(result);
        held += result.value?.byteLength ?? 0;
        settle();
        if (result.done) return;
        if (held > limit) {
          await new Promise<void>((resolve) => {
            space = resolve;
          });
          if (stopped) return;
        }
      }
    } catch (error) {
      if (stopped) return;
      failure = { error };
      settle();
    }
  })();

  return {
    held: take,
    read() {
      const next = take();
      if (next) return Promise.resolve(next);
      if (failure) return Promise.reject(failure.error as Error);
      return new Promise((resolve, reject) => {
        waiter = { resolve, reject };
      });
    },
    cancel(reason) {
      stopped = true;
      chunks = [];
      head = 0;
      space?.();
      return reader.cancel(reason);
    },
    releaseLock() {
      stopped = true;
      space?.();
      // The pump's pending read rejects once the lock is gone; nobody is listening.
      try {
        reader.releaseLock();
      } catch {
        // Already released.
      }
    },
  };
}
