import type { IncomingMessage, ServerResponse } from "node:http";
import { normaliseBasePath, pathBelow } from "../proxy/base-path.js";
import { NATIVE_ENTRY, type NativeEntry } from "../proxy/create-openai-proxy.js";
import type { ProxyRequestContext } from "../proxy/proxy-request-context.js";
import type { ProxyAnswer } from "../proxy/stream-answer.js";
import { createNodeHttpTransport } from "./node-http-fetch.js";
import {
  MalformedRequestError,
  nodeCall,
  requestUrl,
  webRequest,
  type FrameworkRequest,
} from "./node-call.js";
import { relaySse } from "../proxy/relay-sse.js";
import { webSseSource } from "../proxy/web-sse.js";
import { nodeSseSink } from "./node-sse.js";

/** A Web fetch handler, optionally knowing the base path it serves. */
type WebHandler = ((request: Request, context?: ProxyRequestContext) => Promise<Response>) & {
  readonly basePath?: string;
  /** The proxy's native entry (see `createOpenAIProxy`). */
  readonly [NATIVE_ENTRY]?: NativeEntry;
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

/**
 * Adapts a Web fetch handler (such as `createOpenAIProxy()`) to node:http, Express and
 * Connect: `http.createServer(toNodeHandler(proxy))` or `app.use(toNodeHandler(proxy))`.
 * Responses stream to the socket chunk by chunk with backpressure, and a client that goes
 * away aborts the request's signal, which cancels the upstream request.
 *
 * The proxy itself is served natively: no Web `Request` is built unless a hook asks for one,
 * and generation streams go from the upstream's socket to the client's without Web streams,
 * since each of those layers is on every answer's time to first byte.
 */
export function toNodeHandler(handler: WebHandler, options: NodeHandlerOptions = {}): NodeHandler {
  const basePath = options.basePath ?? handler.basePath;
  const entry = handler[NATIVE_ENTRY];
  const native = entry && {
    entry,
    send: createNodeHttpTransport((input, init) => fetch(input, init)).sendNative,
  };
  return (req, res, next) => {
    // Nothing a client sends may escape as an exception: thrown in a request listener, it
    // would end the process serving everyone else.
    try {
      handle(req, res, next);
    } catch (error) {
      if (next && !(error instanceof MalformedRequestError)) {
        next(error);
        return;
      }
      failed(res, error);
    }
  };

  function handle(
    req: IncomingMessage,
    res: ServerResponse,
    next: ((error?: unknown) => void) | undefined,
  ): void {
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
    const context = connectionContext(req);
    const answered: Promise<ProxyAnswer> = native
      ? native.entry(nodeCall(frameworkRequest, url, abort.signal, context), native.send)
      : handler(webRequest(frameworkRequest, url, abort.signal), context);
    answered
      .then(async (answer) => {
        if (!(answer instanceof Response)) {
          writeHead(res, answer.status, answer.headers);
          res.flushHeaders();
          await relaySse(answer.source, nodeSseSink(res, closed), answer.watch, answer.scrubber);
          return;
        }
        if (res.destroyed) {
          await answer.body?.cancel().catch(() => undefined);
          return;
        }
        writeHead(res, answer.status, answer.headers);
        if (!answer.body) {
          res.end();
          return;
        }
        res.flushHeaders();
        // Any other body goes through the same relay, with nothing to watch.
        await relaySse(webSseSource(answer.body), nodeSseSink(res, closed), {});
      })
      .catch((error: unknown) => {
        if (next) return next(error);
        failed(res, error);
      });
  }
}

/** What the adapter knows of the connection: the client's address and the local one. */
function connectionContext(req: IncomingMessage): ProxyRequestContext {
  const socket = req.socket as IncomingMessage["socket"] | null;
  const context: { clientAddress?: string; localAddress?: string } = {};
  if (socket?.remoteAddress) context.clientAddress = socket.remoteAddress;
  if (socket?.localAddress) context.localAddress = socket.localAddress;
  return context;
}

/** Answers a request the adapter could not hand to the handler: 400 for a malformed one. */
function failed(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const malformed = error instanceof MalformedRequestError;
  res.statusCode = malformed ? 400 : 500;
  res.setHeader("content-type", "application/json");
  res.end(
    JSON.stringify({
      error: {
        message: malformed ? error.message : "The server failed to answer this request.",
        type: malformed ? "invalid_request_error" : "server_error",
        param: null,
        code: malformed ? "malformed_request" : "adapter_error",
      },
    }),
  );
}

/** Sets the status and headers of the answer (set-cookie kept as separate lines). */
function writeHead(res: ServerResponse, status: number, headers: Headers): void {
  res.statusCode = status;
  const cookies = headers.getSetCookie();
  headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
}
