import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { Socket } from "node:net";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { UpstreamAnswer, UpstreamSend } from "../proxy/upstream.js";
import { headerValue } from "./header-value.js";
import { nodeSseSource } from "./node-sse.js";

/** The upstream transport of the node:http adapter: a `fetch`, and a native send. */
export interface NodeHttpTransport {
  /** A `fetch` over node:http (see {@link createNodeHttpFetch}). */
  fetch: typeof fetch;
  /**
   * The direct upstream's send on Node: a successful event stream comes back as the
   * upstream's own response stream (an `UpstreamStream` with a node source); other answers as
   * a `Response`.
   */
  sendNative: UpstreamSend;
}

/**
 * A `fetch` for the proxy's upstream requests over `node:http` / `node:https` with
 * keep-alive agents. The proxy sends one upstream request per client request, so the cost
 * of that hop is on every answer's time to first byte; Node's built-in `fetch` spends about
 * a millisecond more per request on its own machinery than a plain `http.request` does.
 *
 * Only what the upstream calls need: string (or absent) bodies, no redirects followed. Any
 * other body (a multipart upload) goes to `fallback`.
 */
export function createNodeHttpFetch(fallback: typeof fetch): typeof fetch {
  return createNodeHttpTransport(fallback).fetch;
}

/** The node:http upstream transport, with its own keep-alive agents. */
export function createNodeHttpTransport(fallback: typeof fetch): NodeHttpTransport {
  const agents = {
    "http:": new HttpAgent({ keepAlive: true }),
    "https:": new HttpsAgent({ keepAlive: true }),
  };
  const fetchOverHttp: typeof fetch = (input, init) => {
    const body = init?.body ?? undefined;
    const url =
      typeof input === "string" ? new URL(input) : input instanceof URL ? input : undefined;
    if (!url || (body !== undefined && typeof body !== "string")) return fallback(input, init);
    if (url.protocol !== "http:" && url.protocol !== "https:") return fallback(input, init);
    return send(targetOf(url), init ?? {}, body, agents[url.protocol], toResponse, false);
  };
  // The native sends go to a few fixed URLs (the generation endpoints): worked out once each.
  const targets = new Map<string, Target>();
  const sendNative: UpstreamSend = (input, init) => {
    let target = targets.get(input);
    if (!target) {
      target = targetOf(new URL(input));
      if (targets.size < 64) targets.set(input, target);
    }
    if (target.protocol !== "http:" && target.protocol !== "https:") return fallback(input, init);
    return send(target, init, init.body, agents[target.protocol], toNativeOrResponse, false);
  };
  return { fetch: fetchOverHttp, sendNative };
}

/** Where a request goes, as node:http options. */
interface Target {
  hostname: string;
  port: string;
  path: string;
  protocol: string;
  auth?: string;
}

function targetOf(url: URL): Target {
  // IPv6 literals come bracketed in `hostname`; node:http wants them bare.
  const hostname = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  const target: Target = {
    hostname,
    port: url.port,
    path: url.pathname + url.search,
    protocol: url.protocol,
  };
  if (url.username || url.password) {
    target.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  }
  return target;
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === "AbortError") return reason;
  return new DOMException("The upstream request was aborted.", "AbortError");
}

function requestHeaders(init: RequestInit, body: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  const given = init.headers;
  if (given && !(given instanceof Headers) && !Array.isArray(given)) {
    // The proxy's own calls pass a plain record: copied without building Headers.
    for (const name in given)
      headers[name.toLowerCase()] = (given as Record<string, string>)[name]!;
  } else {
    new Headers(given).forEach((value, name) => {
      headers[name] = value;
    });
  }
  if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
  // Decompressing costs more than the bytes saved on the links an upstream is reached over.
  headers["accept-encoding"] ??= "identity";
  return headers;
}

/** Makes the caller's answer from the upstream's response. */
type Answer<T> = (
  res: IncomingMessage,
  method: string,
  done: () => void,
  signal: AbortSignal | undefined,
) => T;

