/** Upstream response headers worth passing to the client; everything else stays behind. */
const PASSED_HEADERS = [
  "content-type",
  "cache-control",
  "x-request-id",
  "openai-processing-ms",
  "openai-version",
  "retry-after",
  "retry-after-ms",
];

/** Copies the headers a client may see from an upstream response. */
export function passedHeaders(upstream: {
  readonly headers: { get(name: string): string | null };
}): Headers {
  const headers = new Headers();
  for (const name of PASSED_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return headers;
}
