import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { Socket } from "node:net";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";

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
  const agents = {
    "http:": new HttpAgent({ keepAlive: true }),
    "https:": new HttpsAgent({ keepAlive: true }),
  };
  return (input, init) => {
    const body = init?.body ?? undefined;
    const url =
      typeof input === "string" ? new URL(input) : input instanceof URL ? input : undefined;
    if (!url || (body !== undefined && typeof body !== "string")) return fallback(input, init);
    if (url.protocol !== "http:" && url.protocol !== "https:") return fallback(input, init);
    return send(url, init ?? {}, body, agents[url.protocol], false);
  };
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === "AbortError") return reason;
  return new DOMException("The upstream request was aborted.", "AbortError");
}

function requestHeaders(init: RequestInit, body: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, name) => {
    headers[name] = value;
  });
  if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
  // Decompressing costs more than the bytes saved on the links an upstream is reached over.
  headers["accept-encoding"] ??= "identity";
  return headers;
}

function send(
  url: URL,
  init: RequestInit,
  body: string | undefined,
  agent: HttpAgent,
  isRetry: boolean,
): Promise<Response> {
  const signal = init.signal ?? undefined;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<Response>((resolve, reject) => {
    const req = request(url, {
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
      resolve(toResponse(res, req.method, done, signal));
    });
    req.once("error", (error: NodeJS.ErrnoException) => {
      if (answered) return;
      done();
      // A kept-alive socket the server closed while idle fails on reuse before any answer;
      // the request never reached the server, so it is safe to send once more.
      if (!isRetry && req.reusedSocket && error.code === "ECONNRESET" && !signal?.aborted) {
        send(url, init, body, agent, true).then(resolve, reject);
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

/** The body as a Web stream that reads the socket only as fast as it is consumed. */
function webStream(
  res: IncomingMessage,
  source: NodeJS.ReadableStream,
  done: () => void,
  signal: AbortSignal | undefined,
): ReadableStream<Uint8Array> {
  let finished = false;
  const finish = () => {
    if (finished) return false;
    finished = true;
    done();
    return true;
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      source.on("data", (chunk: Buffer) => {
        if (finished) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) source.pause();
      });
      source.once("end", () => {
        if (finish()) controller.close();
      });
      const fail = (error: unknown) => {
        if (!finish()) return;
        controller.error(signal?.aborted ? abortError(signal) : error);
      };
      source.once("error", fail);
      // A connection that drops mid-body ends the message without an error on some paths.
      res.once("aborted", () => fail(new TypeError("terminated: the upstream closed the stream")));
      res.once("close", () => {
        if (!res.complete) fail(new TypeError("terminated: the upstream closed the stream"));
      });
    },
    pull() {
      source.resume();
    },
    cancel() {
      finish();
      res.destroy();
    },
  });
}
