import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createOpenAIProxy, toNodeHandler } from "../../src/server/index.js";
import type { OpenAIProxyOptions } from "../../src/server/index.js";
import { createEmulatorHandler } from "../../src/testing/index.js";
import { median } from "../lib/stats.js";

/**
 * A/B profile of the proxy's time to first byte: the emulator directly, and through proxies
 * configured differently, interleaved request by request. `npx tsx bench/proxy/profile-ttfb.ts [rounds]`.
 */
async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
const emulator = createEmulatorHandler({ chunkDelayMs: 1 });
const upstream = createServer(toNodeHandler(emulator));
const upstreamUrl = await listen(upstream);
const common: OpenAIProxyOptions = {
  baseURL: `${upstreamUrl}/v1`,
  apiKey: "bench",
  rateLimit: false,
  logger: false,
};
const variants: Record<string, OpenAIProxyOptions> = {
  proxy: common,
  "proxy, ownership off": { ...common, responseOwnership: false },
  "proxy, fetch upstream": { ...common, upstream: (request) => fetch(request) },
};
const servers: Server[] = [upstream];
const connections = new Map<Server, number>();
const count = (server: Server) =>
  server.on("connection", () => connections.set(server, (connections.get(server) ?? 0) + 1));
count(upstream);
const urls: [string, string][] = [["direct", `${upstreamUrl}/v1/responses`]];
for (const [name, options] of Object.entries(variants)) {
  const server = createServer(toNodeHandler(createOpenAIProxy(options)));
  servers.push(server);
  count(server);
  urls.push([name, `${await listen(server)}/api/openai/v1/responses`]);
}
const body = JSON.stringify({ model: "gpt-4.1-mini", input: "hello there", stream: true });
async function ttfb(url: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  const reader = response.body!.getReader();
  let first = Number.NaN;
  for (;;) {
    const { done } = await reader.read();
    if (done) break;
    if (Number.isNaN(first)) first = performance.now() - start;
  }
  return first;
}
const rounds = Number(process.argv[2] ?? 100);
const samples: Record<string, number[]> = {};
for (let i = 0; i < rounds + 20; i++) {
  for (const [name, url] of urls) {
    const value = await ttfb(url);
    if (i >= 20) (samples[name] ??= []).push(value);
  }
}
const direct = median(samples["direct"]!);
for (const [name, values] of Object.entries(samples)) {
  const p50 = median(values);
  console.log(`${name.padEnd(28)} p50 ${p50.toFixed(2)} ms  added ${(p50 - direct).toFixed(2)} ms`);
}
console.log("connections per server", [...connections.values()]);
for (const server of servers) {
  server.closeAllConnections();
  server.close();
}
