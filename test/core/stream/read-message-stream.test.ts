import { describe, expect, it } from "vitest";
import { APIError, ColloquyError } from "../../../src/core/errors.js";
import type { Message } from "../../../src/core/model/message.js";
import type { TextPart } from "../../../src/core/model/parts.js";
import { readMessageStream } from "../../../src/core/stream/read-message-stream.js";
import { byteStream, textStream } from "./stream-helpers.js";

/** Reading event streams: framing, endings, continuation, and every kind of bad input. */

const sse = (payload: unknown, event?: string) =>
  `${event ? `event: ${event}\n` : ""}data: ${typeof payload === "string" ? payload : JSON.stringify(payload)}\n\n`;

let seq = 0;
const ev = (type: string, fields: Record<string, unknown> = {}) =>
  sse({ type, sequence_number: seq++, ...fields }, type);

const response = (status = "in_progress", extra: Record<string, unknown> = {}) => ({
  id: "resp_1",
  object: "response",
  created_at: 1,
  model: "m",
  status,
  output: [],
  ...extra,
});

function responsesStart(): string {
  return (
    ev("response.created", { response: response() }) +
    ev("response.output_item.added", {
      item: { id: "msg_1", type: "message", role: "assistant", status: "in_progress", content: [] },
    }) +
    ev("response.content_part.added", {
      item_id: "msg_1",
      content_index: 0,
      part: { type: "output_text", text: "", annotations: [] },
    })
  );
}

const textDelta = (delta: string) =>
  ev("response.output_text.delta", { item_id: "msg_1", content_index: 0, delta, logprobs: [] });

const completed = () => ev("response.completed", { response: response("completed") });

const chatChunk = (delta: Record<string, unknown>, finish: string | null = null) =>
  sse({
    id: "chatcmpl-1",
    object: "chat.completion.chunk",
    created: 1,
    model: "m",
    choices: [{ index: 0, delta, finish_reason: finish }],
  });

function eventStreamResponse(body: string | ReadableStream<Uint8Array>, init: ResponseInit = {}) {
  return new Response(body, {
    status: 200,
    headers: { "content-type": "text/event-stream; charset=utf-8" },
    ...init,
  });
}

/** Rejects with the error `promise` rejects with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<ColloquyError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ColloquyError);
    return error as ColloquyError;
  }
  throw new Error("expected the stream to fail");
}

/** A stream that delivers `text` and then stays open until cancelled. */
function hangingStream(text: string): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) return new Promise<void>(() => undefined);
      sent = true;
      controller.enqueue(new TextEncoder().encode(text));
    },
  });
}

