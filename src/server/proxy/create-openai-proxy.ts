import { corsResponseHeaders, preflightResponse } from "../policy/cors-policy.js";
import { clientAddressOf, requestedHost, requestedScheme } from "../policy/trusted-proxies.js";
import type { CallerIdentity } from "./caller-identity.js";
import { createRateLimiter } from "../rate-limit/rate-limit-policy.js";
import { openAIErrorResponse, ProxyRejection } from "./openai-error.js";
import { normaliseBasePath, pathBelow } from "./base-path.js";
import { resolveSettings } from "./resolve-settings.js";
import { logRequest } from "./proxy-logger.js";
import type { OpenAIProxyOptions } from "./proxy-options.js";
import { matchRoutes, ROUTES } from "./routes.js";
import { scrubAnswer } from "./scrub-answer.js";
import { ErrorCapture } from "./error-capture.js";
import { createUpstreamClient } from "./upstream-client.js";
import { callFromRequest, type IncomingCall } from "./incoming-call.js";
import type { ProxyRequestContext } from "./proxy-request-context.js";
import type { ProxyAnswer } from "./stream-answer.js";
import type { UpstreamSend } from "./upstream.js";
import { relaySse } from "./relay-sse.js";
import { webSseSink } from "./web-sse.js";

/** The proxy: a Web fetch handler, plus the base path it serves (for adapters). */
export interface OpenAIProxyHandler {
  /** Answers one request. */
  (request: Request, context?: ProxyRequestContext): Promise<Response>;
  /** The path the routes live under, e.g. `/api/openai`. */
  readonly basePath: string;
}

/**
 * The entry a runtime adapter uses instead of the fetch handler when it can deliver calls
 * without building a Web `Request` and relay streamed answers natively (the node:http
 * adapter). Kept off the public type: adapters find it under this symbol.
 */
export const NATIVE_ENTRY = Symbol.for("colloquy.proxy.native-entry");

/** The native entry: a call, the adapter's upstream send, and the answer to relay. */
export type NativeEntry = (call: IncomingCall, send: UpstreamSend) => Promise<ProxyAnswer>;

/** Adds headers to an answer, copying a response when its headers are immutable (fetch results). */
function withHeaders<T extends ProxyAnswer>(response: T, headers: Record<string, string>): T;
function withHeaders(response: ProxyAnswer, headers: Record<string, string>): ProxyAnswer {
  const entries = Object.entries(headers);
  if (entries.length === 0) return response;
  if (!(response instanceof Response)) {
    for (const [name, value] of entries) response.headers.set(name, value);
    return response;
  }
  try {
    for (const [name, value] of entries) response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    for (const [name, value] of entries) copy.headers.set(name, value);
    return copy;
  }
}

/** The answer as a Web `Response`: a stream is relayed into a Web stream. */
function webResponse(answer: ProxyAnswer): Response {
  if (answer instanceof Response) return answer;
  const { sink, stream } = webSseSink();
  void relaySse(answer.source, sink, answer.watch, answer.scrubber);
  return new Response(stream, { status: answer.status, headers: answer.headers });
}

/**
 * Creates the key-holding proxy: a Web fetch handler that speaks OpenAI's HTTP API under
 * `basePath`, checks every request against its policy, and forwards what passes to the
 * upstream with the key, streaming answers through as they arrive. Throws at construction
 * when the upstream configuration is incomplete.
 */
