import { describe, expect, it } from "vitest";
import { ColloquyError } from "../../../src/core/errors.js";
import type { Message } from "../../../src/core/model/message.js";
import type { ReasoningPart, TextPart } from "../../../src/core/model/parts.js";
import type { ToolCallPart } from "../../../src/core/model/tool-call-part.js";
import { accumulateChatChunk } from "../../../src/core/stream/accumulate-chat-chunk.js";
import { accumulateResponsesEvent } from "../../../src/core/stream/accumulate-responses-event.js";
import { createAssistantMessage } from "../../../src/core/stream/create-assistant-message.js";
import { readMessageStream } from "../../../src/core/stream/read-message-stream.js";
import { textStream } from "./stream-helpers.js";

/**
 * Hostile and malformed input to the accumulators: wrong-typed fields are ignored (or kept
 * as data), never a crash, and the only thing ever thrown is a ColloquyError.
 */

type Payload = Record<string, unknown>;

const chat = (...chunks: unknown[]): Message =>
  chunks.reduce<Message>(
    (message, chunk) => accumulateChatChunk(message, chunk as Payload),
    createAssistantMessage("m"),
  );

const responses = (...events: unknown[]): Message =>
  events.reduce<Message>(
    (message, event) => accumulateResponsesEvent(message, event as Payload),
    createAssistantMessage("m"),
  );

const textChunk = (content: string) => ({ choices: [{ index: 0, delta: { content } }] });

/** The error `run` throws (fails the test when it does not throw). */
function thrownBy(run: () => unknown): ColloquyError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ColloquyError);
    return error as ColloquyError;
  }
  throw new Error("expected a ColloquyError, nothing was thrown");
}

describe("accumulateChatChunk on malformed chunks", () => {
  it("skips null and non-object choices", () => {
    const message = chat(textChunk("Hi"), { choices: [null, 5, "x", []] }, textChunk("!"));
    expect(message.parts).toEqual([{ type: "text", text: "Hi!", state: "streaming" }]);
  });

  it("reads a null or wrong-typed delta and logprobs as empty", () => {
    const before = chat(textChunk("Hi"));
    for (const delta of [null, 3, "text", [], true]) {
      const after = accumulateChatChunk(before, {
        choices: [{ index: 0, delta, logprobs: delta }],
      });
      expect(after.parts).toBe(before.parts);
    }
  });

  it("skips null tool calls and reads a wrong-typed function as empty", () => {
    const message = chat(
      { choices: [{ delta: { tool_calls: [null, { index: 0, id: "call_1", function: "x" }] } }] },
      {
        choices: [
          { delta: { tool_calls: [7, { index: 0, function: { name: "f", arguments: "{}" } }] } },
        ],
      },
      { choices: [{ delta: {}, finish_reason: "tool_calls" }] },
    );
    const call = message.parts[0] as ToolCallPart;
    expect(call).toMatchObject({ toolCallId: "call_1", toolName: "f", inputText: "{}", input: {} });
    expect(message.status).toBe("complete");
  });

  it("keeps usage, system_fingerprint and service_tier of the wrong type in extra", () => {
    const message = chat({ choices: [], usage: "lots", system_fingerprint: 5, service_tier: [] });
    expect(message.metadata.usage).toBeUndefined();
    expect(message.metadata.systemFingerprint).toBeUndefined();
    expect(message.metadata.serviceTier).toBeUndefined();
    expect(message.metadata.extra).toEqual({
      usage: "lots",
      system_fingerprint: 5,
      service_tier: [],
    });
  });

  it("ignores an error field that is null or of the wrong type", () => {
    for (const error of [null, 0, false, [], ""]) {
      const message = chat(textChunk("Hi"), { error, choices: [] });
      expect(message.status).toBe("in-progress");
    }
  });

  it("fails the message on an error given as a bare string", () => {
    const message = chat(textChunk("Hi"), { error: "overloaded" });
    expect(message.status).toBe("failed");
    expect(message.error).toEqual({ message: "overloaded" });
    expect(message.parts).toHaveLength(1);
  });

  it("drops choices whose index no choice can have, instead of merging them into choice 0", () => {
    const message = chat(
      textChunk("Hi"),
      { choices: [{ index: -1, delta: { content: "A" } }] },
      { choices: [{ index: 1e9, delta: { content: "B" } }] },
      { choices: [{ index: 1.5, delta: { content: "C" } }] },
      { choices: [{ index: 2, delta: { content: "D" } }] },
    );
    expect((message.parts[0] as TextPart).text).toBe("Hi");
    expect(message.metadata.alternatives?.map((alternative) => alternative.index)).toEqual([2]);
  });

  it("leaves out logprob entries that are null or lack a token or logprob", () => {
    const message = chat({
      choices: [
        {
          delta: { content: "Hi" },
          logprobs: {
            content: [
              null,
              { token: 5, logprob: -1 },
              {
                token: "Hi",
                logprob: -0.5,
                bytes: "no",
                top_logprobs: [null, { token: "Hi", logprob: -0.5 }],
              },
            ],
          },
        },
      ],
    });
    expect((message.parts[0] as TextPart).logprobs).toEqual([
      { token: "Hi", logprob: -0.5, topLogprobs: [{ token: "Hi", logprob: -0.5 }] },
    ]);
  });

  it("throws malformed_event for a chunk that is not an object", () => {
    for (const chunk of [null, "chunk", 3, []]) {
      const error = thrownBy(() =>
        accumulateChatChunk(createAssistantMessage("m"), chunk as never),
      );
      expect(error.code).toBe("malformed_event");
      expect(error.message).toContain("accumulateChatChunk");
    }
  });
});

