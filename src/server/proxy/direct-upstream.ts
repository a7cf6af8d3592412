import { openAIErrorResponse } from "./openai-error.js";
import { boundedErrorAnswer } from "./read-upstream-body.js";
import { isNativeStream, type NativeStream, type NativeUpstreamSend } from "./stream-answer.js";

/**
 * How to reach an upstream that needs nothing but a URL and fixed headers (OpenAI itself,
 * any compatible server, Azure's v1 endpoint with a key, an in-process handler). Generation
 * requests go this way without the openai client: they are on every answer's time to first
 * byte, and the client's request building, logging and retry bookkeeping cost about half a
 * millisecond per request that a proxy forwarding one JSON body does not need.
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
  /**
   * True when requests go over the network to `baseURL` (no in-process `upstream` handler),
   * so a runtime adapter may send them with its own HTTP client instead of `fetch`.
   */
  overNetwork: boolean;
}

/** What a direct call needs to describe failures: where it went, and what to scrub. */
export interface DirectTarget {
  /** The upstream. */
  direct: DirectUpstream;
  /** Strings that must never reach the client. */
  secrets: readonly string[];
  /** Where requests go, for error messages. */
  description: string;
}

/**
 * POSTs a JSON body upstream and returns the upstream's response with its body untouched.
 * Failures become responses the way the openai-client path makes them: the upstream's own
 * error (bounded in size), 499 when the client left, 504 on timeout, 502 when unreachable. With a
 * runtime adapter's `send`, a successful stream comes back in the adapter's native form.
 */
export async function postDirect(
  target: DirectTarget,
  path: string,
  body: unknown,
  signal: AbortSignal,
): Promise<Response>;
export async function postDirect(
  target: DirectTarget,
  path: string,
  body: unknown,
  signal: AbortSignal,
  send: NativeUpstreamSend,
): Promise<Response | NativeStream>;
export async function postDirect(
  target: DirectTarget,
  path: string,
  body: unknown,
  signal: AbortSignal,
  send?: NativeUpstreamSend,
): Promise<Response | NativeStream> {
  const { direct } = target;
  if (signal.aborted) return clientClosed();
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
  let response: Response | NativeStream;
  try {
    response = await (send ?? direct.fetch)(direct.baseURL + path, {
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
    if (timedOut) return upstreamTimeout(target.description);
    if (signal.aborted) return clientClosed();
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const reason = cause instanceof Error ? cause.message : String(cause);
    return openAIErrorResponse(
      502,
      `Could not reach ${target.description}: ${reason}. Check the proxy's upstream configuration and network.`,
      { type: "server_error", code: "upstream_unreachable" },
    );
  } finally {
    clearTimeout(timer);
  }
  if (isNativeStream(response) || response.ok) return response;
  signal.removeEventListener("abort", onAbort);
  return boundedErrorAnswer(response);
}

function clientClosed(): Response {
  // Nobody reads this answer: the client that asked has gone.
  return openAIErrorResponse(499, "The client closed the request.", { code: "client_closed" });
}

/** The 504 both upstream paths answer when headers do not arrive in time. */
export function upstreamTimeout(description: string): Response {
  return openAIErrorResponse(
    504,
    `${description} did not answer in time. Try again, or raise the proxy's timeoutMs.`,
    { type: "server_error", code: "upstream_timeout" },
  );
}
