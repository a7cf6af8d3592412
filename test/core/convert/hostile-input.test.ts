import { describe, expect, it } from "vitest";
import { ColloquyError } from "../../../src/core/errors.js";
import type { Message } from "../../../src/core/model/message.js";
import { messageFromChatCompletion } from "../../../src/core/convert/message-from-chat-completion.js";
import { messageFromResponse } from "../../../src/core/convert/message-from-response.js";
import {
  annotationFromWire,
  logprobsFromWire,
  partsFromOutputItem,
} from "../../../src/core/convert/parts-from-output-item.js";
import { toChatCompletionsMessages } from "../../../src/core/convert/to-chat-completions-messages.js";
import { toResponsesInput } from "../../../src/core/convert/to-responses-input.js";

/**
 * Malformed input to the converters: wrong-typed fields are ignored or dropped with a
 * warning, and the only thing ever thrown is a ColloquyError("invalid_input").
 */

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

const hello: Message = {
  id: "u1",
  role: "user",
  parts: [{ type: "text", text: "Hello" }],
  metadata: {},
  status: "complete",
};

describe("messageFromResponse and messageFromChatCompletion", () => {
  it("throw invalid_input for a value that is not an object", () => {
    for (const value of [null, undefined, "resp", 3, []]) {
      const fromResponse = thrownBy(() => messageFromResponse(value as never));
      expect(fromResponse.code).toBe("invalid_input");
      expect(fromResponse.message).toContain("messageFromResponse");
      const fromCompletion = thrownBy(() => messageFromChatCompletion(value as never));
      expect(fromCompletion.code).toBe("invalid_input");
      expect(fromCompletion.message).toContain("messageFromChatCompletion");
    }
  });

  it("read a choice index that is not a number as 0", () => {
    const { value } = messageFromChatCompletion({
      choices: [
        { index: 1, message: { content: "second" } },
        { index: "x", message: { content: "first" } },
      ],
    });
    expect(value.parts).toEqual([{ type: "text", text: "first" }]);
    expect(value.metadata.alternatives?.[0]?.index).toBe(1);
  });
});

describe("partsFromOutputItem and its helpers", () => {
  it("keeps an item that is not an object as an unknown part", () => {
    expect(partsFromOutputItem(null as never)).toEqual([
      { type: "unknown", originalType: "unknown", raw: { value: null } },
    ]);
  });

  it("leaves out logprob entries without a string token and a number logprob", () => {
    expect(
      logprobsFromWire([null, 3, { token: "a" }, { token: "b", logprob: "x" }]),
    ).toBeUndefined();
    expect(
      logprobsFromWire([{ token: "a", logprob: -1, bytes: {}, top_logprobs: [null] }]),
    ).toEqual([{ token: "a", logprob: -1, topLogprobs: [] }]);
  });

  it("reads nested annotation fields from own properties only", () => {
    expect(annotationFromWire({ type: "constructor" })).toEqual({
      type: "unknown",
      raw: { type: "constructor" },
    });
    expect(
      annotationFromWire({ type: "url_citation", url_citation: { url: "https://a.example" } }),
    ).toMatchObject({ type: "url_citation", url: "https://a.example" });
  });
});

describe("toChatCompletionsMessages and toResponsesInput", () => {
  const converters = [
    ["toChatCompletionsMessages", toChatCompletionsMessages],
    ["toResponsesInput", toResponsesInput],
  ] as const;

  it.each(converters)("%s throws invalid_input when messages is not an array", (name, convert) => {
    for (const value of [null, undefined, 0, "messages", {}]) {
      const error = thrownBy(() => convert(value as never));
      expect(error.code).toBe("invalid_input");
      expect(error.message).toContain(name);
    }
  });

  it.each(converters)("%s drops broken messages and parts with a warning", (_name, convert) => {
    const messages = [
      null,
      { id: "x", role: "user", parts: "Hello" },
      { ...hello, parts: [null, 5, { text: "no type" }, ...hello.parts], metadata: null },
    ] as unknown as Message[];
    const { value, warnings } = convert(messages);
    expect(value).toHaveLength(1);
    expect(JSON.stringify(value)).toContain("Hello");
    expect(warnings.map((warning) => [warning.code, warning.messageIndex])).toEqual([
      ["invalid-message", 0],
      ["invalid-message", 1],
      ["invalid-part", 2],
    ]);
  });

  it("toResponsesInput drops a built-in tool part without its item, and reads a bad reasoning summary as empty", () => {
    const assistant = {
      id: "a1",
      role: "assistant",
      metadata: {},
      parts: [
        { type: "web-search-call", id: "ws_1", state: "completed" },
        { type: "reasoning", id: "rs_1", summary: "none" },
        { type: "unknown", originalType: "x", raw: null },
      ],
    } as unknown as Message;
    const { value, warnings } = toResponsesInput([assistant]);
    expect(value).toEqual([{ type: "reasoning", id: "rs_1", summary: [] }]);
    expect(warnings.map((warning) => warning.code)).toEqual(["invalid-part", "unknown-part"]);
  });

  it("toResponsesInput names the message whose part has a field of the wrong type", () => {
    const assistant = {
      id: "a1",
      role: "assistant",
      metadata: {},
      parts: [{ type: "text", text: "Hi", annotations: [null] }],
    } as unknown as Message;
    const error = thrownBy(() => toResponsesInput([hello, assistant]));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toContain("toResponsesInput: messages[1] could not be converted");
    expect(error.cause).toBeInstanceOf(TypeError);
  });
});
