import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

function listenOn(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off("listening", onListening);
      reject(error);
    };
    const onListening = () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}

/**
 * Listens on `port`, or on a free port when that one is taken (a second playground, or
 * another dev server, should not stop this one from starting). Returns the port in use.
 */
export async function listenWithFallback(
  server: Server,
  host: string,
  port: number,
): Promise<number> {
  try {
    return await listenOn(server, host, port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || port === 0) throw error;
    return listenOn(server, host, 0);
  }
}
