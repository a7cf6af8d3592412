import type { ProxyRequestContext } from "./proxy-request-context.js";
import { readLimitedBody } from "./read-limited-body.js";

/** What the proxy's own checks read of a request (route, CORS, caller key): cheap anywhere. */
export interface RequestHead {
  /** The HTTP method, upper case. */
  readonly method: string;
  /** The full URL. */
  readonly url: URL;
  /** The request headers (on Node, built on first use: `header` reads one without them). */
  readonly headers: Headers;
  /** One request header, or null. */
  header(name: string): string | null;
}

/**
 * One request to the proxy as its routes see it, whichever runtime delivered it. A Web
 * `Request` is one (see {@link callFromRequest}); the node:http adapter makes one from the
 * socket without building a `Request` unless a hook or a form upload asks for it, since
 * building one is on every answer's time to first byte.
 */
export interface IncomingCall extends RequestHead {
  /** Aborts when the client goes away. */
  readonly signal: AbortSignal;
  /** What the runtime adapter knows of the connection. */
  readonly context: ProxyRequestContext;
  /** Reads the body into memory, refusing with 413 past `limit` bytes. Once only. */
  readBody(limit: number): Promise<Uint8Array<ArrayBuffer>>;
  /** The request as a Web `Request` (for hooks and form parsing), built on first use. */
  request(): Request;
}

/** The call of a Web `Request`. */
export function callFromRequest(request: Request, context: ProxyRequestContext): IncomingCall {
  return {
    method: request.method,
    url: new URL(request.url),
    headers: request.headers,
    header: (name) => request.headers.get(name),
    signal: request.signal,
    context,
    readBody: (limit) => readLimitedBody(request, limit),
    request: () => request,
  };
}
