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
} from "./support/load-run.js";

/**
 * Load through the real proxy in front of the emulator, on loopback: a burst of concurrent
 * streams, then sustained concurrency for a bounded time. `npm test` runs the short variant;
 * `npm run soak` (COLLOQUY_SOAK=full) the long one.
 */

const FULL = process.env.COLLOQUY_SOAK === "full";
const PLAN = process.env.COLLOQUY_LOAD_PROBE
  ? { burst: 4, sustained: 2, seconds: 1 }
  : FULL
    ? { burst: 500, sustained: 200, seconds: 60 }
    : { burst: 200, sustained: 50, seconds: 5 };

/** Generous: the point is "flat", not a tight budget on a shared, loaded machine. */
const RSS_GROWTH_LIMIT_MB = 150;

describe(`load through the proxy (${FULL ? "full soak" : "short"})`, () => {
  it(
    `${PLAN.burst} concurrent streams, then ${PLAN.sustained} for ${PLAN.seconds} s: no errors, identical bytes, flat memory, nothing leaked`,
    { timeout: (PLAN.seconds + 240) * 1000 },
    async () => {
      collectGarbage();
      const resourcesBefore = leakableResources();
      // Events 2 ms apart keep streams open long enough to overlap.
      // A fixed clock makes `created_at` equal in every answer.
      const stack = await startProxyStack({ delayMs: 2, now: () => 1_767_225_600_000 });
      const figures: Record<string, unknown> = { plan: PLAN };
      try {
        const emulatorBase = stack.emulator.url;
        const expected = await Promise.all(
          LOAD_REQUESTS.map(async (request) =>
            withoutIdCounters(await streamText(emulatorBase, request)),
          ),
        );
        // Warm-up, so lazily loaded modules and pools are in the baseline.
        await runPhase({ baseURL: stack.baseURL, concurrency: 10, runsPerWorker: 2, expected });
        collectGarbage();
        const rssBefore = rssMb();

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
        collectGarbage();
        const rssAfter = rssMb();
        Object.assign(figures, {
          burst: {
            streams: burst.streams,
            errors: burst.errors.length,
            peakRssMb: burst.peakRssMb,
          },
          sustained: {
            streams: sustained.streams,
            errors: sustained.errors.length,
            peakRssMb: sustained.peakRssMb,
          },
          rssBeforeMb: rssBefore,
          rssAfterMb: rssAfter,
        });

        expect(burst.errors.slice(0, 3)).toEqual([]);
        expect(burst.streams).toBe(PLAN.burst);
        expect(burst.firstMismatch ?? expected[0]).toBe(expected[0]);
        expect(burst.mismatches).toBe(0);
        expect(sustained.errors.slice(0, 3)).toEqual([]);
        expect(sustained.streams).toBeGreaterThanOrEqual(PLAN.sustained);
        expect(sustained.mismatches).toBe(0);
        expect(rssAfter - rssBefore).toBeLessThan(RSS_GROWTH_LIMIT_MB);
      } finally {
        await stack.close();
      }
      // Sockets close asynchronously once both servers are gone.
      const noMoreThanBefore = () =>
        Object.entries(leakableResources()).filter(
          ([name, count]) => count > resourcesBefore[name]!,
        );
      await expect.poll(noMoreThanBefore, { timeout: 10_000, interval: 100 }).toEqual([]);
      figures.resourcesAfter = leakableResources();
      figures.resourcesBefore = resourcesBefore;
      // The figures docs/reliability.md quotes come from this line.
      console.info(`[load] ${JSON.stringify(figures)}`);
    },
  );
});
