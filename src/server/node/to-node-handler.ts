import type { IncomingMessage, ServerResponse } from "node:http";
import { normaliseBasePath, pathBelow } from "../proxy/base-path.js";
import type { ProxyRequestContext } from "../proxy/create-openai-proxy.js";

/** A Web fetch handler, optionally knowing the base path it serves. */
type WebHandler = ((request: Request, context?: ProxyRequestContext) => Promise<Response>) & {
  readonly basePath?: string;
};

/** A node:http request listener that is also Express / Connect middleware. */
export type NodeHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void;

/** Options of {@link toNodeHandler}. */
export interface NodeHandlerOptions {
  /**
   * Requests outside this path go to `next` (when there is one); default the handler's own
   * `basePath`. Without either, every request goes to the handler.
   */
  basePath?: string;
}

/** Express and friends put these on the request. */
type FrameworkRequest = IncomingMessage & { originalUrl?: string; body?: unknown };

function requestUrl(req: FrameworkRequest): URL {
  const host = req.headers.host ?? "localhost";
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  return new URL(req.originalUrl ?? req.url ?? "/", `${encrypted ? "https" : "http"}://${host}`);
}

function requestHeaders(req: IncomingMessage, dropBodyFraming: boolean): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(":")) continue;
    if (dropBodyFraming && (name === "content-length" || name === "transfer-encoding")) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

/**
 * The body to hand on: the raw stream, or, when a body parser (express.json(), ...) has
 * already consumed it, what the parser left on `req.body`.
 */
function requestBody(req: FrameworkRequest): { body: BodyInit | null; reparsed: boolean } {
  if (req.method === "GET" || req.method === "HEAD") return { body: null, reparsed: false };
  // Only a parser that read the stream to its end leaves a body to use; some set `{}` unread.
  if (req.body !== undefined && req.readableEnded) {
    const parsed = req.body;
    if (typeof parsed === "string") return { body: parsed, reparsed: true };
    if (parsed instanceof Uint8Array) return { body: new Uint8Array(parsed), reparsed: true };
    return { body: JSON.stringify(parsed), reparsed: true };
  }
  return { body: webStream(req), reparsed: false };
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

async function writeBody(
  body: ReadableStream<Uint8Array>,
  res: ServerResponse,
  closed: Promise<void>,
): Promise<void> {
  const reader = body.getReader();
  const flushable = res as ServerResponse & { flush?: () => void };
  const flushed = writesInFlight();
  let gone = false;
  void closed.then(() => {
    gone = true;
    void reader.cancel().catch(() => undefined);
  });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || gone) break;
      // Respect backpressure: wait for the socket to drain (or the client to leave).
      if (!res.write(value, flushed.track())) {
        await Promise.race([new Promise((r) => res.once("drain", r)), closed]);
      }
      // Compression middleware buffers unless told to flush.
      flushable.flush?.();
    }
  } catch {
    // The upstream stream failed mid-way. What already arrived must still reach the client,
    // so the socket closes only once those writes have left; the missing final chunk then
    // tells the client the answer ended early.
    if (!gone) {
      await Promise.race([flushed.all(), closed]);
      res.destroy();
    }
    return;
  }
  if (!gone) res.end();
}

/**
 * Counts writes not yet handed to the socket, with one shared callback so that tracking costs
 * no allocation per chunk.
 */
function writesInFlight(): { track: () => () => void; all: () => Promise<void> } {
  let pending = 0;
  let wake: (() => void) | undefined;
  const written = () => {
    pending -= 1;
    if (pending === 0 && wake) {
      wake();
      wake = undefined;
    }
  };
  return {
    track() {
      pending += 1;
      return written;
    },
    all() {
      return pending === 0 ? Promise.resolve() : new Promise<void>((resolve) => (wake = resolve));
    },
  };
}

/**
 * Adapts a Web fetch handler (such as `createOpenAIProxy()`) to node:http, Express and
 * Connect: `http.createServer(toNodeHandler(proxy))` or `app.use(toNodeHandler(proxy))`.
 * Responses stream to the socket chunk by chunk with backpressure, and a client that goes
 * away aborts the request's signal, which cancels the upstream request.
 */
export function toNodeHandler(handler: WebHandler, options: NodeHandlerOptions = {}): NodeHandler {
  const basePath = options.basePath ?? handler.basePath;
  return (req, res, next) => {
    const frameworkRequest = req as FrameworkRequest;
    const url = requestUrl(frameworkRequest);
    if (
      next &&
      basePath !== undefined &&
      pathBelow(normaliseBasePath(basePath), url.pathname) === null
    ) {
      next();
      return;
    }
    const abort = new AbortController();
    const closed = new Promise<void>((resolve) => {
      res.once("close", () => {
        if (!res.writableFinished) abort.abort(new Error("The client closed the connection."));
        resolve();
      });
    });
    const { body, reparsed } = requestBody(frameworkRequest);
    const init: RequestInit & { duplex?: "half" } = {
      method: req.method ?? "GET",
      headers: requestHeaders(req, reparsed),
      signal: abort.signal,
    };
    if (body !== null) {
      init.body = body;
      init.duplex = "half";
    }
    const request = new Request(url, init);
    const context = req.socket.remoteAddress ? { clientAddress: req.socket.remoteAddress } : {};
    handler(request, context)
      .then(async (response) => {
        if (res.destroyed) {
          await response.body?.cancel().catch(() => undefined);
          return;
        }
        res.statusCode = response.status;
        const cookies = response.headers.getSetCookie();
        response.headers.forEach((value, name) => {
          if (name !== "set-cookie") res.setHeader(name, value);
        });
        if (cookies.length > 0) res.setHeader("set-cookie", cookies);
        if (!response.body) {
          res.end();
          return;
        }
        res.flushHeaders();
        await writeBody(response.body, res, closed);
      })
      .catch((error: unknown) => {
        if (next) return next(error);
        if (res.headersSent) {
          res.destroy();
          return;
        }
        res.statusCode = 500;
        res.setHeader("content-type", "application/json");
        res.end(
          JSON.stringify({
            error: {
              message: "The server failed to answer this request.",
              type: "server_error",
              param: null,
              code: "adapter_error",
            },
          }),
        );
      });
  };
}