function send<T>(
  target: Target,
  init: RequestInit,
  body: string | undefined,
  agent: HttpAgent,
  answer: Answer<T>,
  isRetry: boolean,
): Promise<T> {
  const signal = init.signal ?? undefined;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  const request = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<T>((resolve, reject) => {
    const req = request({
      ...target,
      method: (init.method ?? "GET").toUpperCase(),
      headers: requestHeaders(init, body),
      agent,
    });
    let answered = false;
    const onAbort = () => req.destroy(abortError(signal!));
    signal?.addEventListener("abort", onAbort, { once: true });
    const done = () => signal?.removeEventListener("abort", onAbort);
    req.once("socket", (socket: Socket) => socket.setNoDelay(true));
    req.once("response", (res) => {
      answered = true;
      resolve(answer(res, req.method, done, signal));
    });
    req.once("error", (error: NodeJS.ErrnoException) => {
      if (answered) return;
      done();
      // A kept-alive socket the server closed while idle fails on reuse before any answer;
      // the request never reached the server, so it is safe to send once more.
      if (!isRetry && req.reusedSocket && error.code === "ECONNRESET" && !signal?.aborted) {
        send(target, init, body, agent, answer, true).then(resolve, reject);
        return;
      }
      reject(
        signal?.aborted ? abortError(signal) : new TypeError("fetch failed", { cause: error }),
      );
    });
    req.end(body);
  });
}

function decoded(res: IncomingMessage): NodeJS.ReadableStream {
  const encoding = (res.headers["content-encoding"] ?? "").trim().toLowerCase();
  const decoder =
    encoding === "gzip" || encoding === "x-gzip"
      ? createGunzip()
      : encoding === "deflate"
        ? createInflate()
        : encoding === "br"
          ? createBrotliDecompress()
          : undefined;
  if (!decoder) return res;
  res.on("error", (error) => decoder.destroy(error));
  return res.pipe(decoder);
}

/**
 * A successful event stream as the upstream's own response stream; anything else (errors,
 * JSON, empty answers) as a `Response`, which those paths read whole anyway.
 */
function toNativeOrResponse(
  res: IncomingMessage,
  method: string,
  done: () => void,
  signal: AbortSignal | undefined,
): UpstreamAnswer {
  const status = res.statusCode ?? 502;
  const type = res.headers["content-type"] ?? "";
  if (status < 200 || status >= 300 || status === 204 || !type.includes("text/event-stream")) {
    return toResponse(res, method, done, signal);
  }
  // Only a few headers are passed on: read from Node's own parse, not copied into Headers.
  const headers = { get: (name: string) => headerValue(res.headers, name) };
  return {
    kind: "upstream-stream",
    status,
    headers,
    source: nodeSseSource(res, decoded(res), done),
  };
}

function toResponse(
  res: IncomingMessage,
  method: string,
  done: () => void,
  signal: AbortSignal | undefined,
): Response {
  const headers = new Headers();
  const raw = res.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  const status = res.statusCode ?? 502;
  const init = { status, statusText: res.statusMessage ?? "", headers };
  if (method === "HEAD" || status === 204 || status === 205 || status === 304) {
    res.resume();
    res.once("end", done);
    return new Response(null, init);
  }
  const source = decoded(res);
  if (source !== res) {
    headers.delete("content-encoding");
    headers.delete("content-length");
  }
  return new Response(webStream(res, source, done, signal), init);
}

/**
 * The body as a Web stream that reads the socket only as fast as it is consumed: the same
 * source the relay reads an event stream from, so a cut connection is told the same way.
 */
function webStream(
  res: IncomingMessage,
  body: NodeJS.ReadableStream,
  done: () => void,
  signal: AbortSignal | undefined,
): ReadableStream<Uint8Array> {
  const source = nodeSseSource(res, body, done);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      source.start({
        chunk(bytes) {
          controller.enqueue(bytes);
          if ((controller.desiredSize ?? 0) <= 0) source.pause();
        },
        end: () => controller.close(),
        fail: (error) => controller.error(signal?.aborted ? abortError(signal) : error),
      });
    },
    pull() {
      source.resume();
    },
    cancel() {
      source.cancel();
    },
  });
}
