import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { NodeHandler } from "../../../src/server/index.js";

/** A node:http server on a free loopback port running `listener`. */
export async function serve(
  listener: NodeHandler,
): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const server = createServer((req, res) => listener(req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** A logger that keeps its lines, for asserting on them. */
export function memoryLogger() {
  const lines: string[] = [];
  return {
    lines,
    info: (line: string) => void lines.push(line),
    warn: (line: string) => void lines.push(line),
    error: (line: string) => void lines.push(line),
  };
}
