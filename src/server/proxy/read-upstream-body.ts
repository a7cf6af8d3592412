import { openAIErrorResponse, ProxyRejection } from "./openai-error.js";
import { passedHeaders } from "./passed-headers.js";
import { formatBytes, readUpTo } from "./read-limited-body.js";

/**
 * The largest upstream error body passed on. An error's message is a few hundred bytes; a
 * body far past that is a misbehaving upstream (or one in between answering a page), and
 * reading it whole would cost its size in memory several times over.
 */
export const MAX_UPSTREAM_ERROR_BYTES = 1024 * 1024;

/**
 * The largest successful JSON answer the proxy reads whole (to note a response id, the
 * usage, a file id or the model list). Streams and answers it only passes on are never
 * read whole, whatever their size.
 */
export const MAX_UPSTREAM_JSON_BYTES = 64 * 1024 * 1024;

/**
 * An upstream error answer whose body is at most {@link MAX_UPSTREAM_ERROR_BYTES}: the same
 * status, headers and bytes when it fits; else the same status with an error of the proxy's
 * own saying what happened and how the body began. Reads at most the limit either way.
 */
export async function boundedErrorAnswer(response: Response): Promise<Response> {
  const { bytes, whole } = await readUpTo(response.body, MAX_UPSTREAM_ERROR_BYTES).catch(() => ({
    bytes: new Uint8Array(0),
    whole: true,
  }));
  if (whole)
    return new Response(bytes, { status: response.status, headers: passedHeaders(response) });
  // Control characters (newlines included) become spaces: the start is quoted in one line.
  const start = [...new TextDecoder().decode(bytes.subarray(0, 200))]
    .map((char) => (char.charCodeAt(0) < 0x20 ? " " : char))
    .join("");
  return openAIErrorResponse(
    response.status,
    `The upstream answered ${response.status} with an error body larger than ${formatBytes(MAX_UPSTREAM_ERROR_BYTES)}, which this server does not pass on. It began: ${start}`,
    { type: "server_error", code: "upstream_error_too_large" },
  );
}

/**
 * The bytes of a successful upstream answer the proxy must read whole, or a 502 when it is
 * larger than {@link MAX_UPSTREAM_JSON_BYTES} (having read no more than that).
 */
export async function readUpstreamAnswer(response: Response): Promise<Uint8Array<ArrayBuffer>> {
  const { bytes, whole } = await readUpTo(response.body, MAX_UPSTREAM_JSON_BYTES);
  if (whole) return bytes;
  throw new ProxyRejection(
    502,
    `The upstream's answer is larger than ${formatBytes(MAX_UPSTREAM_JSON_BYTES)}, more than this server reads into memory. Ask for less (fewer items, a stream), or check the upstream.`,
    { type: "server_error", code: "upstream_answer_too_large" },
  );
}
