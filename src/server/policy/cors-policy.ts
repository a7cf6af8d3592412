import type { ProxyRequestContext } from "../proxy/proxy-request-context.js";
import type { RequestHead } from "../proxy/incoming-call.js";
import { ProxyRejection } from "../proxy/openai-error.js";
import { requestedHost, type TrustProxyOption } from "./trusted-proxies.js";

/**
 * Which browser origins may call the proxy from another origin. Same-origin requests and
 * requests without `Origin` or `Sec-Fetch-Site` headers (servers, curl) are always allowed;
 * by default no other origin is, and a request from one is refused before it costs anything.
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

/** Everything the cross-origin decision reads, resolved once from the proxy's options. */
export interface OriginPolicy {
  /** Origins allowed from elsewhere. */
  cors: CorsOptions | undefined;
  /** The app's public origin, e.g. `https://app.example.com`, when configured. */
  publicOrigin: string | undefined;
  /** Whose forwarding headers count. */
  trustProxy: TrustProxyOption;
}

/** A request as the origin check reads it: its head and what the adapter knows. */
export type OriginCheckedCall = RequestHead & { readonly context: ProxyRequestContext };

const DEFAULT_PORTS: Record<string, string> = { http: "80", https: "443" };

/**
 * True when `origin` is this server's own: the configured public origin, or the host the
 * client asked for (the `Host` header, or a trusted proxy's `X-Forwarded-Host`), never the
 * request's URL, which frameworks and dev proxies rewrite. The scheme is not compared: a
 * proxy in front often ends TLS.
 */
function isOwnOrigin(call: OriginCheckedCall, origin: string, policy: OriginPolicy): boolean {
  if (policy.publicOrigin !== undefined && origin === policy.publicOrigin) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.origin === "null") return false;
  const scheme = parsed.protocol.replace(/:$/, "");
  const host = requestedHost(call, policy.trustProxy);
  const defaultPort = DEFAULT_PORTS[scheme];
  const bare = defaultPort !== undefined && host.endsWith(`:${defaultPort}`);
  return parsed.host === (bare ? host.slice(0, -defaultPort.length - 1) : host);
}

function refuse(origin: string | null): ProxyRejection {
  const from = origin === null ? "a page on another site" : `the origin '${origin}'`;
  const flag = origin === null ? "<origin>" : origin;
  return new ProxyRejection(
    403,
    `Requests from ${from} are not allowed by this server. To allow an origin, add it to the proxy's \`cors.origins\` option (colloquy serve: --allow-origin ${flag}); if it is this app's own address behind a proxy, set \`publicOrigin\` (or \`trustProxy\` so forwarded hosts count).`,
    { code: "origin_not_allowed" },
  );
}

/**
 * The CORS headers for a response to `request`, or an empty object when the request is not
 * cross-origin. Throws a 403 rejection for a cross-origin request from an origin not allowed,
 * decided on what the browser says: `Sec-Fetch-Site` where it is sent (`same-origin` and
 * `none` pass; `same-site` and `cross-site` need an allowed `Origin`), else `Origin` against
 * the public origin or the requested host. Requests with neither header (servers, curl)
 * pass. Blind requests (a no-cors fetch, a form post) are refused too: they cost money even
 * though the page never sees the answer.
 */
export function corsResponseHeaders(
  request: OriginCheckedCall,
  policy: OriginPolicy,
): Record<string, string> {
  const { cors } = policy;
  const origin = request.header("origin");
  const site = request.header("sec-fetch-site")?.toLowerCase();
  if (site === "same-origin" || site === "none") return {};
  const crossSite = site === "cross-site" || site === "same-site";
  if (origin === null) {
    if (crossSite) throw refuse(null);
    return {};
  }
  if (!crossSite && isOwnOrigin(request, origin, policy)) return {};
  if (!isAllowedOrigin(origin, cors)) throw refuse(origin);
  return {
    "access-control-allow-origin": cors?.origins === "*" ? "*" : origin,
    "access-control-expose-headers": EXPOSE_HEADERS,
    vary: "Origin",
  };
}

/** Answers a CORS preflight (`OPTIONS`) for an allowed origin with 204. */
export function preflightResponse(
  request: OriginCheckedCall,
  policy: OriginPolicy,
  allowMethods: readonly string[],
): Response {
  const { cors } = policy;
  const headers = corsResponseHeaders(request, policy);
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
