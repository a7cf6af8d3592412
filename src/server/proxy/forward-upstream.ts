import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { postDirect, upstreamTimeout } from "./direct-upstream.js";
import { openAIErrorResponse } from "./openai-error.js";
import { passedHeaders } from "./passed-headers.js";
import type { ErrorCapture, UpstreamClient } from "./upstream-client.js";
import { TRACE_HEADER } from "./upstream-client.js";

export { passedHeaders } from "./passed-headers.js";

/** One request to the upstream, described independently of the openai client. */
export type UpstreamCall =
  | {
      method: "get" | "post";
      path: string;
      body?: Record<string, unknown>;
      query?: Record<string, unknown>;
      stream?: boolean;
    }
  | { method: "upload"; file: File; purpose: string };

let traceCounter = 0;

/**
 * Sends one call upstream and returns the upstream's raw response, body untouched (so a
 * stream flows through chunk by chunk). Failures become responses too: the upstream's own
 * error status and body (at most 1 MB of it; the proxy scrubs secrets from every answer), 502 when it cannot be reached, 504 when it
 * does not answer in time.
 */
export async function forwardUpstream(
  upstream: UpstreamClient,
  capture: ErrorCapture,
  call: UpstreamCall,
  signal: AbortSignal,
): Promise<Response> {
  const { direct } = upstream;
  if (call.method === "post" && call.body !== undefined && direct) {
    return postDirect({ ...upstream, direct }, call.path, call.body, signal);
  }
  const trace = `t${++traceCounter}`;
  const options = { signal, headers: { [TRACE_HEADER]: trace } };
  const { client } = upstream;
  try {
    let response: Response;
    if (call.method === "upload") {
      response = await client.files
        .create(
          // The purpose was checked against the configured list; the SDK's union is narrower.
          { file: call.file, purpose: call.purpose as "user_data" },
          options,
        )
        .asResponse();
    } else {
      const request = {
        ...options,
        ...(call.body !== undefined ? { body: call.body } : {}),
        ...(call.query !== undefined ? { query: call.query } : {}),
        ...(call.stream ? { stream: true as const } : {}),
      };
      response = await (
        call.method === "post" ? client.post(call.path, request) : client.get(call.path, request)
      ).asResponse();
    }
    capture.forget(trace);
    return response;
  } catch (error) {
    return errorResponse(error, capture.take(trace), upstream);
  }
}

async function errorResponse(
  error: unknown,
  raw: Response | undefined,
  upstream: UpstreamClient,
): Promise<Response> {
  if (error instanceof APIUserAbortError) {
    // Nobody reads this answer: the client that asked has gone.
    return openAIErrorResponse(499, "The client closed the request.", { code: "client_closed" });
  }
  if (error instanceof APIConnectionTimeoutError) {
    return upstreamTimeout(upstream.description);
  }
  if (error instanceof APIConnectionError) {
    const cause = error.cause instanceof Error ? (error.cause.cause ?? error.cause) : undefined;
    const reason = cause instanceof Error ? cause.message : error.message;
    return openAIErrorResponse(
      502,
      `Could not reach ${upstream.description}: ${reason}. Check the proxy's upstream configuration and network.`,
      { type: "server_error", code: "upstream_unreachable" },
    );
  }
  if (error instanceof APIError && typeof error.status === "number") {
    const headers = raw ? passedHeaders(raw) : new Headers({ "content-type": "application/json" });
    const text = raw
      ? await raw.text()
      : JSON.stringify({ error: error.error ?? { message: error.message } });
    return new Response(text, { status: error.status, headers });
  }
  const message = error instanceof Error ? error.message : String(error);
  return openAIErrorResponse(502, `The request to ${upstream.description} failed: ${message}.`, {
    type: "server_error",
    code: "upstream_failed",
  });
}
