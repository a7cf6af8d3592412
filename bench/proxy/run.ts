import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createOpenAIProxy, toNodeHandler } from "../../src/server/index.js";
import { createEmulatorHandler } from "../../src/testing/index.js";
import { benchOptions, publish, type TargetCheck } from "../lib/report.js";
import { median, percentile, round } from "../lib/stats.js";
import { createBarePipeProxy } from "./bare-pipe-proxy.js";

/**
 * proxy: the same emulated streams fetched from the emulator directly, through a bare
 * node:http pipe (the floor: what a second loopback hop costs by itself) and through the
 * colloquy proxy: time to first byte, per-chunk latency, then many concurrent streams.
 * Everything listens on 127.0.0.1, port 0, in this one process.
 */
const options = benchOptions();

/** When each event (by `sequence_number`) left the emulator, per response id. */
const emittedAt = new Map<string, number>();

/** Wraps the emulator so every event's emission time is noted as its bytes leave. */
function stampedEmulator(chunkDelayMs: number) {
  const handler = createEmulatorHandler({ chunkDelayMs });
  return async (request: Request): Promise<Response> => {
    const response = await handler(request);
    if (!response.body) return response;
    const decoder = new TextDecoder();
    const stamp = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        const text = decoder.decode(chunk, { stream: true });
        const now = performance.now();
        for (const match of text.matchAll(/"sequence_number":(\d+)/g)) {
          const id = /"id":"(resp_[^"]+)"/.exec(text)?.[1];
          emittedAt.set(`${id ?? "?"}:${match[1]}`, now);
          if (id) lastId = id;
          emittedAt.set(`last:${match[1]}`, now);
        }
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(stamp), {
      status: response.status,
      headers: response.headers,
    });
  };
}
let lastId = "";

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

const body = JSON.stringify({ model: "gpt-4.1-mini", input: "hello there", stream: true });

/** One streamed request: TTFB and each event's delay after it left the emulator. */
async function timedStream(url: string) {
  emittedAt.clear();
  const start = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let ttfb = Number.NaN;
  let buffer = "";
  const chunkLatencies: number[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const now = performance.now();
    if (Number.isNaN(ttfb)) ttfb = now - start;
    buffer += decoder.decode(value, { stream: true });
    const events = buffer.split("\n\n");
    buffer = events.pop() ?? "";
    for (const event of events) {
      const sequence = /"sequence_number":(\d+)/.exec(event)?.[1];
      const emitted = sequence !== undefined ? emittedAt.get(`last:${sequence}`) : undefined;
      if (emitted !== undefined) chunkLatencies.push(now - emitted);
    }
  }
  if (response.status !== 200) throw new Error(`HTTP ${response.status} from ${url}`);
  return { ttfb, chunkLatencies };
}

/** The paths the latency phase compares, in the order each round visits them. */
type LatencyPath = "direct" | "floor" | "proxied";

async function latencyPhase(urls: Record<LatencyPath, string>) {
  const paths = Object.keys(urls) as LatencyPath[];
  const samples = Object.fromEntries(
    paths.map((path) => [path, { ttfb: [] as number[], chunk: [] as number[] }]),
  ) as Record<LatencyPath, { ttfb: number[]; chunk: number[] }>;
  // The proxy's code path is long; a handful of warm-up requests leaves it cold (the JIT has
  // not compiled it yet), and a cold proxy measured 1 ms slower than a warm one.
  const rounds = options.quick ? 40 : 200;
  const warmUp = options.quick ? 30 : 60;
  for (let i = 0; i < warmUp; i++) {
    for (const path of paths) await timedStream(urls[path]);
  }
  // Round robin, so machine load drifting during the phase hits every path alike.
  for (let i = 0; i < rounds; i++) {
    for (const path of paths) {
      const result = await timedStream(urls[path]);
      samples[path].ttfb.push(result.ttfb);
      samples[path].chunk.push(...result.chunkLatencies);
    }
  }
  return { rounds, samples };
}

function rssMiB(): number {
  return Math.round((process.memoryUsage().rss / 2 ** 20) * 10) / 10;
}

async function concurrencyPhase(url: string, streams: number) {
  const before = rssMiB();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB())), 50);
  const start = performance.now();
  let bytes = 0;
  const errors: string[] = [];
  await Promise.all(
    Array.from({ length: streams }, async () => {
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        });
        if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
        const text = await response.text();
        if (!text.includes("response.completed")) throw new Error("stream ended early");
        bytes += text.length;
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  const during = peak;
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 200));
  return {
    streams,
    errors: errors.length,
    firstError: errors[0],
    seconds: round(seconds),
    streamsPerSecond: round(streams / seconds),
    mibPerSecond: round(bytes / 2 ** 20 / seconds),
    rssMiB: { before, peak: during, after: rssMiB() },
  };
}

