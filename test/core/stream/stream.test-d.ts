import { describe, expectTypeOf, it } from "vitest";
import type { ChatCompletionChunk } from "openai/resources/chat/completions";
import type { ResponseStreamEvent } from "openai/resources/responses/responses";
import {
  accumulateChatChunk,
  accumulateResponsesEvent,
  createAssistantMessage,
  readMessageStream,
  type Message,
  type MessageStream,
  type StreamUpdate,
} from "../../../src/core/index.js";

describe("streaming types", () => {
  it("readMessageStream is an async iterable of updates with a final message", () => {
    const stream = readMessageStream(new Response(""), { api: "chat" });
    expectTypeOf(stream).toEqualTypeOf<MessageStream>();
    expectTypeOf(stream).toMatchTypeOf<AsyncIterable<StreamUpdate>>();
    expectTypeOf(stream.finalMessage()).toEqualTypeOf<Promise<Message>>();
    expectTypeOf<StreamUpdate["snapshot"]>().toEqualTypeOf<Message>();
  });

  it("the accumulators take the openai package's event types and return messages", () => {
    const start = createAssistantMessage();
    expectTypeOf<ResponseStreamEvent>().toMatchTypeOf<
      Parameters<typeof accumulateResponsesEvent>[1]
    >();
    expectTypeOf<ChatCompletionChunk>().toMatchTypeOf<Parameters<typeof accumulateChatChunk>[1]>();
    expectTypeOf(
      accumulateResponsesEvent(start, {} as ResponseStreamEvent),
    ).toEqualTypeOf<Message>();
    expectTypeOf(accumulateChatChunk(start, {} as ChatCompletionChunk)).toEqualTypeOf<Message>();
  });

  it("rejects an unknown api", () => {
    // @ts-expect-error only "responses" and "chat" streams exist
    readMessageStream(new Response(""), { api: "assistants" });
  });
});
