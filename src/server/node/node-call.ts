import type { IncomingMessage } from "node:http";
import type { ProxyRequestContext } from "../proxy/proxy-request-context.js";
import type { IncomingCall } from "../proxy/incoming-call.js";
import { readLimitedBody, tooLarge } from "../proxy/read-limited-body.js";
import { headerValue } from "./header-value.js";

/** Express and friends put these on the request. */
export type FrameworkRequest = IncomingMessage & { originalUrl?: string; body?: unknown };

/**
 * A `Host` value that is a valid authority: a name or IPv4 address, or a bracketed IPv6
 * address, with an optional port. Anything else (spaces, `@`, `/`, an unclosed bracket, a
 * port past 65535) would either throw when made into a URL or change what the URL means.
 */
const AUTHORITY = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~!$&'()*+,;=%]+)(?::(\d{1,5}))?$/;

/** Raised for a request whose `Host` or target cannot be a URL: answered 400. */
export class MalformedRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MalformedRequestError";
  }
}

/**
 * The request's URL, from its path and `host` header. Throws {@link MalformedRequestError}
 * when either is not valid (the client chose both).
 */
export function requestUrl(req: FrameworkRequest): URL {
  const host = req.headers.host ?? "localhost";
  const port = AUTHORITY.exec(host);
  if (!port || (port[1] !== undefined && Number(port[1]) > 65_535)) {
    throw new MalformedRequestError(
      `The Host header '${host.slice(0, 100)}' is not a valid host name with an optional port.`,
    );
  }
  const encrypted = (req.socket as { encrypted?: boolean } | null)?.encrypted === true;
  const target = req.originalUrl ?? req.url ?? "/";
  try {
    return new URL(target, `${encrypted ? "https" : "http"}://${host}`);
  } catch {
    throw new MalformedRequestError(
      `The request target '${target.slice(0, 200)}' is not a valid path or URL.`,
    );
  }
}

/** The request's headers as Web `Headers`, without the body's framing when it was re-encoded. */
export function requestHeaders(req: IncomingMessage, dropBodyFraming: boolean): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(":")) continue;
    if (dropBodyFraming && (name === "content-length" || name === "transfer-encoding")) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

/**
 * What a body parser (express.json(), ...) left on `req.body` when it read the stream to its
 * end, as bytes; undefined when the stream is still there to read.
 */
function parsedBody(req: FrameworkRequest): Uint8Array<ArrayBuffer> | undefined {
  // Only a parser that read the stream to its end leaves a body to use; some set `{}` unread.
  if (req.body === undefined || !req.readableEnded) return undefined;
  const parsed = req.body;
  if (typeof parsed === "string") return new TextEncoder().encode(parsed);
  if (parsed instanceof Uint8Array) return new Uint8Array(parsed);
  return new TextEncoder().encode(JSON.stringify(parsed));
}

/**
 * The request body as a Web stream, read only as fast as it is consumed. Written out rather
 * than `Readable.toWeb`, so this module loads without `node:stream`, and so a consumer that
 * stops early (an oversized body) leaves the socket open for the error response.
 */
function webStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on("data", (chunk: Buffer) => {
        if (cancelled) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.once("end", () => {
        if (!cancelled) controller.close();
      });
      req.once("error", (error) => {
        if (!cancelled) controller.error(error);
      });
    },
    pull() {
      req.resume();
    },
    cancel() {
      // Discard the rest instead of destroying the socket the answer goes out on.
      cancelled = true;
      req.resume();
    },
  });
}

/** The request as a Web `Request`, its body streamed from the socket (or from `req.body`). */
export function webRequest(req: FrameworkRequest, url: URL, signal: AbortSignal): Request {
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const parsed = hasBody ? parsedBody(req) : undefined;
  const init: RequestInit & { duplex?: "half" } = {
    method: req.method ?? "GET",
    headers: requestHeaders(req, parsed !== undefined),
    signal,
  };
  if (hasBody) {
    init.body = parsed ?? webStream(req);
    init.duplex = "half";
  }
  return new Request(url, init);
}

/**
 * Reads the body from the socket into memory, refusing with 413 past `limit` bytes (by its
 * declared length before reading anything, else as soon as it grows past), and then
 * discarding the rest so the socket stays open for the refusal.
 */
function readSocketBody(req: IncomingMessage, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off("data", onData);
      req.resume();
      reject(tooLarge(limit));
    };
    req.on("data", onData);
    req.once("end", () => {
      if (size <= limit) resolve(Buffer.concat(chunks, size));
    });
    req.once("error", reject);
  });
}

/**
 * A node:http request as the proxy's call, without building a Web `Request`: the body is read
 * from the socket, and a `Request` is made only when a hook or a form upload asks for one.
 */
export function nodeCall(
  req: FrameworkRequest,
  url: URL,
  signal: AbortSignal,
  context: ProxyRequestContext,
): IncomingCall {
  let request: Request | undefined;
  let headers: Headers | undefined;
  let bodyRead = false;
  const call: IncomingCall = {
    method: req.method ?? "GET",
    url,
    // Built only for a hook or a route that wants them all: the proxy's own reads use `header`.
    get headers() {
      return (headers ??= requestHeaders(req, false));
    },
    header: (name) => headerValue(req.headers, name),
    signal,
    context,
    readBody(limit) {
      // A hook that took the Request took the stream with it: read the body from there.
      if (request) return readLimitedBody(request, limit);
      bodyRead = true;
      const parsed = parsedBody(req);
      if (parsed === undefined) return readSocketBody(req, limit);
      return parsed.byteLength > limit ? Promise.reject(tooLarge(limit)) : Promise.resolve(parsed);
    },
    request() {
      if (!request) {
        request = bodyRead
          ? new Request(url, { method: call.method, headers: call.headers, signal })
          : webRequest(req, url, signal);
      }
      return request;
    },
  };
  return call;
}
