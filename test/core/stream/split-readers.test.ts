import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Message } from "../../../src/core/model/message.js";
import type { TextPart } from "../../../src/core/model/parts.js";
import { readChatStream } from "../../../src/core/stream/read-chat-stream.js";
import { readMessageStream } from "../../../src/core/stream/read-message-stream.js";
import { readResponsesStream } from "../../../src/core/stream/read-responses-stream.js";
import type { MessageStream, StreamUpdate } from "../../../src/core/stream/types.js";
import { capturesAvailable, type CaptureApi } from "../../support/captures.js";
import { streamedCalls, textStream } from "./stream-helpers.js";

/**
 * The per-API readers: the same updates as `readMessageStream`, each entry reaching only its
 * own accumulator, snapshots that stay immutable, and the iteration contract (one update per
 * event, overlapping calls served in order, early exits that stop the body).
 */

const available = capturesAvailable();
const STREAM_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../../src/core/stream");

const READERS: Record<CaptureApi, typeof readResponsesStream> = {
  responses: readResponsesStream,
  chat: readChatStream,
};

async function updatesOf(stream: MessageStream): Promise<StreamUpdate[]> {
  const updates: StreamUpdate[] = [];
  for await (const update of stream) updates.push(update);
  return updates;
}

/** Freezes `value` and everything it reaches, so any later write to it throws. */
function deepFreeze(value: unknown): void {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
}

/** Every source file a module reaches through relative imports, itself included. */
function moduleGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, "utf8");
  for (const match of source.matchAll(/\bfrom\s+"(\.{1,2}\/[^"]+)"/g)) {
    // `import type` vanishes from the bundle; only runtime imports count.
    if (/import\s+type\s[^;]*$/.test(source.slice(0, match.index + match[0].length))) continue;
    moduleGraph(resolve(dirname(file), match[1]!.replace(/\.js$/, ".ts")), seen);
  }
  return seen;
}

function fileNames(files: Set<string>): string[] {
  return [...files].map((file) => file.slice(file.lastIndexOf("/") + 1));
}

const sse = (payload: unknown) => `data: ${JSON.stringify(payload)}\n\n`;
const chunk = (content: string, finish: string | null = null) =>
  sse({
    id: "chatcmpl-1",
    object: "chat.completion.chunk",
    created: 1,
    model: "m",
    choices: [{ index: 0, delta: { content }, finish_reason: finish }],
  });
const CHAT_TEXT = `${chunk("Hel")}${chunk("lo")}${chunk(", ")}${chunk("world", "stop")}data: [DONE]\n\n`;

