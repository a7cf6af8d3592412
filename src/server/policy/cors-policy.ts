import type { RequestHead } from "../proxy/incoming-call.js";
import { ProxyRejection } from "../proxy/openai-error.js";

/**
 * Which browser origins may call the proxy from another origin. Same-origin requests and
 * requests without an `Origin` header (servers, curl) are always allowed; by default no
 * other origin is, and a request from one is refused before it costs anything.
 */
export interface CorsOptions {
  /** Allowed origins, e.g. `["https://app.example.com"]`, or `"*"` for any. */
  origins: readonly string[] | "*";
  /** Request headers a browser may send, default `authorization, content-type` and OpenAI's. */
  allowHeaders?: readonly string[];
  /** How long browsers may cache a preflight answer, default 600 s. */
  maxAgeSeconds?: number;
}

const DEFAULT_ALLOW_HEADERS = [
  "authorization",
  "content-type",
  "openai-organization",
  "openai-project",
  "x-stainless-arch",
  "x-stainless-lang",
  "x-stainless-os",
  "x-stainless-package-version",
  "x-stainless-retry-count",
  "x-stainless-runtime",
  "x-stainless-runtime-version",
  "x-stainless-timeout",
];

/** Headers exposed to cross-origin JavaScript. */
const EXPOSE_HEADERS = "x-request-id, openai-processing-ms, retry-after";

function isAllowedOrigin(origin: string, cors: CorsOptions | undefined): boolean {
  if (!cors) return false;
  return cors.origins === "*" || cors.origins.includes(origin);
}

function isSameOrigin(request: RequestHead, origin: string): boolean {
  return request.url.origin === origin;
}

/**
 * The CORS headers for a response to `request`, or an empty object when the request is not
 * cross-origin. Throws a 403 rejection for a cross-origin request from an origin not allowed.
 */
export function corsResponseHeaders(
  request: RequestHead,
  cors: CorsOptions | undefined,
): Record<string, string> {
  const origin = request.header("origin");
  if (origin === null || isSameOrigin(request, origin)) return {};
  if (!isAllowedOrigin(origin, cors)) {
    throw new ProxyRejection(
      403,
      `Requests from the origin '${origin}' are not allowed by this server. Add it to the proxy's \`cors.origins\` option.`,
      { code: "origin_not_allowed" },
    );
  }
  return {
    "access-control-allow-origin": cors?.origins === "*" ? "*" : origin,
    "access-control-expose-headers": EXPOSE_HEADERS,
    vary: "Origin",
  };
}

/** Answers a CORS preflight (`OPTIONS`) for an allowed origin with 204. */
export function preflightResponse(
  request: RequestHead,
  cors: CorsOptions | undefined,
  allowMethods: readonly string[],
): Response {
  const headers = corsResponseHeaders(request, cors);
  const allowHeaders = cors?.allowHeaders ?? DEFAULT_ALLOW_HEADERS;
  return new Response(null, {
    status: 204,
    headers: {
      ...headers,
      "access-control-allow-methods": allowMethods.join(", "),
      "access-control-allow-headers": allowHeaders.join(", "),
      "access-control-max-age": String(cors?.maxAgeSeconds ?? 600),
    },
  });
}
