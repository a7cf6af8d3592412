import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ColloquyError,
  createAssistantMessage,
  readMessageStream,
  type Message,
} from "../../../src/core/index.js";
import { recordedStreams } from "../../reliability/support/recorded-events.js";
import { textStream } from "./stream-helpers.js";

/**
 * `finalMessage()` joins runs of text deltas before folding them, since nobody sees the
 * updates in between. Whatever the stream holds, it must end where folding every event one by
 * one (iterating the stream) ends: the same message, or the same error with the same snapshot.
 */

type Api = "responses" | "chat";
type Outcome = { message: Message } | { code: string; snapshot: Message | undefined };
type Loose = Record<string, unknown>;

interface ReadSetup {
  api: Api;
  sse: string;
  cuts?: readonly number[];
  initial?: Message;
}

function options({ api, initial }: ReadSetup) {
  return { api, id: "joined", now: () => 0, ...(initial ? { initial } : {}) };
}

function failureOf(error: unknown): Outcome {
  expect(error).toBeInstanceOf(ColloquyError);
  const failure = error as ColloquyError;
  return { code: failure.code, snapshot: failure.snapshot };
}

/** The outcome of folding every event in turn. */
async function oneByOne(setup: ReadSetup): Promise<Outcome> {
  const stream = readMessageStream(textStream(setup.sse, setup.cuts), options(setup));
  try {
    for await (const update of stream) void update;
    return { message: stream.snapshot };
  } catch (error) {
    return failureOf(error);
  }
}

/** The outcome of `finalMessage()`. */
async function joined(setup: ReadSetup): Promise<Outcome> {
  try {
    const stream = readMessageStream(textStream(setup.sse, setup.cuts), options(setup));
    return { message: await stream.finalMessage() };
  } catch (error) {
    return failureOf(error);
  }
}

function responsesSse(events: Loose[]): string {
  return events
    .map((event) => `event: ${String(event.type)}\ndata: ${JSON.stringify(event)}\n\n`)
    .join("");
}

function chatSse(chunks: Loose[], done = true): string {
  const body = chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join("");
  return done ? `${body}data: [DONE]\n\n` : body;
}

const RESPONSE = { id: "resp_1", object: "response", status: "in_progress", output: [] };

/** A Responses stream around the given middle events, numbered from 0 unless they say. */
function responsesAround(middle: Loose[], complete = true): Loose[] {
  const events: Loose[] = [
    { type: "response.created", response: RESPONSE },
    {
      type: "response.output_item.added",
      output_index: 0,
      item: { id: "msg_1", type: "message", role: "assistant", status: "in_progress", content: [] },
    },
    {
      type: "response.content_part.added",
      item_id: "msg_1",
      output_index: 0,
      content_index: 0,
      part: { type: "output_text", text: "", annotations: [] },
    },
    ...middle,
  ];
  if (complete) {
    events.push({ type: "response.completed", response: { ...RESPONSE, status: "completed" } });
  }
  return events.map((event, index) => ({ sequence_number: index, ...event }));
}

/** A text delta; `delta` may be of the wrong type, as a hostile server could send. */
function textDelta(delta: unknown, extra: Loose = {}): Loose {
  return {
    type: "response.output_text.delta",
    item_id: "msg_1",
    output_index: 0,
    content_index: 0,
    delta,
    logprobs: [],
    ...extra,
  };
}

describe.each<Api>(["responses", "chat"])("finalMessage() and one-by-one agree (%s)", (api) => {
  const streams = recordedStreams(api);

  it.skipIf(streams.length === 0)("on every recorded stream", async () => {
    for (const stream of streams) {
      const setup = { api, sse: stream.sse };
      expect(await joined(setup), stream.label).toEqual(await oneByOne(setup));
    }
  });

  it.skipIf(streams.length === 0)("on every recorded stream cut short", async () => {
    for (const stream of streams) {
      const setup = { api, sse: stream.sse.slice(0, Math.floor(stream.sse.length * 0.6)) };
      expect(await joined(setup), stream.label).toEqual(await oneByOne(setup));
    }
  });
});

