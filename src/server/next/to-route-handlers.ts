import type { OpenAIProxyHandler } from "../proxy/create-openai-proxy.js";

/** One route handler: a single `Request` in, a `Response` out (Next.js passes `{ params }` too). */
export type RouteHandler = (request: Request) => Promise<Response>;

/** The methods the proxy answers, as a route file exports them. */
export interface RouteHandlers {
  /** Retrieves a stored response, lists models. */
  readonly GET: RouteHandler;
  /** Creates responses and chat completions, cancels a response, uploads files. */
  readonly POST: RouteHandler;
  /**
   * Answers 405 with the methods the path allows (the proxy deletes nothing today); exported
   * so the proxy, not the framework, answers every method a client tries.
   */
  readonly DELETE: RouteHandler;
  /** Answers CORS preflights (for origins the proxy allows). */
  readonly OPTIONS: RouteHandler;
}

/**
 * The proxy as the route handlers of a catch-all route (Next.js App Router, or any router
 * that calls `export`ed `GET`/`POST` functions with a Web `Request`):
 *
 * ```ts
 * // app/api/openai/[...path]/route.ts
 * export const { GET, POST, DELETE, OPTIONS } = toRouteHandlers(createOpenAIProxy());
 * ```
 *
 * Each handler takes the request alone, so it type-checks against Next's
 * `(request, { params })` signature whatever the route's params; the proxy routes by the
 * request's path, so the file must sit under the proxy's `basePath` (`/api/openai` by default).
 */
export function toRouteHandlers(proxy: OpenAIProxyHandler): RouteHandlers {
  const handle: RouteHandler = (request) => proxy(request);
  return { GET: handle, POST: handle, DELETE: handle, OPTIONS: handle };
}