describe("accumulateResponsesEvent on malformed events", () => {
  const created = {
    type: "response.created",
    sequence_number: 0,
    response: { id: "resp_1", status: "in_progress", output: [] },
  };
  const reasoningAdded = {
    type: "response.output_item.added",
    sequence_number: 1,
    item: { id: "rs_1", type: "reasoning", summary: [] },
  };
  const summaryDelta = (summaryIndex: unknown, delta: string) => ({
    type: "response.reasoning_summary_text.delta",
    item_id: "rs_1",
    summary_index: summaryIndex,
    delta,
  });

  it("ignores summary indexes that are negative, fractional or far out of range", () => {
    const message = responses(
      created,
      reasoningAdded,
      summaryDelta(0, "ok"),
      summaryDelta(-1, "x"),
      summaryDelta(0.5, "x"),
      summaryDelta(1e9, "x"),
      summaryDelta(Number.MAX_SAFE_INTEGER, "x"),
    );
    expect((message.parts[0] as ReasoningPart).summary).toEqual([
      { text: "ok", state: "streaming" },
    ]);
  });

  it("reads a wrong-typed response, item or part as empty", () => {
    const message = responses(
      { ...created, response: "resp" },
      { type: "response.output_item.added", item: null },
      { type: "response.content_part.added", item_id: "x", part: 5 },
      { type: "response.reasoning_summary_part.added", item_id: "x", part: "p" },
      { type: "response.completed", response: [] },
    );
    expect(message.status).toBe("complete");
    expect(() => JSON.stringify(message)).not.toThrow();
  });

  it("keeps an event whose type is not a string in unknownEvents", () => {
    const message = responses({ type: 5, delta: "x" });
    expect(message.metadata.unknownEvents).toEqual([{ type: 5, delta: "x" }]);
  });

  it("ignores a sequence_number that is not a finite number", () => {
    const message = responses({ ...created, sequence_number: "7" });
    expect(message.metadata.lastSequenceNumber).toBeUndefined();
  });

  it("reads a wrong-typed apply_patch operation as empty", () => {
    const message = responses(
      {
        type: "response.output_item.added",
        item: { id: "ap_1", type: "apply_patch_call", status: "in_progress", operation: "x" },
      },
      { type: "response.apply_patch_call_operation_diff.delta", item_id: "ap_1", delta: "+a" },
    );
    const part = message.parts[0] as unknown as { item: { operation: unknown } };
    expect(part.item.operation).toEqual({ diff: "+a" });
  });

  it("keeps encrypted_content only when it is a string or null", () => {
    const item = (encrypted: unknown) => ({
      type: "response.output_item.done",
      item: { id: "rs_1", type: "reasoning", summary: [], encrypted_content: encrypted },
    });
    expect((responses(item({ a: 1 })).parts[0] as ReasoningPart).encryptedContent).toBeUndefined();
    expect((responses(item(null)).parts[0] as ReasoningPart).encryptedContent).toBeNull();
  });

  it("does not read annotation fields through the prototype", () => {
    const message = responses(
      { type: "response.output_text.delta", item_id: "m", content_index: 0, delta: "Hi" },
      {
        type: "response.output_text.annotation.added",
        item_id: "m",
        content_index: 0,
        annotation: { type: "__proto__" },
      },
    );
    expect((message.parts[0] as TextPart).annotations).toEqual([
      { type: "unknown", raw: { type: "__proto__" } },
    ]);
  });

  it("throws malformed_event for an event that is not an object", () => {
    for (const event of [null, "event", 3, []]) {
      const error = thrownBy(() =>
        accumulateResponsesEvent(createAssistantMessage("m"), event as never),
      );
      expect(error.code).toBe("malformed_event");
      expect(error.message).toContain("accumulateResponsesEvent");
    }
  });

  it("turns a failure it did not foresee into malformed_event with the snapshot", () => {
    const snapshot = createAssistantMessage("m");
    const event = {
      type: "response.output_text.delta",
      get delta(): string {
        throw new TypeError("boom");
      },
    };
    const error = thrownBy(() => accumulateResponsesEvent(snapshot, event));
    expect(error.code).toBe("malformed_event");
    expect(error.message).toContain('"response.output_text.delta"');
    expect(error.snapshot).toBe(snapshot);
    expect(error.cause).toBeInstanceOf(TypeError);
  });
});

