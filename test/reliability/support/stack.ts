import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createOpenAIProxy, toNodeHandler } from "../../../src/server/index.js";
import { startEmulator, type RunningEmulator } from "../../../src/testing/index.js";
import type { StartEmulatorOptions } from "../../../src/testing/index.js";

/**
 * The real deployment shape on loopback: the emulator as the upstream over HTTP, the proxy
 * in front of it over HTTP, both on ports chosen at run time.
 */

/** A node:http server that can be stopped and started again on the same port. */
export interface RestartableServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** The port, fixed for the server's life (kept across restarts). */
  readonly port: number;
  /** Stops listening and drops open connections. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  restart(): Promise<void>;
}

/** The emulator with the proxy in front of it. */
export interface ProxyStack {
  /** The emulator (the upstream). */
  emulator: RunningEmulator;
  /** The proxy's server. */
  proxy: RestartableServer;
  /** Base URL for colloquy clients: `<proxy>/api/openai/v1`. */
  baseURL: string;
  /** Stops both. */
  close(): Promise<void>;
}

async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

async function close(server: Server): Promise<void> {
  if (!server.listening) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Serves `listener` on 127.0.0.1 at a free port; `restart` reuses that port. */
export async function serveRestartable(
  listener: Parameters<typeof createServer>[1],
): Promise<RestartableServer> {
  let server = createServer(listener);
  const port = await listen(server, 0);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stop: () => close(server),
    restart: async () => {
      server = createServer(listener);
      await listen(server, port);
    },
  };
}

/** Starts the emulator and the proxy (no rate limit, every model, silent). */
export async function startProxyStack(
  emulatorOptions: StartEmulatorOptions = {},
): Promise<ProxyStack> {
  const emulator = await startEmulator({ ...emulatorOptions, port: 0, host: "127.0.0.1" });
  const handler = createOpenAIProxy({
    apiKey: "sk-reliability-test",
    baseURL: emulator.url,
    models: "all",
    rateLimit: false,
    logger: false,
  });
  const proxy = await serveRestartable(toNodeHandler(handler));
  return {
    emulator,
    proxy,
    baseURL: `${proxy.url}/api/openai/v1`,
    close: async () => {
      await proxy.stop();
      await emulator.close();
    },
  };
}