export function createOpenAIProxy(options: OpenAIProxyOptions = {}): OpenAIProxyHandler {
  const basePath = normaliseBasePath(options.basePath ?? "/api/openai");
  const upstream = createUpstreamClient(options, new ErrorCapture());
  const logger = options.logger === undefined ? console : options.logger;
  const rateLimit =
    options.rateLimit === false ? undefined : createRateLimiter(options.rateLimit ?? {});
  const settings = resolveSettings(options, upstream, logger, basePath);

  async function route(
    call: IncomingCall,
    transport: UpstreamSend | undefined,
    note: { user?: string; model?: string },
  ): Promise<ProxyAnswer> {
    const { url } = call;
    const { origins, trustProxy } = settings;
    // Before anything else: a name this server was not told about is DNS rebinding.
    settings.hosts.check(requestedHost(call, trustProxy), call.context.localAddress);
    const below = pathBelow(basePath, url.pathname);
    const matches = below === null ? [] : matchRoutes(below);
    const methods = [...new Set(matches.map((m) => m.route.method))];
    if (call.method === "OPTIONS" && call.header("access-control-request-method") !== null) {
      return preflightResponse(call, origins, methods.length > 0 ? methods : ["GET", "POST"]);
    }
    const cors = corsResponseHeaders(call, origins);
    const extra: Record<string, string> = { ...cors };
    const answer = await dispatch();
    return withHeaders(answer, extra);

    async function dispatch(): Promise<ProxyAnswer> {
      if (matches.length === 0) {
        throw new ProxyRejection(
          404,
          `Unknown route: ${call.method} ${url.pathname}. This server serves ${ROUTES.map((r) => `${r.method} ${basePath}${r.pattern}`).join(", ")}.`,
          { code: "unknown_route" },
        );
      }
      const match = matches.find((m) => m.route.method === call.method);
      if (!match) {
        throw new ProxyRejection(
          405,
          `${call.method} is not supported on ${url.pathname}. Use ${methods.join(" or ")}.`,
          { code: "method_not_allowed", headers: { allow: methods.join(", ") } },
        );
      }
      let user: string | undefined;
      if (options.authorize) {
        const verdict = await options.authorize(call.request());
        if (verdict instanceof Response) return verdict;
        if (verdict === null) {
          throw new ProxyRejection(
            401,
            "This server needs you to sign in: the request carried no valid credentials.",
            { code: "unauthorized" },
          );
        }
        user = verdict.userId;
        note.user = user;
      }
      const clientAddress = clientAddressOf(call, trustProxy);
      const identity: CallerIdentity = {
        ...(user !== undefined ? { userId: user } : {}),
        ...(clientAddress !== undefined ? { clientAddress } : {}),
      };
      // Every await is a few microtask turns of each answer's time to first byte: the limiter
      // is awaited only when there is one, and the route's promise is awaited, not returned
      // (a returned promise costs two more turns).
      if (rateLimit) await rateLimit(call, identity);
      let owner: Promise<string> | undefined;
      return await match.route.handle({
        call,
        transport,
        params: match.params,
        user,
        // Worked out on first use: only requests that create or name owned things need it,
        // and an anonymous caller's session costs an HMAC.
        owner: () =>
          (owner ??= (async () => {
            if (user === undefined) {
              const secure = requestedScheme(call, trustProxy) === "https";
              const session = await settings.sessions.sessionOf(call, secure);
              identity.sessionId = session.id;
              if (session.setCookie !== undefined) extra["set-cookie"] = session.setCookie;
            }
            return settings.responses.ownerOf(call, identity);
          })()),
        settings,
        noteModel: (model) => {
          note.model = model;
        },
      });
    }
  }

  async function answer(
    call: IncomingCall,
    transport: UpstreamSend | undefined,
  ): Promise<ProxyAnswer> {
    const started = performance.now();
    const note: { user?: string; model?: string } = {};
    let response: ProxyAnswer;
    try {
      response = await route(call, transport, note);
    } catch (error) {
      if (error instanceof ProxyRejection) response = error.toResponse();
      else {
        const message = error instanceof Error ? error.message : String(error);
        response = openAIErrorResponse(
          500,
          `The proxy failed: ${message}. This is a bug in the proxy or its hooks.`,
          { type: "server_error", code: "proxy_error" },
        );
      }
      try {
        response = withHeaders(response, corsResponseHeaders(call, settings.origins));
      } catch {
        // A disallowed origin gets no CORS headers.
      }
    }
    // The one place every answer passes: no secret leaves in any header or body byte.
    response = scrubAnswer(response, upstream.secrets);
    logRequest(logger, {
      method: call.method,
      path: call.url.pathname + call.url.search,
      status: response.status,
      ...note,
      ms: performance.now() - started,
    });
    return response;
  }

  const handler = async (request: Request, context: ProxyRequestContext = {}) =>
    webResponse(await answer(callFromRequest(request, context), undefined));
  const nativeEntry: NativeEntry = (call, send) => answer(call, send);
  return Object.assign(handler, { basePath, [NATIVE_ENTRY]: nativeEntry });
}
