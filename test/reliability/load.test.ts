import { describe, expect, it } from "vitest";
import { startProxyStack } from "./support/stack.js";
import {
  LOAD_REQUESTS,
  collectGarbage,
  leakableResources,
  rssMb,
  runPhase,
  streamText,
  withoutIdCounters,
  type PhaseResult,
} from "./support/load-run.js";

/**
 * Load through the real proxy in front of the emulator, on loopback: a burst of concurrent
 * streams, then sustained concurrency for a bounded time; the whole load twice, so that
 * "flat" can be told from "grew once and stays": the second round must end where the first
 * did. `npm test` runs the short variant; `npm run soak` (COLLOQUY_SOAK=full) the long one.
 */

const FULL = process.env.COLLOQUY_SOAK === "full";
const PLAN = process.env.COLLOQUY_LOAD_PROBE
  ? { burst: 4, sustained: 2, seconds: 1 }
  : FULL
    ? { burst: 500, sustained: 200, seconds: 60 }
    : { burst: 120, sustained: 40, seconds: 3 };

/**
 * RSS once the stack is closed may exceed the baseline by this much. Generous: the point is
 * "flat", not a tight budget on a shared machine. RSS is checked after closing, not between
 * rounds, because while the servers run it holds what their connection pools and the
 * allocator keep for the peak concurrency (it rose by 70 MB from one 500-stream round to the
 * next while the live heap stayed within 1 MB, and fell back once the servers closed).
 */
const RSS_GROWTH_LIMIT_MB = 150;
/** Live heap after GC may exceed the baseline by this much (pools, JIT code, the stores' entries). */
const HEAP_GROWTH_LIMIT_MB = 40;
/** And the second round may end above the first by at most this much: a leak grows every round. */
const HEAP_SECOND_ROUND_LIMIT_MB = 15;

/** Live JS heap in MB, after a full collection. */
function heapAfterGcMb(): number {
  collectGarbage();
  return Math.round((process.memoryUsage().heapUsed / 1_048_576) * 10) / 10;
}

const summary = (phase: PhaseResult) => ({
  streams: phase.streams,
  errors: phase.errors.length,
  mismatches: phase.mismatches,
  peakRssMb: phase.peakRssMb,
});

describe(`load through the proxy (${FULL ? "full soak" : "short"})`, () => {
  it(
    `${PLAN.burst} concurrent streams, then ${PLAN.sustained} for ${PLAN.seconds} s, twice: no errors, identical bytes, flat memory, nothing leaked`,
    { timeout: (2 * PLAN.seconds + 300) * 1000 },
    async () => {
      collectGarbage();
      const resourcesBefore = leakableResources();
      // Events 2 ms apart keep streams open long enough to overlap.
      // A fixed clock makes `created_at` equal in every answer.
      const stack = await startProxyStack({ delayMs: 2, now: () => 1_767_225_600_000 });
      const figures: Record<string, unknown> = { plan: PLAN };
      const rounds: Record<string, unknown>[] = [];
      let completed = false;
      try {
        const emulatorBase = stack.emulator.url;
        const expected = await Promise.all(
          LOAD_REQUESTS.map(async (request) =>
            withoutIdCounters(await streamText(emulatorBase, request)),
          ),
        );
        // Warm-up, so lazily loaded modules and pools are in the baseline.
        await runPhase({ baseURL: stack.baseURL, concurrency: 10, runsPerWorker: 2, expected });
        const heapBefore = heapAfterGcMb();
        const rssBefore = rssMb();
        figures.before = { heapMb: heapBefore, rssMb: rssBefore };

        for (let round = 1; round <= 2; round++) {
          const burst = await runPhase({
            baseURL: stack.baseURL,
            concurrency: PLAN.burst,
            runsPerWorker: 1,
            expected,
          });
          const sustained = await runPhase({
            baseURL: stack.baseURL,
            concurrency: PLAN.sustained,
            untilMs: Date.now() + PLAN.seconds * 1000,
            expected,
          });
          const rssAfterNoGc = rssMb();
          const heapAfter = heapAfterGcMb();
          rounds.push({
            round,
            burst: summary(burst),
            sustained: summary(sustained),
            rssAfterMb: rssAfterNoGc,
            rssAfterGcMb: rssMb(),
            heapAfterGcMb: heapAfter,
          });

          expect(burst.errors.slice(0, 3)).toEqual([]);
          expect(burst.streams).toBe(PLAN.burst);
          expect(burst.firstMismatch ?? expected[0]).toBe(expected[0]);
          expect(burst.mismatches).toBe(0);
          expect(sustained.errors.slice(0, 3)).toEqual([]);
          expect(sustained.streams).toBeGreaterThanOrEqual(PLAN.sustained);
          expect(sustained.mismatches).toBe(0);
        }
        figures.rounds = rounds;
        const [first, second] = rounds as { heapAfterGcMb: number; rssAfterGcMb: number }[];
        expect(second!.heapAfterGcMb - heapBefore).toBeLessThan(HEAP_GROWTH_LIMIT_MB);
        expect(second!.heapAfterGcMb - first!.heapAfterGcMb).toBeLessThan(
          HEAP_SECOND_ROUND_LIMIT_MB,
        );
        completed = true;
      } finally {
        figures.rounds = rounds;
        await stack.close();
        // A failed bound still shows the figures it failed on.
        if (!completed) console.info(`[load] (failed) ${JSON.stringify(figures)}`);
      }
      // Sockets close asynchronously once both servers are gone.
      const noMoreThanBefore = () =>
        Object.entries(leakableResources()).filter(
          ([name, count]) => count > resourcesBefore[name]!,
        );
      await expect.poll(noMoreThanBefore, { timeout: 10_000, interval: 100 }).toEqual([]);
      figures.resourcesBefore = resourcesBefore;
      figures.resourcesAfter = leakableResources();
      figures.afterClose = { heapMb: heapAfterGcMb(), rssMb: rssMb() };
      // The figures docs/reliability.md quotes come from this line.
      console.info(`[load] ${JSON.stringify(figures)}`);
      const before = figures.before as { rssMb: number };
      expect((figures.afterClose as { rssMb: number }).rssMb - before.rssMb).toBeLessThan(
        RSS_GROWTH_LIMIT_MB,
      );
    },
  );
});
