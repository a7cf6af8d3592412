import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ColloquyError,
  accumulateChatChunk,
  accumulateResponsesEvent,
  createAssistantMessage,
  readMessageStream,
  type Message,
} from "../../src/core/index.js";
import { recordedStreams } from "./support/recorded-events.js";

/**
 * Fuzzing the streaming path: the SSE reader under random byte splits of the recordings and
 * of random event sequences, and both accumulators under random events. The contract: any
 * split gives the same result, and the only thing ever thrown is a ColloquyError.
 */

type Api = "responses" | "chat";
const encoder = new TextEncoder();

/** A stream delivering `bytes` in pieces ending at the given offsets. */
function splitStream(bytes: Uint8Array, cuts: readonly number[]): ReadableStream<Uint8Array> {
  const ends = [...new Set(cuts.filter((cut) => cut > 0 && cut < bytes.length))].sort(
    (a, b) => a - b,
  );
  ends.push(bytes.length);
  let start = 0;
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next >= ends.length) return controller.close();
      const end = ends[next++]!;
      controller.enqueue(bytes.slice(start, end));
      start = end;
    },
  });
}

type Outcome = { message: Message } | { code: string; snapshot: Message | undefined };

async function read(api: Api, bytes: Uint8Array, cuts: readonly number[]): Promise<Outcome> {
  try {
    const message = await readMessageStream(splitStream(bytes, cuts), {
      api,
      id: "fuzz",
      now: () => 0,
    }).finalMessage();
    return { message };
  } catch (error) {
    // The one allowed kind of failure.
    expect(error).toBeInstanceOf(ColloquyError);
    const failure = error as ColloquyError;
    return { code: failure.code, snapshot: failure.snapshot };
  }
}

/** Offsets into a buffer of `length` bytes, at most `max` of them. */
const cutsOf = (length: number, max = 40) =>
  fc.array(fc.integer({ min: 1, max: Math.max(1, length - 1) }), { maxLength: max });

