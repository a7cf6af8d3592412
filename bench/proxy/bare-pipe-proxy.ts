import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";

/**
 * The floor for the proxy's added latency: a node:http server that reads the body, sends it
 * to one upstream URL over a keep-alive agent, and pipes the answer back. No routing, policy,
 * validation or Web API, so what it adds is the cost of a second loopback hop alone.
 */
export function createBarePipeProxy(upstreamUrl: string): Server {
  const agent = new Agent({ keepAlive: true });
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.once("end", () => {
      const body = Buffer.concat(chunks);
      const upstream = httpRequest(
        upstreamUrl,
        {
          method: "POST",
          agent,
          headers: { "content-type": "application/json", "content-length": body.byteLength },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.flushHeaders();
          answer.pipe(res);
        },
      );
      upstream.once("socket", (socket) => socket.setNoDelay(true));
      upstream.once("error", () => res.destroy());
      upstream.end(body);
    });
  };
  const server = createServer(forward);
  server.once("close", () => agent.destroy());
  return server;
}
