import type { ChatClient, Message, RequestParams } from "../../../src/core/index.js";

/** One raw stream event as the timeline shows it. */
export interface TimelineEvent {
  /** Milliseconds since the request was sent. */
  atMs: number;
  /** The event type (`response.output_text.delta`, `chat.completion.chunk`, ...). */
  type: string;
}

/** The outcome of one variant on one row of inputs. */
export interface CellResult {
  /** `running` while streaming. */
  status: "running" | "done" | "error";
  /** The answer so far. */
  message: Message | undefined;
  /** Every raw event, with its arrival time. */
  events: TimelineEvent[];
  /** Milliseconds until the first output delta. */
  firstTokenMs: number | undefined;
  /** Milliseconds until the stream ended. */
  totalMs: number | undefined;
  /** What went wrong. */
  error: string | undefined;
}

/** A result before anything arrived. */
export const PENDING: CellResult = {
  status: "running",
  message: undefined,
  events: [],
  firstTokenMs: undefined,
  totalMs: undefined,
  error: undefined,
};

function isOutputDelta(event: { type?: unknown; choices?: unknown }): boolean {
  if (typeof event.type === "string") return event.type.endsWith(".delta");
  const choices = event.choices as
    { delta?: { content?: unknown; tool_calls?: unknown } }[] | undefined;
  return Boolean(choices?.some((choice) => choice.delta?.content || choice.delta?.tool_calls));
}

/**
 * Streams one request and reports progress through `onUpdate`: the snapshot, the event
 * timeline, time to first token and total time, measured with the page's clock.
 */
export async function runCell(
  client: ChatClient,
  messages: readonly Message[],
  params: RequestParams,
  onUpdate: (result: CellResult) => void,
): Promise<CellResult> {
  const started = performance.now();
  let result: CellResult = { ...PENDING, events: [] };
  try {
    for await (const update of client.streamUpdates(messages, params)) {
      const atMs = performance.now() - started;
      const event = update.event as { type?: unknown; object?: unknown; choices?: unknown };
      const type = String(event.type ?? event.object ?? "event");
      result = {
        ...result,
        message: update.snapshot,
        events: [...result.events, { atMs, type }],
        firstTokenMs: result.firstTokenMs ?? (isOutputDelta(event) ? atMs : undefined),
      };
      onUpdate(result);
    }
    result = { ...result, status: "done", totalMs: performance.now() - started };
  } catch (error) {
    result = {
      ...result,
      status: "error",
      totalMs: performance.now() - started,
      error: (error as Error).message,
    };
  }
  onUpdate(result);
  return result;
}

/** Runs `tasks` with at most `limit` in flight at once. */
export async function runWithConcurrency(
  tasks: readonly (() => Promise<unknown>)[],
  limit: number,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next++]!;
      await task();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker));
}
