import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { createPlaygroundApi } from "../../../playground/server/playground-api.js";
import { serveStaticFiles } from "../../../src/server/cli/static-files.js";

const configFile = fileURLToPath(new URL("../../../playground/vite.config.ts", import.meta.url));

/** The built playground with the proxy and the emulator, on a port that survives a restart. */
export interface RestartablePlayground {
  /** The page's URL, e.g. `http://127.0.0.1:40123/`. */
  url: string;
  /** Stops listening and drops every open connection: the proxy is down. */
  stop: () => Promise<void>;
  /** Listens again on the same port. */
  restart: () => Promise<void>;
  /** Stops for good. */
  close: () => Promise<void>;
}

/**
 * Builds playground/ into `outDir` (a folder of the caller's, so a concurrent build of
 * playground/dist by another suite cannot swap files under this one).
 */
export async function buildPlaygroundInto(outDir: string): Promise<void> {
  await build({ configFile, logLevel: "error", build: { outDir, emptyOutDir: true } });
}

/**
 * Serves the build in `distDir` and mounts the proxy at /api/openai in front of the
 * emulator, answering at once (no pacing), so faults, not the model's speed, set the pace.
 */
export async function startRestartablePlayground(distDir: string): Promise<RestartablePlayground> {
  const api = createPlaygroundApi({ env: {}, pace: "instant", log: false });
  const serveApp = await serveStaticFiles(distDir, { singlePageApp: true });
  const server = createServer((req, res) => {
    api.handler(req, res, () => void serveApp(req, res));
  });
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  const stop = async () => {
    if (!server.listening) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  };
  const port = await listen(0);
  return {
    url: `http://127.0.0.1:${port}/`,
    stop,
    restart: async () => {
      await listen(port);
    },
    close: stop,
  };
}