describe("readMessageStream", () => {
  it("reads a Responses stream from a Response, one update per event", async () => {
    const stream = readMessageStream(
      eventStreamResponse(responsesStart() + textDelta("Hello") + textDelta(" you") + completed()),
      { api: "responses" },
    );
    const updates = [];
    for await (const update of stream) updates.push(update);
    expect(updates.map((u) => (u.event as { type: string }).type)).toEqual([
      "response.created",
      "response.output_item.added",
      "response.content_part.added",
      "response.output_text.delta",
      "response.output_text.delta",
      "response.completed",
    ]);
    expect((updates[3]!.snapshot.parts[0] as TextPart).text).toBe("Hello");
    const final = await stream.finalMessage();
    expect(final).toBe(updates.at(-1)!.snapshot);
    expect(final).toMatchObject({ id: "resp_1", status: "complete" });
    expect(stream.snapshot).toBe(final);
  });

  it("ends a Chat stream at data: [DONE], ignoring anything after it", async () => {
    const body =
      chatChunk({ content: "Hi" }) +
      chatChunk({}, "stop") +
      "data: [DONE]\n\n" +
      "data: {not json\n\n";
    const message = await readMessageStream(textStream(body), { api: "chat" }).finalMessage();
    expect(message).toMatchObject({
      id: "chatcmpl-1",
      status: "complete",
      parts: [{ type: "text", text: "Hi" }],
    });
  });

  it("completes a Chat stream that sends [DONE] without a finish_reason", async () => {
    const message = await readMessageStream(
      textStream(chatChunk({ content: "Hi" }) + "data: [DONE]\n\n"),
      { api: "chat" },
    ).finalMessage();
    expect(message.status).toBe("complete");
    expect(message.parts).toEqual([{ type: "text", text: "Hi" }]);
  });

  it("tolerates malformed SSE lines, comments and retry fields", async () => {
    const body =
      ": keep-alive comment\n\n" +
      "retry: 1000\n" +
      "this line is not a field\n" +
      "unknown-field: value\n\n" +
      chatChunk({ content: "ok" }) +
      "data:\n\n" +
      chatChunk({}, "stop");
    const message = await readMessageStream(textStream(body), { api: "chat" }).finalMessage();
    expect(message).toMatchObject({ status: "complete", parts: [{ type: "text", text: "ok" }] });
  });

  it("keeps multi-byte characters split across chunks", async () => {
    const body = chatChunk({ content: "Grüße 👋🏽" }) + chatChunk({}, "stop");
    const bytes = new TextEncoder().encode(body);
    const emoji = bytes.indexOf(0xf0);
    const message = await readMessageStream(byteStream(bytes, [emoji + 1, emoji + 2, emoji + 3]), {
      api: "chat",
    }).finalMessage();
    expect((message.parts[0] as TextPart).text).toBe("Grüße 👋🏽");
  });

  it("rejects an event with invalid JSON, naming it and showing its start", async () => {
    const bad = `{"type":"response.output_text.delta","delta":"x" ${"y".repeat(200)}`;
    const error = await rejection(
      readMessageStream(
        textStream(
          responsesStart() +
            textDelta("so far") +
            sse(bad, "response.output_text.delta") +
            completed(),
        ),
        {
          api: "responses",
        },
      ).finalMessage(),
    );
    expect(error.code).toBe("invalid_json");
    expect(error.message).toContain('event "response.output_text.delta"');
    expect(error.message).toContain('{"type":"response.output_text.delta","delta":"x"');
    expect(error.message).not.toContain("y".repeat(150));
    expect((error.snapshot?.parts[0] as TextPart).text).toBe("so far");
  });

  it("rejects a Responses stream that ends before its terminal event", async () => {
    const error = await rejection(
      readMessageStream(textStream(responsesStart() + textDelta("Half")), {
        api: "responses",
      }).finalMessage(),
    );
    expect(error.code).toBe("stream_cut");
    expect(error.message).toMatch(/ended before response\.completed/);
    expect(error.message).toMatch(/starting_after=\d+/);
    expect(error.snapshot).toMatchObject({ status: "failed", error: { code: "stream_cut" } });
    expect((error.snapshot!.parts[0] as TextPart).text).toBe("Half");
  });

  it("treats a last event cut mid-line as a cut stream", async () => {
    const body = responsesStart() + textDelta("Half") + 'data: {"type":"response.output_text.del';
    const error = await rejection(
      readMessageStream(textStream(body), { api: "responses" }).finalMessage(),
    );
    expect(error.code).toBe("stream_cut");
  });

  it("reports the same error to every later finalMessage() call", async () => {
    const stream = readMessageStream(textStream(chatChunk({ content: "Half" })), { api: "chat" });
    const first = await rejection(stream.finalMessage());
    const again = await rejection(stream.finalMessage());
    expect(again).toBe(first);
    expect(stream.snapshot).toBe(first.snapshot);
  });

  it("rejects a Chat stream with neither [DONE] nor a finish_reason", async () => {
    const error = await rejection(
      readMessageStream(textStream(chatChunk({ content: "Half" })), { api: "chat" }).finalMessage(),
    );
    expect(error.code).toBe("stream_cut");
    expect(error.message).toContain("finish_reason or data: [DONE]");
    expect((error.snapshot!.parts[0] as TextPart).text).toBe("Half");
  });

  it("accepts a Chat stream that finished but lost its [DONE]", async () => {
    const message = await readMessageStream(
      textStream(chatChunk({ content: "Hi" }) + chatChunk({}, "stop")),
      { api: "chat" },
    ).finalMessage();
    expect(message.status).toBe("complete");
  });

  it("rejects an HTML error page with its status", async () => {
    const page =
      "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    const error = await rejection(
      readMessageStream(
        new Response(page, {
          status: 502,
          statusText: "Bad Gateway",
          headers: { "content-type": "text/html" },
        }),
        { api: "responses" },
      ).finalMessage(),
    );
    expect(error.code).toBe("not_event_stream");
    expect(error.message).toContain(
      "expected an event stream but got HTML (status 502 Bad Gateway",
    );
    expect(error.snapshot).toMatchObject({ status: "in-progress", parts: [] });
  });

  it("sniffs HTML in a bare body or a mislabelled 200 response", async () => {
    const page = "\n  <html><body>Please log in</body></html>";
    const bare = await rejection(
      readMessageStream(textStream(page), { api: "chat" }).finalMessage(),
    );
    expect(bare.code).toBe("not_event_stream");
    expect(bare.message).toContain("expected an event stream but got HTML");
    const mislabelled = await rejection(
      readMessageStream(new Response(page, { status: 200 }), { api: "chat" }).finalMessage(),
    );
    expect(mislabelled.code).toBe("not_event_stream");
  });

  it("rejects a 200 JSON body that is not a stream", async () => {
    const error = await rejection(
      readMessageStream(
        new Response(JSON.stringify({ id: "resp_1", object: "response" }), {
          headers: { "content-type": "application/json" },
        }),
        { api: "responses" },
      ).finalMessage(),
    );
    expect(error.code).toBe("not_event_stream");
    expect(error.message).toContain('"application/json"');
    expect(error.message).toContain("stream: true");
  });

  it("turns an OpenAI error body into an APIError with its details", async () => {
    const body = {
      error: {
        message: "Incorrect API key provided: sk-xxx.",
        type: "invalid_request_error",
        param: null,
        code: "invalid_api_key",
      },
    };
    const error = await rejection(
      readMessageStream(
        new Response(JSON.stringify(body), {
          status: 401,
          headers: {
            "content-type": "application/json",
            "x-request-id": "req_123",
            "retry-after": "2",
          },
        }),
        { api: "chat" },
      ).finalMessage(),
    );
    expect(error).toBeInstanceOf(APIError);
    const apiError = error as APIError;
    expect(apiError).toMatchObject({
      code: "api_error",
      status: 401,
      errorCode: "invalid_api_key",
      type: "invalid_request_error",
      param: null,
      requestId: "req_123",
      retryAfterSeconds: 2,
      body,
    });
    expect(apiError.message).toContain("401");
    expect(apiError.message).toContain("Incorrect API key provided");
  });

  it("turns an error body sent as the stream itself into an APIError", async () => {
    const body = JSON.stringify({
      error: {
        message: "Bad param",
        type: "invalid_request_error",
        param: "temperature",
        code: null,
      },
    });
    const error = await rejection(
      readMessageStream(textStream(body), { api: "responses" }).finalMessage(),
    );
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ param: "temperature", type: "invalid_request_error" });
  });

  it("stops with an aborted error and the snapshot so far when the signal fires", async () => {
    const controller = new AbortController();
    const stream = readMessageStream(hangingStream(responsesStart() + textDelta("Before stop")), {
      api: "responses",
      signal: controller.signal,
    });
    const seen: Message[] = [];
    const error = await rejection(
      (async () => {
        for await (const { snapshot } of stream) {
          seen.push(snapshot);
          if (seen.length === 4) setTimeout(() => controller.abort(), 0);
        }
      })(),
    );
    expect(error.code).toBe("aborted");
    expect(error.snapshot?.status).toBe("aborted");
    expect((error.snapshot!.parts[0] as TextPart).text).toBe("Before stop");
  });

  it("rejects at once when the signal has already fired", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(
      readMessageStream(textStream(chatChunk({ content: "x" })), {
        api: "chat",
        signal: controller.signal,
      }).finalMessage(),
    );
    expect(error.code).toBe("aborted");
    expect(error.snapshot).toMatchObject({ status: "aborted" });
  });

  it("measures reasoning time from the item's added to its done with the given clock", async () => {
    let clock = 1000;
    const item = { id: "rs_1", type: "reasoning", summary: [] };
    const body =
      ev("response.created", { response: response() }) +
      ev("response.output_item.added", { item }) +
      ev("response.output_item.done", {
        item: { ...item, summary: [{ type: "summary_text", text: "ok" }] },
      }) +
      completed();
    const stream = readMessageStream(textStream(body), {
      api: "responses",
      now: () => {
        clock += 750;
        return clock;
      },
    });
    const message = await stream.finalMessage();
    expect(message.parts[0]).toMatchObject({ type: "reasoning", durationMs: 750 });
  });

  it("continues a persisted snapshot (id kept, cut status cleared, replayed events skipped)", async () => {
    const start = responsesStart();
    const cut = await rejection(
      readMessageStream(textStream(start + textDelta("one ")), {
        api: "responses",
        id: "local-1",
      }).finalMessage(),
    );
    const persisted = JSON.parse(JSON.stringify(cut.snapshot)) as Message;
    const message = await readMessageStream(textStream(start + textDelta("two") + completed()), {
      api: "responses",
      initial: persisted,
    }).finalMessage();
    expect(message.id).toBe("local-1");
    expect(message.status).toBe("complete");
    expect(message.error).toBeUndefined();
    // The replayed start (lower sequence numbers) is skipped: "one " is kept once.
    expect((message.parts[0] as TextPart).text).toBe("one two");
  });

  it("ends normally with a failed message when the stream reports an error", async () => {
    const body =
      responsesStart() +
      textDelta("partial") +
      ev("error", {
        error: {
          type: "insufficient_quota",
          code: "insufficient_quota",
          message: "Quota exceeded",
        },
      });
    const message = await readMessageStream(textStream(body), { api: "responses" }).finalMessage();
    expect(message).toMatchObject({
      status: "failed",
      error: { message: "Quota exceeded", code: "insufficient_quota", type: "insufficient_quota" },
    });
    expect((message.parts[0] as TextPart).text).toBe("partial");
  });
});