describe.each<Api>(["responses", "chat"])("the SSE reader (%s)", (api) => {
  const streams = recordedStreams(api);

  it.skipIf(streams.length === 0)(
    "gives the same message for any byte split of the recordings",
    async () => {
      const wholes = new Map<string, Outcome>();
      const wholeOf = async (stream: (typeof streams)[number], bytes: Uint8Array) => {
        if (!wholes.has(stream.label)) wholes.set(stream.label, await read(api, bytes, []));
        return wholes.get(stream.label)!;
      };
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...streams).chain((stream) => {
            const bytes = encoder.encode(stream.sse);
            return fc.tuple(fc.constant(stream), fc.constant(bytes), cutsOf(bytes.length));
          }),
          async ([stream, bytes, cuts]) => {
            expect(await read(api, bytes, cuts), stream.label).toEqual(
              await wholeOf(stream, bytes),
            );
          },
        ),
        { numRuns: 40 },
      );
      // One byte at a time, the harshest split, for the small recordings.
      for (const stream of streams.filter((s) => s.sse.length < 6_000).slice(0, 4)) {
        const bytes = encoder.encode(stream.sse);
        const everyByte = Array.from({ length: bytes.length }, (_, i) => i);
        expect(await read(api, bytes, everyByte), stream.label).toEqual(
          await wholeOf(stream, bytes),
        );
      }
    },
  );

  /** One SSE event: a recorded payload, a mangled one, or noise. */
  const pool = streams.flatMap((stream) => stream.payloads);
  const eventText = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...(pool.length ? pool : [{}])).map(asEvent) },
    { weight: 1, arbitrary: fc.string().map((data) => `data: ${data}\n\n`) },
    { weight: 1, arbitrary: fc.json().map((data) => `data: ${data}\n\n`) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...(pool.length ? pool : [{}])), fc.string(), fc.jsonValue())
        .map(([payload, key, value]) => asEvent({ ...payload, [key]: value })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(": keep-alive\n\n", "\n", "data: [DONE]\n\n", "retry: 5\n"),
    },
    {
      weight: 1,
      arbitrary: fc.uint8Array({ maxLength: 20 }).map((b) => new TextDecoder().decode(b)),
    },
  );

  function asEvent(payload: Record<string, unknown>): string {
    const name =
      api === "responses" && typeof payload.type === "string" ? `event: ${payload.type}\n` : "";
    return `${name}data: ${JSON.stringify(payload)}\n\n`;
  }

  it("reads random event sequences, valid or not, the same however split", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventText, { maxLength: 30 }).chain((events) => {
          const bytes = encoder.encode(events.join(""));
          return fc.tuple(fc.constant(bytes), cutsOf(bytes.length, 20));
        }),
        async ([bytes, cuts]) => {
          expect(await read(api, bytes, cuts)).toEqual(await read(api, bytes, []));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("the accumulators", () => {
  const responsesPool = recordedStreams("responses").flatMap((stream) => stream.payloads);
  const chatPool = recordedStreams("chat").flatMap((stream) => stream.payloads);

  const RESPONSES_TYPES = [
    ...new Set([
      ...responsesPool.map((p) => String(p.type)),
      "response.created",
      "response.output_item.added",
      "response.output_item.done",
      "response.content_part.added",
      "response.output_text.delta",
      "response.output_text.done",
      "response.output_text.annotation.added",
      "response.function_call_arguments.delta",
      "response.reasoning_summary_text.delta",
      "response.completed",
      "response.failed",
      "error",
    ]),
  ];

  /** Values that break naive code: wrong types, huge indexes, prototype keys. */
  // Large numbers included: an index from the network must never size an allocation.
  const hostile = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.boolean(),
    fc.integer({ min: -3, max: 10_000 }),
    fc.double(),
    fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
    fc.constantFrom(-1, NaN, 1e9, Number.MAX_SAFE_INTEGER, "", "__proto__", null, [], {}),
  );
  const fieldName = fc.oneof(
    fc.constantFrom(
      "output_index",
      "content_index",
      "summary_index",
      "item_id",
      "item",
      "part",
      "delta",
      "text",
      "annotation",
      "annotation_index",
      "response",
      "sequence_number",
      "choices",
      "usage",
      "index",
      "tool_calls",
      "__proto__",
      "constructor",
    ),
    fc.string({ maxLength: 8 }),
  );

  /** A recorded payload with some fields replaced by hostile values. */
  function mangled(pool: Record<string, unknown>[]) {
    return fc
      .tuple(
        fc.constantFrom(...(pool.length ? pool : [{}])),
        fc.array(fc.tuple(fieldName, hostile), { maxLength: 3 }),
      )
      .map(([payload, edits]) => {
        const copy: Record<string, unknown> = structuredClone(payload);
        for (const [key, value] of edits)
          Object.defineProperty(copy, key, {
            value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        return copy;
      });
  }

  function fold(
    accumulate: (message: Message, event: Record<string, unknown>) => Message,
    events: Record<string, unknown>[],
  ): void {
    let message = createAssistantMessage("fuzz");
    for (const event of events) {
      try {
        message = accumulate(message, event);
      } catch (error) {
        expect(error).toBeInstanceOf(ColloquyError);
      }
    }
    // The snapshot stays serialisable: persistence and React both rely on it.
    expect(() => JSON.stringify(message)).not.toThrow();
  }

  it("Responses: random and mangled events never throw anything but a ColloquyError", () => {
    const randomEvent = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...(responsesPool.length ? responsesPool : [{}])) },
      { weight: 3, arbitrary: mangled(responsesPool) },
      {
        weight: 2,
        arbitrary: fc
          .tuple(
            fc.constantFrom(...RESPONSES_TYPES),
            fc.dictionary(fieldName, hostile, { maxKeys: 5 }),
          )
          .map(([type, rest]) => ({ ...rest, type })),
      },
      { weight: 1, arbitrary: fc.object() },
    );
    fc.assert(
      fc.property(fc.array(randomEvent, { maxLength: 40 }), (events) =>
        fold((message, event) => accumulateResponsesEvent(message, event as never), events),
      ),
      { numRuns: 400 },
    );
  });

  it("Chat: random and mangled chunks never throw anything but a ColloquyError", () => {
    const choice = fc.record(
      {
        index: fc.oneof(fc.nat(3), hostile),
        delta: fc.oneof(
          fc.record(
            {
              role: fc.constantFrom("assistant", "tool", "x"),
              content: fc.oneof(fc.string(), fc.constant(null), hostile),
              refusal: fc.oneof(fc.string(), fc.constant(null)),
              tool_calls: fc.array(
                fc.record(
                  {
                    index: fc.oneof(fc.nat(3), hostile),
                    id: fc.string(),
                    type: fc.constant("function"),
                    function: fc.record(
                      { name: fc.string(), arguments: fc.oneof(fc.string(), hostile) },
                      { requiredKeys: [] },
                    ),
                  },
                  { requiredKeys: [] },
                ),
                { maxLength: 3 },
              ),
            },
            { requiredKeys: [] },
          ),
          hostile,
        ),
        finish_reason: fc.oneof(
          fc.constantFrom("stop", "length", "tool_calls", "content_filter", null),
          hostile,
        ),
        logprobs: fc.oneof(fc.constant(null), hostile),
      },
      { requiredKeys: [] },
    );
    const randomChunk = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...(chatPool.length ? chatPool : [{}])) },
      { weight: 3, arbitrary: mangled(chatPool) },
      {
        weight: 3,
        arbitrary: fc.record(
          {
            id: fc.string(),
            object: fc.constant("chat.completion.chunk"),
            model: fc.string(),
            choices: fc.oneof(fc.array(choice, { maxLength: 3 }), hostile),
            usage: fc.oneof(fc.constant(null), hostile),
            error: fc.oneof(fc.record({ message: fc.string() }), hostile),
          },
          { requiredKeys: ["choices"] },
        ),
      },
      { weight: 1, arbitrary: fc.object() },
    );
    fc.assert(
      fc.property(fc.array(randomChunk, { maxLength: 40 }), (chunks) =>
        fold((message, chunk) => accumulateChatChunk(message, chunk as never), chunks),
      ),
      { numRuns: 400 },
    );
  });
});
