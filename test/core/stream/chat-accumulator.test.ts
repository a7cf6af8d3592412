import { describe, expect, it } from "vitest";
import type { Message } from "../../../src/core/model/message.js";
import type { TextPart } from "../../../src/core/model/parts.js";
import { accumulateChatChunk } from "../../../src/core/stream/accumulate-chat-chunk.js";
import { createAssistantMessage } from "../../../src/core/stream/create-assistant-message.js";

/** The Chat Completions accumulator, chunk by chunk. */

type Chunk = Record<string, unknown>;

function chunk(choices: Chunk[], fields: Chunk = {}): Chunk {
  return {
    id: "chatcmpl-1",
    object: "chat.completion.chunk",
    created: 1700000000,
    model: "gpt-test",
    system_fingerprint: "fp_1",
    choices,
    ...fields,
  };
}

const choice = (delta: Chunk, fields: Chunk = {}) => ({
  index: 0,
  delta,
  finish_reason: null,
  ...fields,
});

function fold(chunks: Chunk[], start: Message = createAssistantMessage()): Message {
  return chunks.reduce<Message>((message, c) => accumulateChatChunk(message, c), start);
}

describe("accumulateChatChunk", () => {
  it("streams content and completes on finish_reason, with metadata from the chunks", () => {
    const message = fold([
      chunk([choice({ role: "assistant", content: "" })]),
      chunk([choice({ content: "Hel" })]),
      chunk([choice({ content: "lo" })]),
      chunk([choice({}, { finish_reason: "stop" })]),
    ]);
    expect(message).toEqual({
      id: "chatcmpl-1",
      role: "assistant",
      parts: [{ type: "text", text: "Hello" }],
      metadata: {
        completionId: "chatcmpl-1",
        model: "gpt-test",
        createdAt: 1700000000,
        systemFingerprint: "fp_1",
        finishReason: "stop",
      },
      status: "complete",
    });
  });

  it("marks text streaming until the choice finishes", () => {
    const message = fold([chunk([choice({ content: "Hi" })])]);
    expect(message.parts).toEqual([{ type: "text", text: "Hi", state: "streaming" }]);
    expect(message.status).toBe("in-progress");
  });

  it("keeps the other parts' identity on a delta", () => {
    const before = fold([
      chunk([
        choice({
          tool_calls: [
            { index: 0, id: "call_1", type: "function", function: { name: "a", arguments: "{}" } },
          ],
        }),
      ]),
      chunk([choice({ content: "Text" })]),
    ]);
    const after = accumulateChatChunk(before, chunk([choice({ content: " more" })]));
    expect(after.parts[0]).toBe(before.parts[0]);
    expect((after.parts[1] as TextPart).text).toBe("Text more");
  });

  it("assembles parallel tool calls by index, id and name arriving first", () => {
    const message = fold([
      chunk([
        choice({
          tool_calls: [
            {
              index: 0,
              id: "call_a",
              type: "function",
              function: { name: "weather", arguments: "" },
            },
          ],
        }),
      ]),
      chunk([
        choice({
          tool_calls: [
            { index: 1, id: "call_b", type: "function", function: { name: "time", arguments: "" } },
          ],
        }),
      ]),
      chunk([choice({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] })]),
      chunk([choice({ tool_calls: [{ index: 1, function: { arguments: '{"tz":"UTC"}' } }] })]),
      chunk([choice({ tool_calls: [{ index: 0, function: { arguments: '"Oslo"}' } }] })]),
    ]);
    expect(message.parts).toEqual([
      {
        type: "tool-call",
        kind: "function",
        state: "input-streaming",
        toolCallId: "call_a",
        toolName: "weather",
        inputText: '{"city":"Oslo"}',
        index: 0,
      },
      {
        type: "tool-call",
        kind: "function",
        state: "input-streaming",
        toolCallId: "call_b",
        toolName: "time",
        inputText: '{"tz":"UTC"}',
        index: 1,
      },
    ]);
    const done = accumulateChatChunk(message, chunk([choice({}, { finish_reason: "tool_calls" })]));
    expect(
      done.parts.map((part) => (part.type === "tool-call" ? [part.state, part.input] : [])),
    ).toEqual([
      ["input-available", { city: "Oslo" }],
      ["input-available", { tz: "UTC" }],
    ]);
    expect(done.status).toBe("complete");
  });

  it("handles the legacy function_call (named by its function)", () => {
    const message = fold([
      chunk([choice({ function_call: { name: "lookup", arguments: "" } })]),
      chunk([choice({ function_call: { arguments: '{"q":1}' } })]),
      chunk([choice({}, { finish_reason: "function_call" })]),
    ]);
    expect(message.parts).toEqual([
      {
        type: "tool-call",
        kind: "function",
        state: "input-available",
        toolCallId: "lookup",
        toolName: "lookup",
        inputText: '{"q":1}',
        input: { q: 1 },
      },
    ]);
  });

  it("collects content and refusal logprobs", () => {
    const lp = (token: string) => ({ token, logprob: -1, bytes: null, top_logprobs: [] });
    const message = fold([
      chunk([choice({ content: "A" }, { logprobs: { content: [lp("A")], refusal: null } })]),
      chunk([choice({ content: "B" }, { logprobs: { content: [lp("B")], refusal: null } })]),
      chunk([choice({ refusal: "No" }, { logprobs: { content: null, refusal: [lp("No")] } })]),
    ]);
    expect(message.parts[0]).toMatchObject({
      text: "AB",
      logprobs: [{ token: "A" }, { token: "B" }],
    });
    expect(message.parts[1]).toMatchObject({
      type: "refusal",
      refusal: "No",
      logprobs: [{ token: "No", topLogprobs: [] }],
    });
  });

  it("takes usage from the usage chunk (choices: [])", () => {
    const message = fold([
      chunk([choice({ content: "x" }, { finish_reason: "stop" })]),
      chunk([], {
        usage: {
          prompt_tokens: 3,
          completion_tokens: 1,
          total_tokens: 4,
          prompt_tokens_details: { cached_tokens: 2 },
        },
      }),
    ]);
    expect(message.metadata.usage).toMatchObject({
      inputTokens: 3,
      outputTokens: 1,
      totalTokens: 4,
      cachedInputTokens: 2,
    });
  });

  it("streams output audio (data, transcript, id, expires_at)", () => {
    const message = fold([
      chunk([choice({ audio: { id: "audio_1", transcript: "Hi", data: "" } })]),
      chunk([choice({ audio: { data: "AAA" } })]),
      chunk([choice({ audio: { data: "BBB", transcript: " there" } })]),
      chunk([choice({ audio: { expires_at: 1700003600 } })]),
    ]);
    expect(message.parts).toEqual([
      {
        type: "audio",
        origin: "output",
        state: "streaming",
        id: "audio_1",
        data: "AAABBB",
        transcript: "Hi there",
        expiresAt: 1700003600,
      },
    ]);
  });

  it("reports length and content_filter finishes as incomplete", () => {
    for (const reason of ["length", "content_filter"]) {
      const message = fold([chunk([choice({ content: "cut" }, { finish_reason: reason })])]);
      expect(message.status).toBe("incomplete");
      expect(message.metadata.finishReason).toBe(reason);
    }
  });

  it("puts choices after the first into metadata.alternatives", () => {
    const message = fold([
      chunk([
        choice({ content: "one" }),
        { index: 1, delta: { content: "two" }, finish_reason: null },
      ]),
      chunk([{ index: 2, delta: { content: "three" }, finish_reason: "stop" }]),
      chunk([
        choice({}, { finish_reason: "stop" }),
        { index: 1, delta: {}, finish_reason: "length" },
      ]),
    ]);
    expect((message.parts[0] as TextPart).text).toBe("one");
    expect(message.metadata.alternatives).toEqual([
      { index: 1, parts: [{ type: "text", text: "two" }], finishReason: "length" },
      { index: 2, parts: [{ type: "text", text: "three" }], finishReason: "stop" },
    ]);
  });

  it("keeps unknown chunk fields in metadata.extra, ignoring obfuscation padding", () => {
    const message = fold([
      chunk([], {
        id: "",
        model: "",
        created: 0,
        prompt_filter_results: [{ prompt_index: 0 }],
        obfuscation: "xx",
      }),
      chunk([choice({ content: "x" })], { obfuscation: "yy" }),
    ]);
    expect(message.metadata.extra).toEqual({ prompt_filter_results: [{ prompt_index: 0 }] });
    expect(message.id).toBe("chatcmpl-1");
    expect(message.metadata.completionId).toBe("chatcmpl-1");
  });

  it("fails on a mid-stream error payload, keeping the parts", () => {
    const message = fold([
      chunk([choice({ content: "Part" })]),
      { error: { message: "The server had an error", type: "server_error", code: null } },
    ]);
    expect(message.status).toBe("failed");
    expect(message.error).toEqual({ message: "The server had an error", type: "server_error" });
    expect((message.parts[0] as TextPart).text).toBe("Part");
  });

  it("collects reasoning text that compatible servers stream", () => {
    const message = fold([
      chunk([choice({ reasoning_content: "Hmm" })]),
      chunk([choice({ content: "Yes" })]),
    ]);
    expect(message.parts[0]).toEqual({
      type: "reasoning",
      summary: [],
      text: "Hmm",
      state: "streaming",
    });
  });
});
