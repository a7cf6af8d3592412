import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { createEmulatorHandler, type EmulatorHandler, type EmulatorOptions } from "./handler.js";

/**
 * Node only: serves the emulator over real HTTP. `node:http` is imported when called, so
 * the `colloquy/testing` entry stays importable in browsers.
 */

/** Options of `startEmulator`: where to listen, plus the emulator's own options. */
export interface StartEmulatorOptions extends EmulatorOptions {
  /** Port to listen on (default 0: any free port). */
  port?: number;
  /** Host to listen on (default 127.0.0.1). */
  host?: string;
}

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL for OpenAI clients, e.g. `http://127.0.0.1:54321/v1`. */
  url: string;
  /** The port it listens on. */
  port: number;
  /** Stops listening and ends open streams and sockets. */
  close(): Promise<void>;
  /** The fetch handler behind it (same state). */
  handler: EmulatorHandler;
}

function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  const body = hasBody
    ? new ReadableStream<Uint8Array>({
        start(controller) {
          req.on("data", (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
          req.on("end", () => controller.close());
          req.on("error", (error) => controller.error(error));
        },
      })
    : null;
  return new Request(new URL(req.url ?? "/", origin), {
    method,
    headers,
    body,
    signal,
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
}

async function send(
  response: Response,
  res: ServerResponse,
  abort: AbortController,
): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  res.flushHeaders();
  const reader = response.body.getReader();
  res.on("close", () => {
    if (!res.writableFinished) {
      abort.abort();
      void reader.cancel().catch(() => {});
    }
  });
  let written: Promise<void> = Promise.resolve();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // Each event is written as soon as it exists; nothing is buffered.
      written = new Promise((resolve) => res.write(value, () => resolve()));
    }
    res.end();
  } catch {
    // The body errored on purpose (an injected disconnect) or the client left: drop the
    // socket, after what was already sent has reached it.
    await written;
    res.destroy();
  }
}

/** Starts the emulator on a real HTTP server (127.0.0.1, any free port by default). */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const { createServer } = await import("node:http");
  const { port = 0, host = "127.0.0.1", ...emulatorOptions } = options;
  const handler = createEmulatorHandler(emulatorOptions);
  const sockets = new Set<Socket>();
  const aborts = new Set<AbortController>();
  let origin = "";
  const server: Server = createServer((req, res) => {
    const abort = new AbortController();
    aborts.add(abort);
    res.on("close", () => aborts.delete(abort));
    handler(toRequest(req, origin, abort.signal))
      .then((response) => send(response, res, abort))
      // The handler answers its own failures (a 500 with a request id); what is left is the
      // socket failing under the write, and that socket is dropped.
      .catch(() => res.destroy());
  });
  // Idle keep-alive sockets stay open long enough that a loaded test machine does not race
  // the server closing one against the client reusing it; close() destroys them anyway.
  server.keepAliveTimeout = 30_000;
  server.on("connection", (socket) => {
    socket.setNoDelay(true);
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  origin = `http://${urlHost}:${actualPort}`;
  return {
    url: `${origin}/v1`,
    port: actualPort,
    handler,
    close: () =>
      new Promise<void>((resolve) => {
        for (const abort of aborts) abort.abort();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
