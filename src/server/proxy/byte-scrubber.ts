/**
 * Scrubs one body as it streams: each chunk is searched (with what was held back of the one
 * before), secrets become `[redacted]`, and the bytes that could still begin a secret
 * completed by the next chunk are held back, except when the chunk ends an SSE event (a
 * secret never spans the blank line between two events), so a stream's events still go out
 * the moment they are whole.
 */
export interface ByteScrubber {
  /** The bytes of `chunk` (and of what was held) that may be sent now; may be empty. */
  push(chunk: Uint8Array): Uint8Array;
  /** What was held back, scrubbed, once the body has ended. */
  flush(): Uint8Array;
}
