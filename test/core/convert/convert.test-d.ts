import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import type { ResponseInputItem } from "openai/resources/responses/responses";
import { describe, expectTypeOf, it } from "vitest";
import {
  isPartType,
  isToolCallPart,
  messageFromChatCompletion,
  messageFromResponse,
  partsFromOutputItem,
  toChatCompletionsMessages,
  toMessage,
  toMessages,
  toResponsesInput,
  type ConversionResult,
  type ConversionWarning,
  type Message,
  type Part,
  type ToolCallPart,
  type WebSearchCallPart,
} from "../../../src/core/index.js";

declare const messages: Message[];
declare const part: Part;

describe("converter types", () => {
  it("input converters return the OpenAI param types with warnings", () => {
    expectTypeOf(toChatCompletionsMessages(messages)).toEqualTypeOf<
      ConversionResult<ChatCompletionMessageParam[]>
    >();
    expectTypeOf(toResponsesInput(messages, { previousResponseId: "resp_1" })).toEqualTypeOf<
      ConversionResult<ResponseInputItem[]>
    >();
    expectTypeOf(toResponsesInput(messages).warnings).toEqualTypeOf<ConversionWarning[]>();
  });

  it("output converters return a Message with warnings", () => {
    expectTypeOf(messageFromResponse({ id: "resp_1" })).toEqualTypeOf<ConversionResult<Message>>();
    expectTypeOf(
      messageFromChatCompletion({ id: "c" }, { id: "m" }).value,
    ).toEqualTypeOf<Message>();
    expectTypeOf(partsFromOutputItem({ type: "message" })).toEqualTypeOf<Part[]>();
  });

  it("shorthand constructors accept every input shape", () => {
    expectTypeOf(toMessage("hi")).toEqualTypeOf<Message>();
    expectTypeOf(
      toMessages([["system", "s"], ["human", "h"], "plain", { role: "user", content: "x" }]),
    ).toEqualTypeOf<Message[]>();
    expectTypeOf(
      toMessages([{ type: "function_call_output", call_id: "c", output: "o" }]),
    ).toEqualTypeOf<Message[]>();
  });

  it("guards narrow parts", () => {
    if (isToolCallPart(part)) expectTypeOf(part).toEqualTypeOf<ToolCallPart>();
    if (isPartType(part, "web-search-call")) expectTypeOf(part).toEqualTypeOf<WebSearchCallPart>();
  });

  it("warnings carry where they happened", () => {
    expectTypeOf<ConversionWarning>().toEqualTypeOf<{
      code: string;
      message: string;
      messageIndex?: number;
      partType?: string;
    }>();
  });
});
