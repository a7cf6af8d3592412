#!/usr/bin/env node
// `npm start`: one process serving the playground (Vite in middleware mode, TypeScript
// straight from the sources) and the colloquy proxy at /api/openai, in front of the
// built-in emulator unless an OpenAI key, base URL or Azure endpoint is configured.
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register();
const { createPlaygroundApi } = await import("../playground/server/playground-api.ts");
const { listenWithFallback } = await import("../playground/server/listen.ts");
const { createServer: createViteServer } = await import("vite");

const host = "127.0.0.1";
const port = Number(process.env.PORT ?? 5173);
const api = createPlaygroundApi({ env: process.env, pace: "realistic" });
console.log(api.upstreamLine);

const server = createServer();
const vite = await createViteServer({
  configFile: fileURLToPath(new URL("../playground/vite.config.ts", import.meta.url)),
  server: { middlewareMode: true, ws: { server } },
  appType: "spa",
  logLevel: "warn",
});
/** Answers a request nothing else could, so that no request ends the server. */
function fail(res, status) {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { "content-type": "text/plain", "x-content-type-options": "nosniff" });
  res.end(status === 400 ? "Bad Request" : "Internal Server Error");
}
server.on("request", (req, res) => {
  try {
    api.handler(req, res, (error) => {
      if (error) return fail(res, 500);
      try {
        vite.middlewares(req, res);
      } catch {
        fail(res, 500);
      }
    });
  } catch {
    fail(res, 500);
  }
});
server.on("clientError", (_error, socket) => {
  if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n");
  else socket.destroy();
});

const actualPort = await listenWithFallback(server, host, port);
if (actualPort !== port)
  console.log(`colloquy playground: port ${port} is taken, using ${actualPort}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.closeAllConnections();
  await Promise.allSettled([vite.close(), new Promise((resolve) => server.close(resolve))]);
  process.exit(0);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

console.log(`colloquy playground: http://${host}:${actualPort}/`);
