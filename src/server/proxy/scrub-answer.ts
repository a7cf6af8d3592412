import { REDACTED, secretMatcher, type SecretMatcher } from "./scrub-secrets.js";
import type { ByteScrubber } from "./byte-scrubber.js";
import type { ProxyAnswer } from "./stream-answer.js";

/** Byte for byte text (one code unit per byte; ASCII stays ASCII), so indexes are offsets. */
const singleByte = new TextDecoder("latin1");
const REDACTED_BYTES = new TextEncoder().encode(REDACTED);

/** Where the last blank line (an SSE event's end) ends in `text`, or 0. */
function lastEventEnd(text: string): number {
  const lf = text.lastIndexOf("\n\n");
  const cr = text.lastIndexOf("\r\r");
  const crlf = text.lastIndexOf("\r\n\r\n");
  return Math.max(lf === -1 ? 0 : lf + 2, cr === -1 ? 0 : cr + 2, crlf === -1 ? 0 : crlf + 4);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.byteLength === 0) return b;
  const joined = new Uint8Array(a.byteLength + b.byteLength);
  joined.set(a);
  joined.set(b, a.byteLength);
  return joined;
}

/** `bytes` with every match in `text` (its single-byte view) replaced. */
function replaced(bytes: Uint8Array, text: string, matcher: SecretMatcher): Uint8Array {
  const { pattern } = matcher;
  pattern.lastIndex = 0;
  let match = pattern.exec(text);
  if (match === null) return bytes;
  const parts: Uint8Array[] = [];
  let from = 0;
  let size = 0;
  while (match !== null) {
    parts.push(bytes.subarray(from, match.index), REDACTED_BYTES);
    size += match.index - from + REDACTED_BYTES.byteLength;
    from = match.index + match[0].length;
    match = pattern.exec(text);
  }
  parts.push(bytes.subarray(from));
  size += bytes.byteLength - from;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** A scrubber for one body. */
export function createByteScrubber(matcher: SecretMatcher): ByteScrubber {
  let held: Uint8Array = new Uint8Array(0);
  return {
    push(chunk) {
      const bytes = concat(held, chunk);
      const text = singleByte.decode(bytes);
      const scrubbed = replaced(bytes, text, matcher);
      // Hold back the tail that could be the start of a secret, but never a whole event.
      const scrubbedText = scrubbed === bytes ? text : singleByte.decode(scrubbed);
      const keep = Math.max(
        lastEventEnd(scrubbedText),
        scrubbed.byteLength - (matcher.longest - 1),
        0,
      );
      held = scrubbed.slice(keep);
      return scrubbed.subarray(0, keep);
    },
    flush() {
      const rest = held;
      held = new Uint8Array(0);
      return rest;
    },
  };
}

/** A stream's bytes, scrubbed on the way (one pulling stream: each chunk goes out as it comes). */
function scrubbedBody(
  body: ReadableStream<Uint8Array>,
  matcher: SecretMatcher,
): ReadableStream<Uint8Array> {
  const scrubber = createByteScrubber(matcher);
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          const rest = scrubber.flush();
          if (rest.byteLength > 0) controller.enqueue(rest);
          controller.close();
          return;
        }
        const out = scrubber.push(value);
        if (out.byteLength > 0) {
          controller.enqueue(out);
          return;
        }
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

/** Headers with every value scrubbed; the same object when none held a secret. */
function scrubbedHeaders(headers: Headers, matcher: SecretMatcher): Headers {
  let copy: Headers | undefined;
  headers.forEach((value, name) => {
    matcher.pattern.lastIndex = 0;
    if (!matcher.pattern.test(value)) return;
    copy ??= new Headers(headers);
    matcher.pattern.lastIndex = 0;
    copy.set(name, value.replace(matcher.pattern, REDACTED));
  });
  return copy ?? headers;
}

/**
 * The answer with no secret left in any byte it sends: header values, and the body as it
 * streams (JSON, an event stream and its in-band errors, an error body alike). A native
 * stream gets a byte scrubber for its adapter to apply. Without secrets, the answer as is.
 */
export function scrubAnswer(answer: ProxyAnswer, secrets: readonly string[]): ProxyAnswer {
  const matcher = secretMatcher(secrets);
  if (!matcher) return answer;
  const headers = scrubbedHeaders(answer.headers, matcher);
  if (!(answer instanceof Response)) {
    return { ...answer, headers, scrubber: createByteScrubber(matcher) };
  }
  if (answer.body === null && headers === answer.headers) return answer;
  return new Response(answer.body === null ? null : scrubbedBody(answer.body, matcher), {
    status: answer.status,
    statusText: answer.statusText,
    headers,
  });
}
