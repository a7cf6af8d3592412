import { describe, expect, it } from "vitest";
import { messageFromResponse } from "../../../src/core/convert/message-from-response.js";

const base = {
  id: "resp_1",
  object: "response",
  created_at: 1_700_000_000,
  model: "gpt-5-mini",
  status: "completed",
  background: false,
  service_tier: "default",
  instructions: "be brief",
  tools: [],
  temperature: 1,
  text: { format: { type: "text" } },
  reasoning: { effort: "low" },
  output: [
    { type: "reasoning", id: "rs_1", summary: [], encrypted_content: "enc" },
    {
      type: "message",
      id: "msg_1",
      role: "assistant",
      status: "completed",
      content: [{ type: "output_text", text: "Hi", annotations: [] }],
    },
  ],
  usage: {
    input_tokens: 10,
    output_tokens: 20,
    total_tokens: 30,
    input_tokens_details: { cached_tokens: 4 },
    output_tokens_details: { reasoning_tokens: 12 },
  },
  content_filters: [{ blocked: false }],
};

describe("messageFromResponse", () => {
  it("maps output items, usage and metadata, leaving echoed request fields out of extra", () => {
    const { value, warnings } = messageFromResponse(base);
    expect(warnings).toEqual([]);
    expect(value).toEqual({
      id: "resp_1",
      role: "assistant",
      status: "complete",
      parts: [
        { type: "reasoning", id: "rs_1", summary: [], encryptedContent: "enc" },
        { type: "text", text: "Hi", itemId: "msg_1", contentIndex: 0 },
      ],
      metadata: {
        model: "gpt-5-mini",
        responseId: "resp_1",
        responseStatus: "completed",
        usage: {
          inputTokens: 10,
          outputTokens: 20,
          totalTokens: 30,
          cachedInputTokens: 4,
          reasoningTokens: 12,
          raw: base.usage,
        },
        serviceTier: "default",
        createdAt: 1_700_000_000,
        background: false,
        extra: { content_filters: [{ blocked: false }] },
      },
    });
  });

  it.each([
    ["completed", "complete"],
    ["incomplete", "incomplete"],
    ["failed", "failed"],
    ["cancelled", "aborted"],
    ["in_progress", "in-progress"],
    ["queued", "in-progress"],
  ])("maps status %s to %s", (status, expected) => {
    expect(messageFromResponse({ ...base, status }).value.status).toBe(expected);
  });

  it("keeps the incomplete reason and the error of a failed response", () => {
    expect(
      messageFromResponse({
        ...base,
        status: "incomplete",
        incomplete_details: { reason: "max_output_tokens" },
      }).value.metadata.incompleteReason,
    ).toBe("max_output_tokens");
    const failed = messageFromResponse({
      ...base,
      status: "failed",
      error: { code: "server_error", message: "Something broke." },
    }).value;
    expect(failed.status).toBe("failed");
    expect(failed.error).toEqual({ code: "server_error", message: "Something broke." });
  });

  it("uses the given id and warns when output is missing", () => {
    const { value, warnings } = messageFromResponse({ id: "resp_2" }, { id: "mine" });
    expect(value.id).toBe("mine");
    expect(value.parts).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(["missing-output"]);
  });
});
