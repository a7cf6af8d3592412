/** The error body OpenAI sends, which every rejection of the proxy also uses. */
export interface OpenAIErrorBody {
  /** The error itself. */
  error: {
    /** What was wrong and what to do about it. */
    message: string;
    /** The kind of error, e.g. `invalid_request_error`. */
    type: string;
    /** The request parameter at fault, e.g. `messages[0].role`, or null. */
    param: string | null;
    /** A machine-readable code, e.g. `model_not_allowed`, or null. */
    code: string | null;
  };
}

/** Details of a proxy rejection besides its status and message. */
export interface OpenAIErrorDetails {
  /** The OpenAI error type; derived from the status when omitted. */
  type?: string;
  /** The request parameter at fault. */
  param?: string | null;
  /** A machine-readable code. */
  code?: string | null;
  /** Extra response headers, e.g. `retry-after` or `allow`. */
  headers?: Record<string, string>;
}

function defaultType(status: number): string {
  if (status === 401) return "authentication_error";
  if (status === 403) return "permission_error";
  if (status === 404) return "not_found_error";
  if (status === 429) return "rate_limit_error";
  if (status >= 500) return "server_error";
  return "invalid_request_error";
}

/** Builds a JSON response in OpenAI's error shape `{ error: { message, type, param, code } }`. */
export function openAIErrorResponse(
  status: number,
  message: string,
  details: OpenAIErrorDetails = {},
): Response {
  const body: OpenAIErrorBody = {
    error: {
      message,
      type: details.type ?? defaultType(status),
      param: details.param ?? null,
      code: details.code ?? null,
    },
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...details.headers },
  });
}

/**
 * A rejection raised while handling a request; the handler turns it into an OpenAI-shaped
 * error response, so deep helpers can stop processing with one `throw`.
 */
export class ProxyRejection extends Error {
  /** HTTP status to answer with. */
  readonly status: number;
  /** Type, param, code and headers of the error body. */
  readonly details: OpenAIErrorDetails;

  constructor(status: number, message: string, details: OpenAIErrorDetails = {}) {
    super(message);
    this.name = "ProxyRejection";
    this.status = status;
    this.details = details;
  }

  /** The response this rejection stands for. */
  toResponse(): Response {
    return openAIErrorResponse(this.status, this.message, this.details);
  }
}
