import type { Upstream, UpstreamAnswer, UpstreamCall, UpstreamSend } from "./upstream.js";
import { isUpstreamStream } from "./upstream.js";
import { upstreamErrorAnswer, type UpstreamFailure } from "./upstream-error.js";

/**
 * How to reach an upstream that needs nothing but a URL and fixed headers (OpenAI itself,
 * any compatible server, Azure's v1 endpoint with a key, an in-process handler).
 */
export interface DirectUpstream {
  /** Sends one request. */
  fetch: typeof fetch;
  /** The API base URL, without a trailing slash, e.g. `https://api.openai.com/v1`. */
  baseURL: string;
  /** Headers every request carries (credentials, organization, project). */
  headers: Readonly<Record<string, string>>;
  /** How long to wait for response headers before answering 504. */
  timeoutMs: number;
}

/**
 * The direct upstream: JSON POSTs (the generation requests, on every answer's time to first
 * byte) go straight to the URL with `fetch`, or with the runtime adapter's own send when it
 * gives one (on Node, a keep-alive node:http request whose event stream comes back as the
 * upstream's response stream). The openai client's request building, logging and retry
 * bookkeeping cost about half a millisecond per request that a proxy forwarding one JSON
 * body does not need. Every other call (uploads, reads) goes to `fallback`, the client.
 */
export function createDirectUpstream(
  direct: DirectUpstream,
  description: string,
  fallback: Upstream,
): Upstream {
  function send(call: UpstreamCall, signal: AbortSignal): Promise<Response>;
  function send(
    call: UpstreamCall,
    signal: AbortSignal,
    transport: UpstreamSend,
  ): Promise<UpstreamAnswer>;
  function send(
    call: UpstreamCall,
    signal: AbortSignal,
    transport?: UpstreamSend,
  ): Promise<UpstreamAnswer> {
    if (call.method !== "post" || call.body === undefined) return fallback.send(call, signal);
    return postDirect(direct, description, call.path, call.body, signal, transport);
  }
  return { send };
}

/**
 * POSTs a JSON body upstream and returns the upstream's answer with its body untouched;
 * failures become answers through `upstreamErrorAnswer`.
 */
async function postDirect(
  direct: DirectUpstream,
  description: string,
  path: string,
  body: unknown,
  signal: AbortSignal,
  transport: UpstreamSend | undefined,
): Promise<UpstreamAnswer> {
  const fail = (failure: UpstreamFailure) => upstreamErrorAnswer(failure, description);
  if (signal.aborted) return fail({ kind: "client-closed" });
  // One controller joins the client's signal and the timeout; it also ends the upstream
  // body when the client goes away mid-stream.
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(signal.reason);
  signal.addEventListener("abort", onAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException("The upstream did not answer in time.", "TimeoutError"));
  }, direct.timeoutMs);
  let response: UpstreamAnswer;
  try {
    response = await (transport ?? direct.fetch)(direct.baseURL + path, {
      method: "POST",
      headers: {
        ...direct.headers,
        accept: "application/json",
        "content-type": "application/json",
      },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
  } catch (error) {
    signal.removeEventListener("abort", onAbort);
    if (timedOut) return fail({ kind: "timeout" });
    if (signal.aborted) return fail({ kind: "client-closed" });
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    return fail({
      kind: "unreachable",
      reason: cause instanceof Error ? cause.message : String(cause),
    });
  } finally {
    clearTimeout(timer);
  }
  if (isUpstreamStream(response) || response.ok) return response;
  signal.removeEventListener("abort", onAbort);
  return fail({ kind: "answered", response });
}
