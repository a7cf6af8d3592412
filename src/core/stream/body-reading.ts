import type { Message } from "../model/message.js";
import {
  apiErrorFromBody,
  isErrorBody,
  looksLikeHtml,
  notEventStreamError,
  type BodyOrigin,
} from "./http-errors.js";
import type { ChunkReader } from "./read-ahead.js";

/**
 * Getting at the bytes of a response: checking a `Response` before trusting its body,
 * reading error bodies whole, and reading chunks that stop when an abort signal fires.
 */

/** Reads a whole (small) stream as text, for error bodies. */
export async function readText(reader: ChunkReader, first: Uint8Array): Promise<string> {
  const decoder = new TextDecoder();
  let text = decoder.decode(first, { stream: true });
  // Error pages are small; a runaway body is cut rather than buffered whole.
  while (text.length < 1_000_000) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  void reader.cancel().catch(() => undefined);
  return text + decoder.decode();
}

/** Checks a `Response` before reading it; returns its body and what is known about it. */
export async function openResponse(
  response: Response,
  snapshot: Message,
): Promise<{ stream: ReadableStream<Uint8Array> | null; origin: BodyOrigin }> {
  const origin: BodyOrigin = {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  };
  const contentType = response.headers.get("content-type");
  if (!response.ok) {
    const text = await response.text();
    if (looksLikeHtml(text)) throw notEventStreamError(text, origin, contentType, snapshot);
    throw apiErrorFromBody(text, origin, snapshot);
  }
  if (contentType && !/^\s*text\/event-stream\b/i.test(contentType)) {
    const text = await response.text();
    if (isErrorBody(text)) throw apiErrorFromBody(text, origin, snapshot);
    throw notEventStreamError(text, origin, contentType, snapshot);
  }
  return { stream: response.body, origin };
}

/** Reads chunks, rejecting with `aborted` as soon as the signal fires. */
export function abortableRead(
  reader: ChunkReader,
  signal: AbortSignal | undefined,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  if (!signal) return reader.read();
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener("abort", onAbort, { once: true });
    reader.read().then(
      (result) => {
        signal.removeEventListener("abort", onAbort);
        resolve(result);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error as Error);
      },
    );
  });
}
