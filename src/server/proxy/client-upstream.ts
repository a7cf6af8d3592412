import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import type OpenAI from "openai";
import type { Upstream, UpstreamCall } from "./upstream.js";
import { upstreamErrorAnswer, type UpstreamFailure } from "./upstream-error.js";
import { TRACE_HEADER, type ErrorCapture } from "./error-capture.js";

let traceCounter = 0;

/**
 * The upstream reached through the openai client, for what needs it: Azure's resource
 * endpoints (deployments in the path, `api-version`), Entra ID tokens it refreshes, and
 * uploads. Answers are the upstream's raw responses, body untouched (so a stream flows through
 * chunk by chunk); the raw error bodies the client would parse and discard are kept by
 * `capture` and passed on through `upstreamErrorAnswer`.
 */
export function createClientUpstream(
  client: OpenAI,
  capture: ErrorCapture,
  description: string,
): Upstream {
  const send = async (call: UpstreamCall, signal: AbortSignal): Promise<Response> => {
    const trace = `t${++traceCounter}`;
    const options = { signal, headers: { [TRACE_HEADER]: trace } };
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
        const method = { get: client.get, post: client.post, delete: client.delete }[call.method];
        response = await method.call(client, call.path, request).asResponse();
      }
      capture.forget(trace);
      return response;
    } catch (error) {
      return upstreamErrorAnswer(failureOf(error, capture.take(trace)), description);
    }
  };
  return { send };
}

/** What the openai client's exception says went wrong. */
function failureOf(error: unknown, raw: Response | undefined): UpstreamFailure {
  if (error instanceof APIUserAbortError) return { kind: "client-closed" };
  if (error instanceof APIConnectionTimeoutError) return { kind: "timeout" };
  if (error instanceof APIConnectionError) {
    const cause = error.cause instanceof Error ? (error.cause.cause ?? error.cause) : undefined;
    return { kind: "unreachable", reason: cause instanceof Error ? cause.message : error.message };
  }
  if (error instanceof APIError && typeof error.status === "number") {
    const response =
      raw ??
      new Response(JSON.stringify({ error: error.error ?? { message: error.message } }), {
        status: error.status,
        headers: { "content-type": "application/json" },
      });
    return { kind: "answered", response };
  }
  return { kind: "failed", reason: error instanceof Error ? error.message : String(error) };
}