describe("readMessageStream turns every failure into a ColloquyError", () => {
  const encoder = new TextEncoder();

  it("reports a body that errors mid-stream as connection_error with the snapshot", async () => {
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new TypeError("terminated"));
        sent = true;
        controller.enqueue(encoder.encode(`data: ${JSON.stringify(textChunk("Hi"))}\n\n`));
      },
    });
    const error = await readMessageStream(body, { api: "chat", id: "m" })
      .finalMessage()
      .then(
        () => undefined,
        (failure: unknown) => failure,
      );
    expect(error).toBeInstanceOf(ColloquyError);
    const failure = error as ColloquyError;
    expect(failure.code).toBe("connection_error");
    expect(failure.message).toContain("terminated");
    expect(failure.snapshot?.status).toBe("failed");
    expect((failure.snapshot?.parts[0] as TextPart).text).toBe("Hi");
    expect(failure.cause).toBeInstanceOf(TypeError);

    // The failed snapshot can be continued once the connection is back.
    const resumed = await readMessageStream(
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(
            encoder.encode(
              `data: ${JSON.stringify({ choices: [{ delta: { content: "!" }, finish_reason: "stop" }] })}\n\n`,
            ),
          );
          controller.close();
        },
      }),
      { api: "chat", initial: failure.snapshot },
    ).finalMessage();
    expect(resumed.status).toBe("complete");
    expect(resumed.error).toBeUndefined();
    expect((resumed.parts[0] as TextPart).text).toBe("Hi!");
  });

  it("reads hostile chunks through to the end without failing", async () => {
    const events = [
      textChunk("Hi"),
      { choices: [null], usage: 5 },
      { choices: [{ delta: null, finish_reason: "stop" }] },
    ];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const event of events)
          controller.enqueue(encoder.encode(`data: ${JSON.stringify(event)}\n\n`));
        controller.close();
      },
    });
    const message = await readMessageStream(body, { api: "chat", id: "m" }).finalMessage();
    expect(message.status).toBe("complete");
    expect(message.parts).toEqual([{ type: "text", text: "Hi" }]);
  });

  it("parses a stream the same when a chunk holds only whitespace", async () => {
    // A line starting with a space names an unknown field, so this stream has no events.
    const text = ` data: ${JSON.stringify(textChunk("x"))}\n\ndata: [DONE]\n\n`;
    const outcome = (cuts: number[]) =>
      readMessageStream(textStream(text, cuts), { api: "chat", id: "m" })
        .finalMessage()
        .then(
          (message) => ({ message }),
          (error: ColloquyError) => ({ code: error.code, snapshot: error.snapshot }),
        );
    const whole = await outcome([]);
    expect(await outcome([1])).toEqual(whole);
    expect(await outcome([1, 2, 3])).toEqual(whole);
  });
});
