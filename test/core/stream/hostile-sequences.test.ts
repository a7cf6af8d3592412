import { describe, expect, it } from "vitest";
import { ColloquyError } from "../../../src/core/errors.js";
import type { Message } from "../../../src/core/model/message.js";
import { readAhead } from "../../../src/core/stream/read-ahead.js";
import { readResponsesStream } from "../../../src/core/stream/read-responses-stream.js";
import { MAX_MESSAGE_PARTS, MAX_UNKNOWN_EVENTS } from "../../../src/core/stream/stream-limits.js";
import { textStream } from "./stream-helpers.js";

/**
 * Event sequences built to cost the reader quadratic time or unbounded memory, or to make it
 * drop events without saying so: many unknown events, many output items, a body far ahead
 * of its consumer, and sequence numbers out of order or far ahead.
 */

type Loose = Record<string, unknown>;

const created = (sequence = 0): Loose => ({
  type: "response.created",
  sequence_number: sequence,
  response: { id: "resp_1", status: "in_progress", output: [] },
});
const completed = (sequence: number): Loose => ({
  type: "response.completed",
  sequence_number: sequence,
  response: { id: "resp_1", status: "completed", output: [] },
});
const messageAdded = (sequence: number, id = "msg_1"): Loose => ({
  type: "response.output_item.added",
  sequence_number: sequence,
  output_index: 0,
  item: { type: "message", id, role: "assistant", status: "in_progress", content: [] },
});
const delta = (sequence: number, text: string, id = "msg_1"): Loose => ({
  type: "response.output_text.delta",
  sequence_number: sequence,
  item_id: id,
  output_index: 0,
  content_index: 0,
  delta: text,
});

const sse = (events: readonly Loose[]) =>
  events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join("");

/** The message `events` fold into through `finalMessage()`, or the error's snapshot. */
async function finalOf(
  events: readonly Loose[],
): Promise<{ message: Message; error?: ColloquyError }> {
  try {
    return { message: await readResponsesStream(textStream(sse(events))).finalMessage() };
  } catch (error) {
    expect(error).toBeInstanceOf(ColloquyError);
    const failure = error as ColloquyError;
    return { message: failure.snapshot!, error: failure };
  }
}

/** The same, event by event through the iterator. */
async function iteratedOf(
  events: readonly Loose[],
): Promise<{ message: Message; error?: ColloquyError }> {
  const stream = readResponsesStream(textStream(sse(events)));
  try {
    for await (const _update of stream);
    return { message: stream.snapshot };
  } catch (error) {
    expect(error).toBeInstanceOf(ColloquyError);
    const failure = error as ColloquyError;
    return { message: failure.snapshot!, error: failure };
  }
}

const textOf = (message: Message) =>
  message.parts.map((part) => (part.type === "text" ? part.text : "")).join("");

describe("linear time for any event sequence", () => {
  it("folds 100,000 unknown events in seconds, keeping the first ones and counting the rest", async () => {
    const events = [created()];
    for (let i = 1; i <= 100_000; i++) events.push({ type: "x.future_event", sequence_number: i });
    events.push(completed(100_001));
    const started = performance.now();
    const { message } = await finalOf(events);
    // Quadratic, this took over a minute.
    expect(performance.now() - started).toBeLessThan(8_000);
    expect(message.status).toBe("complete");
    expect(message.metadata.unknownEvents).toHaveLength(MAX_UNKNOWN_EVENTS);
    expect(message.metadata.unknownEvents![0]).toMatchObject({ sequence_number: 1 });
    expect(message.metadata.unknownEventsOmitted).toBe(100_000 - MAX_UNKNOWN_EVENTS);
  }, 20_000);

  it("stops a stream of 50,000 output items at the part limit, in seconds, with an error on the message", async () => {
    const events = [created()];
    let sequence = 1;
    for (let i = 0; i < 50_000; i++) {
      events.push(messageAdded(sequence++, `msg_${i}`), delta(sequence++, "a", `msg_${i}`));
    }
    events.push(completed(sequence));
    for (const read of [finalOf, iteratedOf]) {
      const started = performance.now();
      const { message, error } = await read(events);
      expect(performance.now() - started).toBeLessThan(8_000);
      expect(error?.code).toBe("too_many_parts");
      expect(error?.message).toMatch(/more than 1000 parts/);
      expect(message.status).toBe("failed");
      expect(message.error?.code).toBe("too_many_parts");
      expect(message.parts).toHaveLength(MAX_MESSAGE_PARTS);
    }
  }, 30_000);
});

