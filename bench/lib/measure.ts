import { median } from "./stats.js";

/** A named async task to time. */
export interface Timed<T> {
  /** Display name. */
  name: string;
  /** One measured run. */
  run(): Promise<T>;
}

/** Medians and raw samples (ms) of each task, plus errors seen. */
export interface TimedResult {
  /** Task name. */
  name: string;
  /** Median wall time of one run, in ms. */
  medianMs: number;
  /** Every measured run, in ms. */
  samples: number[];
  /** The first error message, when a run failed. */
  error?: string;
}

/**
 * Runs every task once to warm up, then `runs` rounds in which each task runs once, in turn,
 * so machine load drifting during the bench hits every contender alike.
 */
export async function interleaved<T>(tasks: Timed<T>[], runs: number): Promise<TimedResult[]> {
  const samples = tasks.map(() => [] as number[]);
  const errors: (string | undefined)[] = tasks.map(() => undefined);
  for (let round = -1; round < runs; round++) {
    for (const [index, task] of tasks.entries()) {
      if (errors[index]) continue;
      const start = performance.now();
      try {
        await task.run();
      } catch (error) {
        errors[index] = error instanceof Error ? error.message : String(error);
        continue;
      }
      if (round >= 0) samples[index]!.push(performance.now() - start);
    }
  }
  return tasks.map((task, index) => ({
    name: task.name,
    medianMs: median(samples[index]!),
    samples: samples[index]!,
    ...(errors[index] ? { error: errors[index] } : {}),
  }));
}
