import type { OriginPolicy } from "../policy/cors-policy.js";
import type { HostPolicy } from "../policy/host-policy.js";
import type { ModelAllowlist } from "../policy/model-policy.js";
import type { TrustProxyOption } from "../policy/trusted-proxies.js";
import type { SessionKeeper } from "../ownership/session-cookie.js";
import type { ResponseTracker } from "../ownership/response-ownership.js";
import type { ToolPolicy } from "../policy/tool-policy.js";
import type { FileUploadOptions, UsageReport } from "./proxy-options.js";
import type { IncomingCall } from "./incoming-call.js";
import type { UpstreamSend } from "./upstream.js";
import type { UpstreamClient } from "./upstream-client.js";

/** The resolved configuration every route handler reads. */
export interface ProxySettings {
  /** The upstream client and its secrets. */
  upstream: UpstreamClient;
  /** Models clients may ask for. */
  models: ModelAllowlist;
  /** Tools requests may declare. */
  tools: ToolPolicy;
  /** Output-token cap, undefined for none. */
  maxOutputTokens: number | undefined;
  /** Largest JSON body. */
  maxBodyBytes: number;
  /** Upload limits with defaults applied. */
  files: Required<FileUploadOptions>;
  /** The usage hook, if any. */
  onUsage: ((report: UsageReport) => void | Promise<void>) | undefined;
  /** Who created which response, and which usage was reported. */
  responses: ResponseTracker;
  /** Anonymous callers' sessions (the signed cookie). */
  sessions: SessionKeeper;
  /** The cross-origin decision's configuration. */
  origins: OriginPolicy;
  /** The `Host` check (DNS rebinding). */
  hosts: HostPolicy;
  /** Whose forwarding headers count. */
  trustProxy: TrustProxyOption;
  /** Most parallel choices (`n`) a Chat Completions request may ask for. */
  maxChoices: number;
  /** Logs a failure that must not fail the request (e.g. a throwing hook). */
  reportError: (line: string) => void;
}

/** One request as a route handler sees it. */
export interface RouteContext {
  /** The incoming request. */
  call: IncomingCall;
  /**
   * The runtime adapter's own HTTP send, which the direct upstream uses for generation
   * requests instead of `fetch` (see `UpstreamSend`); undefined for a Web fetch handler call.
   */
  transport: UpstreamSend | undefined;
  /** Path parameters, e.g. `id`. */
  params: Record<string, string>;
  /** The user `authorize` identified. */
  user: string | undefined;
  /**
   * The caller's owner key, for responses and files it creates or names: the user, else the
   * session of the proxy's signed cookie (issued on first use, sent with the answer).
   */
  owner: () => Promise<string>;
  /** The proxy's configuration. */
  settings: ProxySettings;
  /** Records the model asked for, for the log line. */
  noteModel: (model: string) => void;
}