describe("readResponsesStream and readChatStream", () => {
  it("each entry reaches only its own accumulator", () => {
    const responses = fileNames(moduleGraph(resolve(STREAM_DIR, "read-responses-stream.ts")));
    const chat = fileNames(moduleGraph(resolve(STREAM_DIR, "read-chat-stream.ts")));
    expect(responses).toContain("accumulate-responses-event.ts");
    expect(responses).not.toContain("accumulate-chat-chunk.ts");
    expect(responses).not.toContain("chat-choice.ts");
    expect(chat).toContain("accumulate-chat-chunk.ts");
    expect(chat).not.toContain("accumulate-responses-event.ts");
    expect(chat.filter((name) => name.startsWith("responses-"))).toEqual([]);
  });

  describe.skipIf(!available)("on every recorded stream", () => {
    for (const api of ["responses", "chat"] as const) {
      it(`${api}: the same updates as readMessageStream, every snapshot left unchanged`, async () => {
        for (const call of streamedCalls(api)) {
          const expected = readMessageStream(textStream(call.sse!), { api, now: () => 0 });
          const actual = READERS[api](textStream(call.sse!), { now: () => 0 });
          const expectedUpdates = expected[Symbol.asyncIterator]();
          const actualUpdates = actual[Symbol.asyncIterator]();
          // Read both in lockstep, so memory stays flat on long recordings.
          let index = 0;
          for (;;) {
            const [want, got] = await Promise.all([
              expectedUpdates.next().catch((error: unknown) => error),
              actualUpdates.next().catch((error: unknown) => error),
            ]);
            if (want instanceof Error || got instanceof Error) {
              // Some recordings end in an error on purpose; both readers must agree on it.
              expect(got, call.label).toMatchObject({ code: (want as { code: string }).code });
              break;
            }
            const wanted = want as IteratorResult<StreamUpdate>;
            const received = got as IteratorResult<StreamUpdate>;
            expect(received.done, call.label).toBe(wanted.done);
            if (received.done || wanted.done) break;
            // Every early update, then a sample: comparing each snapshot of a long
            // logprobs recording whole would be quadratic.
            if (index < 200 || index % 50 === 0) {
              expect(received.value.snapshot, call.label).toEqual(wanted.value.snapshot);
            }
            index += 1;
            // A later event writing to an earlier snapshot would now throw.
            deepFreeze(received.value.snapshot);
          }
          expect(actual.snapshot, call.label).toEqual(expected.snapshot);
        }
      }, 120_000);
    }
  });

  it("changes only the part a delta touches", async () => {
    const first = sse({
      id: "chatcmpl-1",
      choices: [
        {
          index: 0,
          delta: { tool_calls: [{ index: 0, id: "c", function: { name: "f", arguments: "" } }] },
        },
      ],
    });
    const updates = await updatesOf(readChatStream(textStream(first + CHAT_TEXT)));
    const [withTool, afterHel, afterLo] = updates.map((update) => update.snapshot);
    expect(afterHel!.parts[0]).toBe(withTool!.parts[0]);
    expect(afterLo!.parts[0]).toBe(afterHel!.parts[0]);
    expect(afterLo!.parts[1]).not.toBe(afterHel!.parts[1]);
    expect((afterHel!.parts[1] as TextPart).text).toBe("Hel");
    expect((afterLo!.parts[1] as TextPart).text).toBe("Hello");
  });

  it("keeps fields of the starting message and its parts that the model does not list", async () => {
    const initial = {
      id: "m1",
      role: "assistant",
      parts: [{ type: "text", text: "A", state: "streaming", note: "kept" }],
      metadata: { traceId: "t1" },
      status: "in-progress",
      savedAt: 5,
    } as unknown as Message;
    const message = await readChatStream(textStream(CHAT_TEXT), { initial }).finalMessage();
    expect(message).toMatchObject({ id: "m1", savedAt: 5, metadata: { traceId: "t1" } });
    expect(message.parts[0]).toMatchObject({ text: "AHello, world", note: "kept" });
  });

  it("serves overlapping next() calls one event each, in order", async () => {
    const iterator = readChatStream(textStream(CHAT_TEXT, [5, 60, 200]))[Symbol.asyncIterator]();
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map(() => iterator.next()));
    const texts = results.map((result) =>
      result.done ? "done" : (result.value.snapshot.parts[0] as TextPart | undefined)?.text,
    );
    expect(texts).toEqual(["Hel", "Hello", "Hello, ", "Hello, world", "done", "done"]);
  });

  it("stops the body when the consumer stops iterating", async () => {
    let cancelled = false;
    const bytes = new TextEncoder().encode(CHAT_TEXT);
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      // One event, then a body that stays open: only a cancel ends it.
      pull(controller) {
        if (!sent) controller.enqueue(bytes.slice(0, CHAT_TEXT.indexOf("\n\n") + 2));
        sent = true;
        return new Promise<void>(() => undefined);
      },
      cancel() {
        cancelled = true;
      },
    });
    const stream = readChatStream(body);
    for await (const _update of stream) break;
    expect(cancelled).toBe(true);
  });

  it("reads the rest in finalMessage() after a partial iteration", async () => {
    const stream = readChatStream(textStream(CHAT_TEXT, [30, 90]));
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    const message = await stream.finalMessage();
    expect((message.parts[0] as TextPart).text).toBe("Hello, world");
    expect(message.status).toBe("complete");
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it("takes the Responses event name when a payload has no type", async () => {
    const body =
      `event: response.created\ndata: ${JSON.stringify({ response: { id: "r", status: "in_progress", output: [] } })}\n\n` +
      `event: response.completed\ndata: ${JSON.stringify({ response: { id: "r", status: "completed", output: [] } })}\n\n`;
    const message = await readResponsesStream(textStream(body)).finalMessage();
    expect(message).toMatchObject({ id: "r", status: "complete" });
  });
});
