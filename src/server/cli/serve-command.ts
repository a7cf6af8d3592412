import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createEmulatorHandler } from "../../testing/index.js";
import { createOpenAIProxy } from "../proxy/create-openai-proxy.js";
import type { OpenAIProxyOptions } from "../proxy/proxy-options.js";
import type { ProxyLogger } from "../proxy/proxy-logger.js";
import { toNodeHandler } from "../node/to-node-handler.js";
import type { ServeArguments } from "./cli-arguments.js";
import { serveStaticFiles } from "./static-files.js";

/** Where the CLI reads its environment and writes its lines. */
export interface CliEnvironment {
  /** Environment variables. */
  env: Readonly<Record<string, string | undefined>>;
  /** Ordinary output. */
  log: (line: string) => void;
  /** Problems. */
  error: (line: string) => void;
}

/** A running `colloquy serve`. */
export interface RunningServe {
  /** The proxy's base URL for OpenAI clients, e.g. `http://127.0.0.1:8787/api/openai/v1`. */
  url: string;
  /** Stops listening and ends open connections. */
  close: () => Promise<void>;
}

const EMULATOR_PATH = "/emulator";

/**
 * Starts the proxy over node:http. With `--emulator`, or with neither OPENAI_API_KEY nor
 * OPENAI_BASE_URL, the built-in emulator is the upstream (in process, also served at
 * /emulator/v1), and the first line says so.
 */
export async function serve(args: ServeArguments, io: CliEnvironment): Promise<RunningServe> {
  const noUpstream = !io.env["OPENAI_API_KEY"] && !io.env["OPENAI_BASE_URL"];
  const useEmulator = args.emulator || noUpstream;
  const emulator = useEmulator ? createEmulatorHandler({ pace: args.pace }) : undefined;
  const logger: ProxyLogger = { info: io.log, warn: io.log, error: io.error };
  const allowAll = args.allowModels.includes("all");
  const models: OpenAIProxyOptions["models"] =
    allowAll || (useEmulator && args.allowModels.length === 0)
      ? "all"
      : args.allowModels.length > 0
        ? args.allowModels
        : undefined;
  const proxy = createOpenAIProxy({
    env: io.env,
    basePath: args.basePath,
    logger,
    ...(emulator ? { upstream: emulator } : {}),
    ...(models ? { models } : {}),
    ...(args.corsOrigins.length > 0 ? { cors: { origins: args.corsOrigins } } : {}),
    ...(args.maxOutputTokens !== undefined ? { maxOutputTokens: args.maxOutputTokens } : {}),
    ...(args.bodyLimit !== undefined ? { maxBodyBytes: args.bodyLimit } : {}),
    // The host it was started for, and those named: any other name is DNS rebinding.
    allowedHosts: [args.host, ...args.allowHosts],
    trustProxy: args.trustProxy,
    rateLimit: args.rateLimit === 0 ? false : { limit: args.rateLimit, windowMs: 60_000 },
  });
  const proxyNode = toNodeHandler(proxy);
  const emulatorNode = emulator ? toNodeHandler(emulator, { basePath: EMULATOR_PATH }) : undefined;
  const staticFiles = args.staticDir ? await serveStaticFiles(args.staticDir) : undefined;
  const server = createServer((req, res) => {
    const path = req.url ?? "";
    if (emulatorNode && path.startsWith(`${EMULATOR_PATH}/`)) emulatorNode(req, res);
    else if (staticFiles && !path.startsWith(`${proxy.basePath}/`)) void staticFiles(req, res);
    else proxyNode(req, res);
  });
  // A socket error (a reset mid-request, a malformed request line) concerns one client.
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n");
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(args.port, args.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = args.host.includes(":") ? `[${args.host}]` : args.host;
  const origin = `http://${host}:${port}`;
  if (emulator) {
    const why = noUpstream ? "no OPENAI_API_KEY set" : "--emulator given";
    io.log(`colloquy: ${why}, using the built-in emulator at ${origin}${EMULATOR_PATH}/v1`);
  }
  const url = `${origin}${proxy.basePath}/v1`;
  io.log(`colloquy: proxy listening at ${url} (use it as your OpenAI client's baseURL)`);
  if (args.staticDir) io.log(`colloquy: serving ${args.staticDir} at ${origin}/`);
  return {
    url,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
