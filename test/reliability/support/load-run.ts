import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Helpers of the load and soak test: streams through the proxy, checked byte for byte. */

/** The two streamed requests the load sends, one per API. */
export const LOAD_REQUESTS = [
  {
    path: "/responses",
    // Output caps below the proxy's clamp, so it forwards the body unchanged.
    body: {
      model: "gpt-5-mini",
      input: "Say hello to the load test",
      max_output_tokens: 1000,
      stream: true,
    },
  },
  {
    path: "/chat/completions",
    body: {
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "Say hello to the load test" }],
      max_completion_tokens: 1000,
      stream: true,
    },
  },
] as const;

/**
 * The emulator numbers its ids per request (`resp_emu_0042`); the count is the only part of
 * a body that may differ between two identical requests, so it is blanked before comparing.
 */
export function withoutIdCounters(body: string): string {
  return body.replace(/emu([_-])\d+/g, "emu$1N");
}

/** POSTs one streamed request and returns the whole body as text (throws on non-2xx). */
export async function streamText(baseURL: string, request: (typeof LOAD_REQUESTS)[number]) {
  const response = await fetch(baseURL + request.path, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify(request.body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
  return text;
}

/** A garbage collection now (the worker does not run with --expose-gc, so it is enabled here). */
export function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  gc();
  gc();
}

/** Resident set size in MB. */
export function rssMb(): number {
  return Math.round(process.memoryUsage().rss / 1_048_576);
}

/** Counts of the handles that a leak would leave behind: sockets, servers, timers. */
export function leakableResources(): Record<string, number> {
  const counts: Record<string, number> = { TCPSocketWrap: 0, TCPServerWrap: 0, Timeout: 0 };
  for (const name of process.getActiveResourcesInfo()) {
    if (name in counts) counts[name]! += 1;
  }
  return counts;
}

/** The figures of one load phase. */
export interface PhaseResult {
  streams: number;
  errors: string[];
  mismatches: number;
  /** The first body that differed from the emulator's, for the failure message. */
  firstMismatch?: string;
  peakRssMb: number;
}

/**
 * Runs `concurrency` workers, each streaming requests one after another (alternating APIs)
 * until `runs` streams per worker are done or `untilMs` (a Date.now() time) passes.
 */
export async function runPhase(options: {
  baseURL: string;
  concurrency: number;
  runsPerWorker?: number;
  untilMs?: number;
  expected: readonly string[];
}): Promise<PhaseResult> {
  const result: PhaseResult = { streams: 0, errors: [], mismatches: 0, peakRssMb: rssMb() };
  const sampler = setInterval(() => {
    result.peakRssMb = Math.max(result.peakRssMb, rssMb());
  }, 100);
  const worker = async (index: number) => {
    for (let run = 0; ; run++) {
      if (options.runsPerWorker !== undefined && run >= options.runsPerWorker) return;
      if (options.untilMs !== undefined && Date.now() >= options.untilMs) return;
      const which = (index + run) % LOAD_REQUESTS.length;
      try {
        const text = await streamText(options.baseURL, LOAD_REQUESTS[which]!);
        if (withoutIdCounters(text) !== options.expected[which]) {
          result.mismatches += 1;
          result.firstMismatch ??= withoutIdCounters(text);
        }
        result.streams += 1;
      } catch (error) {
        result.errors.push(String(error));
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, (_, i) => worker(i)));
  } finally {
    clearInterval(sampler);
  }
  result.peakRssMb = Math.max(result.peakRssMb, rssMb());
  return result;
}
