import { ProxyRejection } from "./openai-error.js";

/** A byte count for messages: `512 bytes`, `64 KB`, `1.5 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024)
    return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) ? 1 : 0)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** The 413 for a body past `limit` bytes. */
export function tooLarge(limit: number): ProxyRejection {
  return new ProxyRejection(
    413,
    `The request body is larger than this server's limit of ${formatBytes(limit)}. Send a smaller body, or raise the limit in the proxy options.`,
    { code: "request_too_large" },
  );
}

/** At most `limit` bytes of a body, and whether that was all of it. */
export interface BoundedBytes {
  /** The bytes read, never more than the limit. */
  bytes: Uint8Array<ArrayBuffer>;
  /** False when the body went on past the limit (the rest was not read). */
  whole: boolean;
}

/**
 * Reads a body into memory, stopping (and cancelling it) as soon as it exceeds `limit`
 * bytes, so an oversized or endless body costs at most `limit` bytes of memory.
 */
export async function readUpTo(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<BoundedBytes> {
  if (!body) return { bytes: new Uint8Array(0), whole: true };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let whole = true;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > limit) {
      chunks.push(value.subarray(0, limit - size));
      size = limit;
      whole = false;
      await reader.cancel().catch(() => undefined);
      break;
    }
    size += value.byteLength;
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, whole };
}

/**
 * Reads a request body within `limit` bytes, or refuses it with 413. Checks
 * `content-length` first, so honest clients are refused before anything is read.
 */
export async function readLimitedBody(
  request: Request,
  limit: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const { bytes, whole } = await readUpTo(request.body, limit);
  if (!whole) throw tooLarge(limit);
  return bytes;
}

/** Deepest nesting of arrays and objects a request body may have. */
export const MAX_JSON_DEPTH = 128;

/**
 * Refuses a body nested deeper than {@link MAX_JSON_DEPTH}: validating and re-encoding it
 * would recurse that deep and run out of stack. One pass over the text, strings skipped.
 */
function assertDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92) i++;
      else if (code === 34) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 91 || code === 123) {
      if (++depth > MAX_JSON_DEPTH) {
        throw new ProxyRejection(
          400,
          `The request body is nested more than ${MAX_JSON_DEPTH} levels deep. Send a flatter JSON object.`,
          { code: "json_too_deep" },
        );
      }
    } else if (code === 93 || code === 125) depth--;
  }
}

/** Reads a JSON request body within `limit` bytes; rejects with 400 when it is not JSON. */
export async function readJsonBody(
  call: { readBody(limit: number): Promise<Uint8Array<ArrayBuffer>> },
  limit: number,
): Promise<unknown> {
  const bytes = await call.readBody(limit);
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === "") {
    throw new ProxyRejection(400, "The request body is empty. Send a JSON object.", {
      code: "invalid_json",
    });
  }
  assertDepth(text);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ProxyRejection(
      400,
      `The request body is not valid JSON (${reason}). Send a JSON object with content-type application/json.`,
      { code: "invalid_json" },
    );
  }
}
