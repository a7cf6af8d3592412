import { describe, expect, it } from "vitest";
import { ColloquyError } from "../../../src/core/errors.js";
import type { TextPart } from "../../../src/core/model/parts.js";
import { readAhead } from "../../../src/core/stream/read-ahead.js";
import { readChatStream } from "../../../src/core/stream/read-chat-stream.js";

const encoder = new TextEncoder();
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A body whose chunks all arrive at once, followed one task later by a broken connection. */
function resetAfter(chunks: readonly string[]): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      setTimeout(() => controller.error(new TypeError("network error")), 0);
    },
  });
}

function chatChunk(content: string): string {
  const chunk = {
    id: "chatcmpl-1",
    object: "chat.completion.chunk",
    created: 1,
    model: "gpt-4.1-mini",
    choices: [{ index: 0, delta: { content }, finish_reason: null }],
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

describe("readAhead", () => {
  it("keeps chunks that arrived before a failure the slow consumer had not reached", async () => {
    const reader = readAhead(resetAfter(["a", "b", "c"]).getReader());
    const first = await reader.read();
    // The consumer is busy while the connection breaks.
    await nextTask();
    await nextTask();
    const rest = [await reader.read(), await reader.read()];
    const decoder = new TextDecoder();
    expect([first, ...rest].map((r) => decoder.decode(r.value))).toEqual(["a", "b", "c"]);
    await expect(reader.read()).rejects.toThrow("network error");
  });

  it("shows why it is needed: a plain reader loses those chunks", async () => {
    const reader = resetAfter(["a", "b", "c"]).getReader();
    await reader.read();
    await nextTask();
    await nextTask();
    await expect(reader.read()).rejects.toThrow("network error");
  });

  it("ends with done, and cancel stops the stream", async () => {
    let cancelled: unknown;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(encoder.encode("x"));
      },
      cancel(reason) {
        cancelled = reason;
      },
    });
    const reader = readAhead(stream.getReader());
    expect((await reader.read()).done).toBe(false);
    await reader.cancel("enough");
    expect(cancelled).toBe("enough");

    const finite = readAhead(new Blob(["abc"]).stream().getReader());
    let text = "";
    for (;;) {
      const { done, value } = await finite.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    expect(text).toBe("abc");
  });
});

describe("a stream reader whose consumer lags behind a reset", () => {
  it("keeps every delta that arrived before the connection broke", async () => {
    const deltas = ["The ", "answer ", "so ", "far"];
    const updates = readChatStream(resetAfter(deltas.map(chatChunk)), {});
    let lastText = "";
    let failure: unknown;
    try {
      for await (const update of updates) {
        lastText = (update.snapshot.parts[0] as TextPart | undefined)?.text ?? "";
        // Rendering each update takes the consumer past the moment the connection breaks.
        await nextTask();
      }
    } catch (error) {
      failure = error;
    }
    expect(lastText).toBe(deltas.join(""));
    expect(failure).toBeInstanceOf(ColloquyError);
    expect((failure as ColloquyError).code).toBe("connection_error");
    const kept = (failure as ColloquyError).snapshot!.parts[0] as TextPart;
    expect(kept.text).toBe(deltas.join(""));
  });
});

describe("a stream reader on a long body it can read faster than it folds", () => {
  /**
   * A body of `count` one-delta chunks, served as fast as they are asked for, that records at
   * each pull how many chunks it has handed out that the reader's snapshot does not show yet.
   */
  function laggedBody(count: number, folded: () => number) {
    let pulled = 0;
    let maxLag = 0;
    const chunks = [
      ...Array.from({ length: count }, () => chatChunk("x")),
      `data: ${JSON.stringify({ id: "chatcmpl-1", object: "chat.completion.chunk", created: 1, model: "gpt-4.1-mini", choices: [{ index: 0, delta: {}, finish_reason: "stop" }] })}\n\n`,
      "data: [DONE]\n\n",
    ];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled < count) maxLag = Math.max(maxLag, pulled - folded());
        if (pulled === chunks.length) return controller.close();
        controller.enqueue(encoder.encode(chunks[pulled++]!));
      },
    });
    return { body, maxLag: () => maxLag };
  }

  const shown = (snapshot: { parts: readonly unknown[] }) =>
    ((snapshot.parts[0] as TextPart | undefined)?.text ?? "").length;

  it("finalMessage() keeps level with the read-ahead instead of leaving a backlog that grows with the body", async () => {
    const reading: { stream?: ReturnType<typeof readChatStream> } = {};
    const { body, maxLag } = laggedBody(2000, () =>
      reading.stream ? shown(reading.stream.snapshot) : 0,
    );
    reading.stream = readChatStream(body, {});
    const message = await reading.stream.finalMessage();
    expect(shown(message)).toBe(2000);
    // One chunk in hand and one being read: the held chunks are folded, not queued behind
    // (it was half the body, 1,000 chunks here, when each chunk waited for its own read).
    expect(maxLag()).toBeLessThanOrEqual(2);
  });

  it("next() keeps level with the read-ahead too, a few chunks behind however long the body", async () => {
    let text = 0;
    const { body, maxLag } = laggedBody(2000, () => text);
    for await (const update of readChatStream(body, {})) text = shown(update.snapshot);
    expect(text).toBe(2000);
    // The ticks of `for await` between two updates; it was 1,666 chunks here, and grew with
    // the body, when each chunk waited for its own read.
    expect(maxLag()).toBeLessThanOrEqual(8);
  });
});
