import { corsResponseHeaders, preflightResponse } from "../policy/cors-policy.js";
import { createRateLimiter } from "../rate-limit/rate-limit-policy.js";
import { openAIErrorResponse, ProxyRejection } from "./openai-error.js";
import { normaliseBasePath, pathBelow } from "./base-path.js";
import { resolveSettings } from "./resolve-settings.js";
import { logRequest } from "./proxy-logger.js";
import type { OpenAIProxyOptions } from "./proxy-options.js";
import { matchRoutes } from "./routes.js";
import { scrubSecrets } from "./scrub-secrets.js";
import { createUpstreamClient, ErrorCapture } from "./upstream-client.js";

/** Facts about the connection a runtime adapter knows and a `Request` does not carry. */
export interface ProxyRequestContext {
  /** The client's network address, for rate limits when there is no user. */
  clientAddress?: string;
}

/** The proxy: a Web fetch handler, plus the base path it serves (for adapters). */
export interface OpenAIProxyHandler {
  /** Answers one request. */
  (request: Request, context?: ProxyRequestContext): Promise<Response>;
  /** The path the routes live under, e.g. `/api/openai`. */
  readonly basePath: string;
}

/** Adds headers to a response, copying it when its headers are immutable (fetch results). */
function withHeaders(response: Response, headers: Record<string, string>): Response {
  const entries = Object.entries(headers);
  if (entries.length === 0) return response;
  try {
    for (const [name, value] of entries) response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    for (const [name, value] of entries) copy.headers.set(name, value);
    return copy;
  }
}

/**
 * Creates the key-holding proxy: a Web fetch handler that speaks OpenAI's HTTP API under
 * `basePath`, checks every request against its policy, and forwards what passes to the
 * upstream with the key, streaming answers through as they arrive. Throws at construction
 * when the upstream configuration is incomplete.
 */
export function createOpenAIProxy(options: OpenAIProxyOptions = {}): OpenAIProxyHandler {
  const basePath = normaliseBasePath(options.basePath ?? "/api/openai");
  const capture = new ErrorCapture();
  const upstream = createUpstreamClient(options, capture);
  const logger = options.logger === undefined ? console : options.logger;
  const rateLimit =
    options.rateLimit === false ? undefined : createRateLimiter(options.rateLimit ?? {});
  const settings = resolveSettings(options, upstream, capture, logger);

  async function route(
    request: Request,
    url: URL,
    context: ProxyRequestContext,
    note: { user?: string; model?: string },
  ): Promise<Response> {
    const below = pathBelow(basePath, url.pathname);
    const matches = below === null ? [] : matchRoutes(below);
    const methods = [...new Set(matches.map((m) => m.route.method))];
    if (request.method === "OPTIONS" && request.headers.has("access-control-request-method")) {
      return preflightResponse(
        request,
        options.cors,
        methods.length > 0 ? methods : ["GET", "POST"],
      );
    }
    const cors = corsResponseHeaders(request, options.cors);
    return withHeaders(await dispatch(), cors);

    async function dispatch(): Promise<Response> {
      if (matches.length === 0) {
        throw new ProxyRejection(
          404,
          `Unknown route: ${request.method} ${url.pathname}. This server serves POST ${basePath}/v1/responses, POST ${basePath}/v1/chat/completions, GET ${basePath}/v1/responses/{id}, POST ${basePath}/v1/responses/{id}/cancel, GET ${basePath}/v1/models and POST ${basePath}/v1/files.`,
          { code: "unknown_route" },
        );
      }
      const match = matches.find((m) => m.route.method === request.method);
      if (!match) {
        throw new ProxyRejection(
          405,
          `${request.method} is not supported on ${url.pathname}. Use ${methods.join(" or ")}.`,
          { code: "method_not_allowed", headers: { allow: methods.join(", ") } },
        );
      }
      let user: string | undefined;
      if (options.authorize) {
        const verdict = await options.authorize(request);
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
      const identity = {
        ...(user !== undefined ? { userId: user } : {}),
        ...(context.clientAddress !== undefined ? { clientAddress: context.clientAddress } : {}),
      };
      await rateLimit?.(request, identity);
      return match.route.handle({
        request,
        url,
        params: match.params,
        user,
        owner: settings.responses.ownerOf(request, identity),
        settings,
        noteModel: (model) => {
          note.model = model;
        },
      });
    }
  }

  const handler = async (request: Request, context: ProxyRequestContext = {}) => {
    const started = performance.now();
    const url = new URL(request.url);
    const note: { user?: string; model?: string } = {};
    let response: Response;
    try {
      response = await route(request, url, context, note);
    } catch (error) {
      if (error instanceof ProxyRejection) response = error.toResponse();
      else {
        const message = error instanceof Error ? error.message : String(error);
        response = openAIErrorResponse(
          500,
          scrubSecrets(
            `The proxy failed: ${message}. This is a bug in the proxy or its hooks.`,
            upstream.secrets,
          ),
          { type: "server_error", code: "proxy_error" },
        );
      }
      try {
        response = withHeaders(response, corsResponseHeaders(request, options.cors));
      } catch {
        // A disallowed origin gets no CORS headers.
      }
    }
    logRequest(logger, {
      method: request.method,
      path: url.pathname + url.search,
      status: response.status,
      ...note,
      ms: performance.now() - started,
    });
    return response;
  };
  return Object.assign(handler, { basePath });
}
