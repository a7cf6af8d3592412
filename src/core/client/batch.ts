import { ColloquyError } from "../errors.js";
import type { Message } from "../model/message.js";
import type { BatchOptions, BatchResult, ChatInput, RequestParams } from "./types.js";

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

/** Sends one conversation; the client's `invoke`. */
type Invoke = (input: ChatInput, params?: RequestParams) => Promise<Message>;

/**
 * The client's `batchSettled`: every input sent, at most `concurrency` at once, each result
 * fulfilled or rejected on its own. Loaded with the first batch, like the rest of this file.
 */
export async function batchSettled(
  invoke: Invoke,
  inputs: readonly ChatInput[],
  batchOptions: BatchOptions = {},
): Promise<BatchResult[]> {
  const { concurrency = 4, ...params } = batchOptions;
  const settled = await runSettled(inputs, concurrency, (item) => invoke(item, params));
  return settled.map((result) =>
    result.status === "fulfilled"
      ? { status: "fulfilled", value: result.value }
      : { status: "rejected", reason: result.reason },
  );
}

/**
 * The client's `batch`: like `batchSettled`, but the first failure stops the rest and
 * rejects the batch with a `BatchItemError` that says which input failed.
 */
export async function batch(
  invoke: Invoke,
  inputs: readonly ChatInput[],
  batchOptions: BatchOptions = {},
): Promise<Message[]> {
  const { concurrency = 4, signal: outer, ...params } = batchOptions;
  const stopAll = new AbortController();
  const signal = outer ? AbortSignal.any([outer, stopAll.signal]) : stopAll.signal;
  let firstFailure: BatchItemError | undefined;
  const settled = await runSettled(inputs, concurrency, async (item, index) => {
    if (firstFailure) throw firstFailure;
    try {
      return await invoke(item, { ...params, signal });
    } catch (error) {
      // The first failure decides the batch; the rest are stopped, not reported.
      firstFailure ??= new BatchItemError(index, error);
      stopAll.abort();
      throw error;
    }
  });
  if (firstFailure) throw firstFailure;
  return settled.map((result) => (result as PromiseFulfilledResult<Message>).value);
}
