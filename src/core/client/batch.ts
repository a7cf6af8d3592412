import { ColloquyError } from "../errors.js";

/** A batch item failed; `index` is its position in the input list. */
export class BatchItemError extends ColloquyError {
  /** Position of the failed input. */
  readonly index: number;

  constructor(index: number, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      cause instanceof ColloquyError ? cause.code : "invalid_input",
      `Batch item ${index} failed: ${reason}`,
      { cause },
    );
    this.name = "BatchItemError";
    this.index = index;
  }
}

/**
 * Runs `task` for every item with at most `concurrency` running at once; results keep the
 * input order. Every item settles, whatever happens to the others.
 */
export async function runSettled<In, Out>(
  items: readonly In[],
  concurrency: number,
  task: (item: In, index: number) => Promise<Out>,
): Promise<PromiseSettledResult<Out>[]> {
  const results: PromiseSettledResult<Out>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = { status: "fulfilled", value: await task(items[index]!, index) };
      } catch (reason) {
        results[index] = { status: "rejected", reason };
      }
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(concurrency) || 1, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
