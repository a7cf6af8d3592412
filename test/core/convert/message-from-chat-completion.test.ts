import { describe, expect, it } from "vitest";
import { messageFromChatCompletion } from "../../../src/core/convert/message-from-chat-completion.js";

interface Choice {
  index: number;
  finish_reason: string;
  logprobs: unknown;
  message: Record<string, unknown>;
}

function completion(message: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const choices: Choice[] = [
    { index: 0, finish_reason: "stop", logprobs: null, message: { role: "assistant", ...message } },
  ];
  return {
    id: "chatcmpl-1",
    object: "chat.completion",
    created: 1_700_000_000,
    model: "gpt-4o-mini",
    system_fingerprint: "fp_1",
    service_tier: "default",
    choices,
    usage: {
      prompt_tokens: 5,
      completion_tokens: 7,
      total_tokens: 12,
      prompt_tokens_details: { cached_tokens: 2, audio_tokens: 0, cache_write_tokens: 3 },
      completion_tokens_details: {
        reasoning_tokens: 1,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    },
    ...extra,
  };
}

describe("messageFromChatCompletion", () => {
  it("maps text, metadata and usage", () => {
    const wire = completion({ content: "Hello", refusal: null, annotations: [] });
    const { value, warnings } = messageFromChatCompletion(wire);
    expect(warnings).toEqual([]);
    expect(value).toEqual({
      id: "chatcmpl-1",
      role: "assistant",
      status: "complete",
      parts: [{ type: "text", text: "Hello" }],
      metadata: {
        model: "gpt-4o-mini",
        completionId: "chatcmpl-1",
        finishReason: "stop",
        serviceTier: "default",
        systemFingerprint: "fp_1",
        createdAt: 1_700_000_000,
        usage: {
          inputTokens: 5,
          outputTokens: 7,
          totalTokens: 12,
          cachedInputTokens: 2,
          cacheWriteInputTokens: 3,
          audioInputTokens: 0,
          reasoningTokens: 1,
          audioOutputTokens: 0,
          acceptedPredictionTokens: 0,
          rejectedPredictionTokens: 0,
          raw: wire.usage,
        },
      },
    });
  });

  it("maps nested url citations and logprobs onto the text part", () => {
    const wire = completion({
      content: "See it",
      annotations: [
        {
          type: "url_citation",
          url_citation: { url: "https://a", title: "A", start_index: 0, end_index: 6 },
        },
      ],
    });
    wire.choices[0]!.logprobs = {
      content: [{ token: "See", logprob: -0.5, bytes: [83], top_logprobs: [] }],
      refusal: null,
    } as unknown;
    expect(messageFromChatCompletion(wire).value.parts).toEqual([
      {
        type: "text",
        text: "See it",
        annotations: [
          { type: "url_citation", url: "https://a", title: "A", startIndex: 0, endIndex: 6 },
        ],
        logprobs: [{ token: "See", logprob: -0.5, bytes: [83], topLogprobs: [] }],
      },
    ]);
  });

  it("maps a refusal with its logprobs", () => {
    const wire = completion({ content: null, refusal: "I can't." });
    wire.choices[0]!.logprobs = {
      content: null,
      refusal: [{ token: "I", logprob: -1, bytes: null, top_logprobs: [] }],
    } as unknown;
    expect(messageFromChatCompletion(wire).value.parts).toEqual([
      {
        type: "refusal",
        refusal: "I can't.",
        logprobs: [{ token: "I", logprob: -1, bytes: null, topLogprobs: [] }],
      },
    ]);
  });

  it("maps function, custom and legacy function calls", () => {
    const wire = completion({
      content: null,
      tool_calls: [
        {
          id: "call_1",
          type: "function",
          function: { name: "weather", arguments: '{"city":"Paris"}' },
        },
        { id: "call_2", type: "custom", custom: { name: "sql", input: "SELECT 1" } },
      ],
      function_call: { name: "legacy", arguments: "{}" },
    });
    expect(messageFromChatCompletion(wire).value.parts).toEqual([
      {
        type: "tool-call",
        kind: "function",
        state: "input-available",
        toolCallId: "call_1",
        toolName: "weather",
        inputText: '{"city":"Paris"}',
        input: { city: "Paris" },
        index: 0,
      },
      {
        type: "tool-call",
        kind: "custom",
        state: "input-available",
        toolCallId: "call_2",
        toolName: "sql",
        inputText: "SELECT 1",
        input: "SELECT 1",
        index: 1,
      },
      {
        type: "tool-call",
        kind: "function",
        state: "input-available",
        toolCallId: "legacy",
        toolName: "legacy",
        inputText: "{}",
        input: {},
      },
    ]);
  });

  it("maps output audio", () => {
    const wire = completion({
      content: null,
      audio: { id: "audio_1", data: "UklG", transcript: "Hi", expires_at: 1_700_003_600 },
    });
    expect(messageFromChatCompletion(wire).value.parts).toEqual([
      {
        type: "audio",
        origin: "output",
        id: "audio_1",
        data: "UklG",
        transcript: "Hi",
        expiresAt: 1_700_003_600,
      },
    ]);
  });

  it("puts further choices in alternatives and unmapped fields in extra", () => {
    const wire = completion(
      { content: "A" },
      { prompt_filter_results: [{ prompt_index: 0 }], moderation: { flagged: false } },
    );
    wire.choices.push({
      index: 1,
      finish_reason: "length",
      logprobs: null,
      message: { role: "assistant", content: "B" },
    });
    (wire.choices[0] as unknown as Record<string, unknown>).content_filter_results = {
      hate: { filtered: false },
    };
    const { value } = messageFromChatCompletion(wire, { id: "m1" });
    expect(value.id).toBe("m1");
    expect(value.metadata.alternatives).toEqual([
      { index: 1, parts: [{ type: "text", text: "B" }], finishReason: "length" },
    ]);
    expect(value.metadata.extra).toEqual({
      prompt_filter_results: [{ prompt_index: 0 }],
      moderation: { flagged: false },
      choice: { content_filter_results: { hate: { filtered: false } } },
    });
  });

  it.each([
    ["stop", "complete"],
    ["tool_calls", "complete"],
    ["length", "incomplete"],
    ["content_filter", "incomplete"],
  ])("maps finish_reason %s to status %s", (finish, status) => {
    const wire = completion({ content: "x" });
    wire.choices[0]!.finish_reason = finish;
    expect(messageFromChatCompletion(wire).value.status).toBe(status);
  });

  it("keeps reasoning text that compatible servers send", () => {
    expect(
      messageFromChatCompletion(completion({ content: "4", reasoning_content: "2+2" })).value.parts,
    ).toEqual([
      { type: "reasoning", summary: [], text: "2+2" },
      { type: "text", text: "4" },
    ]);
  });
});