describe("joined Responses text deltas", () => {
  const piece = fc.string({ minLength: 0, maxLength: 6 });
  /** A text delta that may repeat or skip sequence numbers, change part or carry logprobs. */
  const delta = fc.record({
    text: piece,
    sequence: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    itemId: fc.constantFrom("msg_1", "msg_1", "msg_1", "msg_2"),
    contentIndex: fc.constantFrom(0, 0, 0, 1),
    logprobs: fc.constantFrom<unknown>([], [], undefined, [{ token: "x", logprob: -1, bytes: [] }]),
    deltaType: fc.constantFrom<unknown>("string", "string", "string", 7),
  });

  it("fold like one-by-one for any run of deltas, split anywhere, fresh or continued", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(delta, { maxLength: 25 }),
        fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
        fc.array(fc.integer({ min: 1, max: 4000 }), { maxLength: 12 }),
        fc.boolean(),
        async (deltas, continueAfter, cuts, complete) => {
          const middle = deltas.map((d, index) => {
            const event = textDelta(d.deltaType === "string" ? d.text : d.deltaType, {
              item_id: d.itemId,
              content_index: d.contentIndex,
              logprobs: d.logprobs,
            });
            // Unnumbered events, and numbers that repeat, go back or jump.
            return d.sequence === undefined
              ? { ...event, sequence_number: undefined }
              : { ...event, sequence_number: 3 + d.sequence + (index % 3) };
          });
          const events = responsesAround(middle, complete).map((event) =>
            event.sequence_number === undefined ? stripSequence(event) : event,
          );
          const sse = responsesSse(events);
          const initial =
            continueAfter === undefined
              ? undefined
              : {
                  ...createAssistantMessage("joined"),
                  metadata: { responseId: "resp_1", lastSequenceNumber: continueAfter },
                };
          const setup = {
            api: "responses" as const,
            sse,
            cuts: [...cuts].sort((a, b) => a - b),
            initial,
          };
          expect(await joined(setup)).toEqual(await oneByOne(setup));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keep every joined delta when the connection drops mid-run", async () => {
    const events = responsesAround(
      [textDelta("Hel"), textDelta("lo, "), textDelta("world")],
      false,
    );
    const bytes = new TextEncoder().encode(responsesSse(events));
    // The bytes arrive, then the socket fails on the next read.
    const failing = () => {
      let reads = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (reads++ === 0) controller.enqueue(bytes);
          else controller.error(new Error("socket hang up"));
        },
      });
    };
    const viaFinal = await readMessageStream(failing(), { api: "responses" })
      .finalMessage()
      .then(
        () => undefined,
        (error: unknown) => error as ColloquyError,
      );
    expect(viaFinal?.code).toBe("connection_error");
    const text = viaFinal?.snapshot?.parts.find((part) => part.type === "text");
    expect(text).toMatchObject({ type: "text", text: "Hello, world" });
    expect(viaFinal?.snapshot?.metadata.lastSequenceNumber).toBe(5);
  });

  it("show in the snapshot read between two chunks of finalMessage()", async () => {
    const events = responsesAround([textDelta("Hel"), textDelta("lo")], false);
    const first = new TextEncoder().encode(responsesSse(events));
    const rest = new TextEncoder().encode(
      responsesSse([
        { ...textDelta("!"), sequence_number: 5 },
        {
          type: "response.completed",
          sequence_number: 6,
          response: { ...RESPONSE, status: "completed" },
        },
      ]),
    );
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(first);
      },
      async pull(controller) {
        await gate;
        controller.enqueue(rest);
        controller.close();
      },
    });
    const stream = readMessageStream(body, { api: "responses" });
    const final = stream.finalMessage();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const between = stream.snapshot.parts.find((part) => part.type === "text");
    expect(between).toMatchObject({ text: "Hello" });
    release();
    const message = await final;
    expect(message.parts.find((part) => part.type === "text")).toMatchObject({ text: "Hello!" });
    expect(message.metadata.lastSequenceNumber).toBe(6);
  });
});

function stripSequence(event: Loose): Loose {
  const { sequence_number: _sequence, ...rest } = event;
  return rest;
}

describe("joined Chat text chunks", () => {
  const base = {
    id: "chatcmpl-1",
    object: "chat.completion.chunk",
    created: 1,
    model: "gpt-4o-mini",
    system_fingerprint: "fp_1",
  };
  /** A chunk that usually only adds text, and sometimes carries anything else. */
  const chunk = fc.record({
    content: fc.string({ maxLength: 5 }),
    id: fc.constantFrom("chatcmpl-1", "chatcmpl-1", "chatcmpl-1", "chatcmpl-2", ""),
    model: fc.constantFrom("gpt-4o-mini", "gpt-4o-mini", "gpt-4o-mini", "gpt-4o"),
    fingerprint: fc.constantFrom<unknown>("fp_1", "fp_1", "fp_1", null, undefined),
    extra: fc.constantFrom<Loose>(
      {},
      {},
      {},
      {},
      { usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } },
      { service_tier: "default" },
      { custom_field: 1 },
      { obfuscation: "abc" },
    ),
    choice: fc.constantFrom<Loose>(
      {},
      {},
      {},
      {},
      { finish_reason: "stop" },
      { index: 1 },
      { logprobs: { content: [{ token: "x", logprob: -1, bytes: [], top_logprobs: [] }] } },
    ),
    delta: fc.constantFrom<Loose>(
      {},
      {},
      {},
      { role: "assistant" },
      { refusal: null },
      { refusal: "no" },
      { tool_calls: [{ index: 0, id: "call_1", function: { name: "f", arguments: "{" } }] },
    ),
  });

  it("fold like one-by-one for any chunks, split anywhere, with or without [DONE]", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(chunk, { maxLength: 25 }),
        fc.array(fc.integer({ min: 1, max: 4000 }), { maxLength: 12 }),
        fc.boolean(),
        async (chunks, cuts, done) => {
          const wire = chunks.map((c) => ({
            ...base,
            id: c.id,
            model: c.model,
            system_fingerprint: c.fingerprint,
            ...c.extra,
            choices: [
              {
                index: 0,
                delta: { content: c.content, ...c.delta },
                logprobs: null,
                finish_reason: null,
                ...c.choice,
              },
            ],
          }));
          const setup = {
            api: "chat" as const,
            sse: chatSse(wire, done),
            cuts: [...cuts].sort((a, b) => a - b),
          };
          expect(await joined(setup)).toEqual(await oneByOne(setup));
        },
      ),
      { numRuns: 300 },
    );
  });
});
