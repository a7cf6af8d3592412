import type { Usage } from "../../core/model/usage.js";
import type { CorsOptions } from "../policy/cors-policy.js";
import type { ResponseOwnershipOptions } from "../ownership/response-ownership.js";
import type { AllowedHostsOption } from "../policy/host-policy.js";
import type { ModelAllowlist } from "../policy/model-policy.js";
import type { TrustProxyOption } from "../policy/trusted-proxies.js";
import type { ToolPolicy } from "../policy/tool-policy.js";
import type { RateLimitOptions } from "../rate-limit/rate-limit-policy.js";
import type { ProxyLogger } from "./proxy-logger.js";
import type { UpstreamOptions } from "./upstream-options.js";

/** Who is making a request, as `authorize` decided. */
export interface ProxyIdentity {
  /** A stable id for the user, used for rate limits and `onUsage`. */
  userId: string;
}

/**
 * Decides whether a request may go through: an identity lets it through, `null` answers 401,
 * and a `Response` (e.g. a 403) is sent as it is.
 */
export type AuthorizeRequest = (
  request: Request,
) => ProxyIdentity | Response | null | Promise<ProxyIdentity | Response | null>;

/** What `onUsage` learns after each generation. */
export interface UsageReport {
  /** The user `authorize` identified, when there was one. */
  user: string | undefined;
  /** The model the client asked for. */
  model: string;
  /** The tokens the response used. */
  usage: Usage;
  /** Which API produced it. */
  endpoint: "responses" | "chat.completions";
}

/** File uploads (`POST /v1/files`). */
export interface FileUploadOptions {
  /** Largest accepted upload in bytes, default 20 MB. */
  maxBytes?: number;
  /** Accepted MIME types, default PNG, JPEG, GIF, WebP and PDF. Content must match the type. */
  types?: readonly string[];
  /** Accepted `purpose` values, default `user_data`, `vision` and `assistants`. */
  purposes?: readonly string[];
}

/** Everything `createOpenAIProxy` can be told; every field has a safe default. */
export interface OpenAIProxyOptions extends UpstreamOptions {
  /** Path the routes live under, default `/api/openai` (so `/api/openai/v1/responses`). */
  basePath?: string;
  /**
   * Who may use the proxy; default everyone (rate-limited per client address, owners told
   * apart by a signed session cookie).
   */
  authorize?: AuthorizeRequest;
  /** Models clients may ask for; default small low-cost models (`DEFAULT_ALLOWED_MODELS`). */
  models?: ModelAllowlist;
  /** Which tools requests may declare; default the ones that do not run code or reach out. */
  tools?: ToolPolicy;
  /**
   * Cap on output tokens per request, default 16 384. Requests asking for more (or not
   * saying) are clamped to it, not rejected. `null` removes the cap.
   */
  maxOutputTokens?: number | null;
  /**
   * Largest JSON request body in bytes, default 8 MB: room for a 5 MB image attachment
   * after base64 (which grows it by 4/3) and the rest of the conversation. The composer's
   * attachment limit (`MAX_ATTACHMENT_BYTES`) is kept within it.
   */
  maxBodyBytes?: number;
  /** File upload limits. */
  files?: FileUploadOptions;
  /** Requests per user or client address; default 60 a minute in memory. `false` turns it off. */
  rateLimit?: RateLimitOptions | false;
  /**
   * Browser origins allowed to call from elsewhere; default none (same origin only). Whether
   * a request is same-origin is decided on what the browser says: `Sec-Fetch-Site`, else
   * `Origin` against `publicOrigin` or the `Host` the client asked for (never the request's
   * URL, which frameworks and dev proxies rewrite). A cross-site request from an origin not
   * listed is refused with 403 before it costs anything, blind ones (no-cors, forms) too.
   */
  cors?: CorsOptions;
  /**
   * The origin the app is served at, e.g. `https://app.example.com`, when a proxy in front
   * rewrites `Host`: pages from it are same-origin, and its host is an allowed host.
   */
  publicOrigin?: string;
  /**
   * Host names this server answers for besides loopback names and IP addresses, e.g.
   * `["app.example.com"]`, or `"any"`. Other `Host` values get 421 (DNS rebinding). Default:
   * `publicOrigin`'s host when given; else unknown names are refused on connections that
   * arrived on a loopback or private address, and allowed on others (a fetch handler that
   * is not told the local address, e.g. on a serverless platform, allows them: set this there
   * when the server is reachable on a private network).
   */
  allowedHosts?: AllowedHostsOption;
  /**
   * Reverse proxies whose forwarding headers count: `true` for a platform that always sets
   * them, or their peer addresses. Default none: `X-Forwarded-For` and friends are ignored,
   * since any client can send them (a spoofed one would pick its own rate-limit key). See
   * `TrustProxyOption`.
   */
  trustProxy?: TrustProxyOption;
  /**
   * The key that signs the anonymous session cookie (`colloquy_session`) that tells callers
   * apart when there is no `authorize`; default random per process. Several proxy instances
   * serving one app need the same secret, or a session made on one is unknown on another.
   */
  sessionSecret?: string;
  /**
   * Most parallel choices (`n`) a Chat Completions request may ask for, default 8; more is
   * refused with 400. The output-token cap is shared across the choices, so `n` cannot
   * multiply what a request may cost.
   */
  maxChoices?: number;
  /**
   * Only the caller that created a response may read it, resume its stream, cancel it or
   * continue it (`GET /v1/responses/{id}`, `POST /v1/responses/{id}/cancel`,
   * `previous_response_id`), and only the caller that uploaded a file may name it; anyone
   * else, and any id the proxy did not relay (conversations, `item_reference` items,
   * containers by id), gets 404. On by default: creators are remembered in memory for 24
   * hours, keyed by the user `authorize` returns, else by the anonymous session cookie. Pass
   * a shared `store` when several proxy instances serve one app, an `owner` function for
   * your own key, or `false` to forward every id unchecked.
   */
  responseOwnership?: ResponseOwnershipOptions | false;
  /**
   * Called once per response with its usage, as soon as the proxy sees it: when a stream
   * ends, with a JSON answer, and for background responses when their usage first passes
   * through the proxy (a resumed stream, a retrieve, a cancel), never twice for one response.
   * For streamed Chat Completions the proxy asks for the usage chunk
   * (`stream_options.include_usage`). A background response nobody reads through the proxy
   * is not reported.
   */
  onUsage?: (report: UsageReport) => void | Promise<void>;
  /** One line per request (never the key); default the console, `false` for silence. */
  logger?: ProxyLogger | false;
}
