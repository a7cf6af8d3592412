import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { createPlaygroundApi } from "../../../playground/server/playground-api.js";
import { listenWithFallback } from "../../../playground/server/listen.js";
import { serveStaticFiles } from "../../../src/server/cli/static-files.js";

const configFile = fileURLToPath(new URL("../../../playground/vite.config.ts", import.meta.url));
const distDir = fileURLToPath(new URL("../../../playground/dist", import.meta.url));

/** The built playground, served with the proxy and the emulator. */
export interface RunningPlayground {
  /** The page's URL, e.g. `http://127.0.0.1:40123/`. */
  url: string;
  /** Stops the server. */
  close: () => Promise<void>;
}

/** Builds playground/ into playground/dist (production build, as users would deploy it). */
export async function buildPlayground(): Promise<void> {
  await build({ configFile, logLevel: "error" });
}

/**
 * Serves playground/dist and mounts the proxy at /api/openai in front of the emulator
 * (whatever keys the environment holds: end-to-end tests never reach the network). The
 * emulator streams at a reader's pace unless `pace: "instant"` (tests that only look at the end).
 */
export async function startPlayground(
  options: { pace?: "instant" | "realistic" } = {},
): Promise<RunningPlayground> {
  const api = createPlaygroundApi({ env: {}, pace: options.pace ?? "realistic", log: false });
  const serveApp = await serveStaticFiles(distDir, { singlePageApp: true });
  const server = createServer((req, res) => {
    api.handler(req, res, () => void serveApp(req, res));
  });
  const port = await listenWithFallback(server, "127.0.0.1", 0);
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