describe("bounded read-ahead", () => {
  it("stops reading a body once it holds the limit ahead of a consumer that stopped", async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024);
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled += 1;
          if (pulled > 2_000) controller.close();
          else controller.enqueue(chunk);
        },
      },
      { highWaterMark: 0 },
    );
    const reader = readAhead(body.getReader(), 1024 * 1024);
    await reader.read();
    for (let i = 0; i < 50; i++) await new Promise((resolve) => setTimeout(resolve, 1));
    // 1 MiB of 64 KiB chunks, and the one that crossed the limit; unbounded, all 2,000.
    expect(pulled).toBeLessThanOrEqual(20);
    // Reading on resumes the pump, and every chunk still arrives in order.
    let chunks = 1;
    while (!(await reader.read()).done) chunks += 1;
    expect(chunks).toBe(2_000);
  });
});

describe("sequence numbers out of order", () => {
  const reads = [
    ["finalMessage()", finalOf],
    ["the iterator", iteratedOf],
  ] as const;

  it.each(reads)(
    "a sequence_number far ahead is an error on the message, not every later event dropped (%s)",
    async (_how, read) => {
      const { message, error } = await read([
        created(0),
        messageAdded(1),
        delta(2, "Hel"),
        delta(1_000_000_000, "lo"),
        delta(3, "!"),
        completed(4),
      ]);
      expect(error?.code).toBe("out_of_order_event");
      expect(error?.message).toMatch(/Event 3 .* arrived after event 1000000000/);
      expect(message.status).toBe("failed");
      expect(message.error?.code).toBe("out_of_order_event");
      expect(textOf(message)).toBe("Hello");
    },
  );

  it.each(reads)(
    "sequence numbers going backwards fail the message instead of completing without the deltas (%s)",
    async (_how, read) => {
      const { message, error } = await read([
        created(0),
        messageAdded(1),
        delta(2, "a"),
        delta(3, "b"),
        delta(2, "c"),
        delta(3, "d"),
        completed(4),
      ]);
      expect(error?.code).toBe("out_of_order_event");
      expect(message.status).toBe("failed");
      expect(textOf(message)).toBe("ab");
    },
  );

  it.each(reads)("a gap in the numbers is folded as is (%s)", async (_how, read) => {
    const { message, error } = await read([
      created(0),
      messageAdded(1),
      delta(2, "a"),
      delta(7, "b"),
      delta(8, "c"),
      completed(20),
    ]);
    expect(error).toBeUndefined();
    expect(message.status).toBe("complete");
    expect(textOf(message)).toBe("abc");
    expect(message.metadata.lastSequenceNumber).toBe(20);
  });

  it("a resumed stream still skips the events the continued message already held", async () => {
    const events = [created(0), messageAdded(1), delta(2, "a"), delta(3, "b")];
    const held = await readResponsesStream(textStream(sse(events.slice(0, 3))))
      .finalMessage()
      .catch((error: ColloquyError) => error.snapshot!);
    expect(held.metadata.lastSequenceNumber).toBe(2);
    // The server replays from the start; the held events are skipped, the rest folded.
    const message = await readResponsesStream(textStream(sse([...events, completed(4)])), {
      initial: held,
    }).finalMessage();
    expect(message.status).toBe("complete");
    expect(textOf(message)).toBe("ab");
  });
});
