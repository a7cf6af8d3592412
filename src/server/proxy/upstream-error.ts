import { openAIErrorResponse } from "./openai-error.js";
import { boundedErrorAnswer } from "./read-upstream-body.js";

/** How a call to the upstream failed, whichever way it was sent. */
export type UpstreamFailure =
  /** The upstream answered with an HTTP error: its status, headers and body are passed on. */
  | { kind: "answered"; response: Response }
  /** The client went away before the upstream answered. */
  | { kind: "client-closed" }
  /** The upstream's headers did not arrive within `timeoutMs`. */
  | { kind: "timeout" }
  /** The upstream could not be reached (refused, reset, DNS), with the transport's reason. */
  | { kind: "unreachable"; reason: string }
  /** Anything else, with what went wrong. */
  | { kind: "failed"; reason: string };

/**
 * The one mapping from an upstream failure to the proxy's OpenAI-shaped answer: the
 * upstream's own error (at most `MAX_UPSTREAM_ERROR_BYTES` of it; the proxy scrubs secrets
 * from every answer), 499 when the client left, 504 on timeout, 502 when unreachable or
 * failed. `description` says where the call went (never a key).
 */
export async function upstreamErrorAnswer(
  failure: UpstreamFailure,
  description: string,
): Promise<Response> {
  switch (failure.kind) {
    case "answered":
      return boundedErrorAnswer(failure.response);
    case "client-closed":
      // Nobody reads this answer: the client that asked has gone.
      return openAIErrorResponse(499, "The client closed the request.", { code: "client_closed" });
    case "timeout":
      return openAIErrorResponse(
        504,
        `${description} did not answer in time. Try again, or raise the proxy's timeoutMs.`,
        { type: "server_error", code: "upstream_timeout" },
      );
    case "unreachable":
      return openAIErrorResponse(
        502,
        `Could not reach ${description}: ${failure.reason}. Check the proxy's upstream configuration and network.`,
        { type: "server_error", code: "upstream_unreachable" },
      );
    case "failed":
      return openAIErrorResponse(502, `The request to ${description} failed: ${failure.reason}.`, {
        type: "server_error",
        code: "upstream_failed",
      });
  }
}
