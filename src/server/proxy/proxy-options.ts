import type { Usage } from "../../core/model/usage.js";
import type { CorsOptions } from "../policy/cors-policy.js";
import type { ResponseOwnershipOptions } from "../ownership/response-ownership.js";
import type { ModelAllowlist } from "../policy/model-policy.js";
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
  /** Who may use the proxy; default everyone (rate-limited per client address). */
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
  /** Largest JSON request body in bytes, default 1 MB. */
  maxBodyBytes?: number;
  /** File upload limits. */
  files?: FileUploadOptions;
  /** Requests per user or client address; default 60 a minute in memory. `false` turns it off. */
  rateLimit?: RateLimitOptions | false;
  /** Browser origins allowed to call from elsewhere; default none (same origin only). */
  cors?: CorsOptions;
  /**
   * Only the caller that created a response may read it, resume its stream or cancel it
   * (`GET /v1/responses/{id}`, `POST /v1/responses/{id}/cancel`); anyone else, and any id
   * the proxy did not relay, gets 404. On by default: creators are remembered in memory for
   * 24 hours, keyed by the user `authorize` returns, else by the client address. Pass a
   * shared `store` when several proxy instances serve one app, an `owner` function for a
   * per-session key, or `false` to forward reads and cancels unchecked.
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
