/** Error responses in OpenAI's own shape: `{ error: { message, type, param, code } }`. */

/** Fields of an OpenAI error body. */
export interface OpenAIErrorFields {
  /** What was wrong and what to do. */
  message: string;
  /** OpenAI's error type, e.g. `invalid_request_error`. */
  type: string;
  /** The offending parameter, when there is one. */
  param?: string | null;
  /** A machine-readable code, when there is one. */
  code?: string | null;
}

// A page may read the request id of an answer (for a support ticket), as on OpenAI.
/** The CORS headers of every emulator answer. */
export const CORS = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "x-request-id",
};

/** A JSON response with permissive CORS, as every emulator answer has. */
export function jsonResponse(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...CORS, ...headers },
  });
}

/** An error response. */
export function errorResponse(
  status: number,
  fields: OpenAIErrorFields,
  headers: Record<string, string> = {},
): Response {
  return jsonResponse(
    {
      error: {
        message: fields.message,
        type: fields.type,
        param: fields.param ?? null,
        code: fields.code ?? null,
      },
    },
    status,
    headers,
  );
}

/** The error an injected HTTP fault answers with. */
export function faultResponse(status: 429 | 500 | 503): Response {
  if (status === 429) {
    return errorResponse(
      429,
      {
        message:
          "Rate limit reached (emulated by x-colloquy-fault). Retry after the time in the retry-after header.",
        type: "requests",
        code: "rate_limit_exceeded",
      },
      { "retry-after": "1" },
    );
  }
  if (status === 503) {
    return errorResponse(503, {
      message: "The engine is currently overloaded (emulated). Please try again later.",
      type: "server_error",
      code: "service_unavailable",
    });
  }
  return errorResponse(500, {
    message: "The server had an error while processing your request (emulated). Retry the request.",
    type: "server_error",
    code: "server_error",
  });
}

/** Headers of an event stream. */
export const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache",
  ...CORS,
};