const upstream = createServer(toNodeHandler(stampedEmulator(1)));
const upstreamUrl = await listen(upstream);
const proxy = createServer(
  toNodeHandler(
    createOpenAIProxy({
      baseURL: `${upstreamUrl}/v1`,
      apiKey: "bench",
      rateLimit: false,
      logger: false,
    }),
  ),
);
const proxyUrl = await listen(proxy);
const barePipe = createBarePipeProxy(`${upstreamUrl}/v1/responses`);
const barePipeUrl = await listen(barePipe);

const latency = await latencyPhase({
  direct: `${upstreamUrl}/v1/responses`,
  floor: `${barePipeUrl}/v1/responses`,
  proxied: `${proxyUrl}/api/openai/v1/responses`,
});
await close(upstream);
await close(proxy);
await close(barePipe);

// The concurrency phase streams without pacing, so it measures the proxy's own throughput.
const fastUpstream = createServer(toNodeHandler(createEmulatorHandler({})));
const fastUpstreamUrl = await listen(fastUpstream);
const fastProxy = createServer(
  toNodeHandler(
    createOpenAIProxy({
      baseURL: `${fastUpstreamUrl}/v1`,
      apiKey: "bench",
      rateLimit: false,
      logger: false,
    }),
  ),
);
const fastProxyUrl = await listen(fastProxy);
const concurrent = options.quick ? 200 : 500;
const directLoad = await concurrencyPhase(`${fastUpstreamUrl}/v1/responses`, concurrent);
const proxiedLoad = await concurrencyPhase(`${fastProxyUrl}/api/openai/v1/responses`, concurrent);
await close(fastUpstream);
await close(fastProxy);

const d = latency.samples.direct;
const f = latency.samples.floor;
const p = latency.samples.proxied;
const addedTtfb = median(p.ttfb) - median(d.ttfb);
const addedChunk = median(p.chunk) - median(d.chunk);
const floorTtfb = median(f.ttfb) - median(d.ttfb);
const targets: TargetCheck[] = [
  {
    name: "added p50 TTFB <= 1 ms",
    measured: `${round(addedTtfb)} ms (the bare pipe: ${round(floorTtfb)} ms)`,
    met: addedTtfb <= 1,
  },
  {
    name: "added p50 per chunk <= 1 ms",
    measured: `${round(addedChunk)} ms`,
    met: addedChunk <= 1,
  },
  {
    name: `${concurrent} concurrent streams through the proxy, 0 errors`,
    measured: `${proxiedLoad.errors} errors`,
    met: proxiedLoad.errors === 0,
  },
];

publish(
  "proxy",
  {
    tables: [
      {
        title: `proxy: latency over loopback, ${latency.rounds} streams each (ms)`,
        columns: [
          "path",
          "TTFB p50",
          "TTFB p99",
          "added TTFB p50",
          "chunk p50",
          "chunk p99",
          "chunks",
        ],
        rows: (
          [
            ["emulator direct", d],
            ["floor: a bare node:http pipe", f],
            ["through the colloquy proxy", p],
          ] as const
        ).map(([name, s]) => [
          name,
          round(median(s.ttfb)),
          round(percentile(s.ttfb, 99)),
          round(median(s.ttfb) - median(d.ttfb)),
          round(median(s.chunk)),
          round(percentile(s.chunk, 99)),
          s.chunk.length,
        ]),
      },
      {
        title: `proxy: ${concurrent} concurrent streams`,
        columns: ["path", "errors", "seconds", "streams/s", "MiB/s", "RSS before/peak/after MiB"],
        rows: (
          [
            ["emulator direct", directLoad],
            ["through the proxy", proxiedLoad],
          ] as const
        ).map(([name, load]) => [
          name,
          load.errors,
          load.seconds,
          load.streamsPerSecond,
          load.mibPerSecond,
          `${load.rssMiB.before} / ${load.rssMiB.peak} / ${load.rssMiB.after}`,
        ]),
      },
    ],
    targets,
    data: {
      latency: {
        direct: { ttfb: d.ttfb, chunkP50: median(d.chunk), chunkP99: percentile(d.chunk, 99) },
        floor: { ttfb: f.ttfb, chunkP50: median(f.chunk), chunkP99: percentile(f.chunk, 99) },
        floorAddedTtfb: floorTtfb,
        proxied: { ttfb: p.ttfb, chunkP50: median(p.chunk), chunkP99: percentile(p.chunk, 99) },
      },
      directLoad,
      proxiedLoad,
      lastId,
    },
  },
  [],
  { ...options, chunkDelayMs: 1, concurrent, sameProcess: true },
);
