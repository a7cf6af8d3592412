import { describe, expect, it } from "vitest";
import { toChatCompletionsMessages } from "../../../src/core/convert/to-chat-completions-messages.js";
import { toMessages } from "../../../src/core/convert/to-messages.js";
import { toResponsesInput } from "../../../src/core/convert/to-responses-input.js";
import type { Message } from "../../../src/core/model/message.js";
import type { Part } from "../../../src/core/model/parts.js";
import { approvalRequestItem, compactionItem, computerCallItem, msg } from "./fixtures.js";

/** A conversation touching every kind of part the input converters handle. */
const conversation: Message[] = [
  msg("system", [{ type: "text", text: "You are helpful." }]),
  msg("user", [
    { type: "text", text: "What is in these?" },
    { type: "image", origin: "input", url: "https://e.com/cat.png", detail: "high" },
    { type: "file", mediaType: "application/pdf", data: "JVBERi0x", filename: "report.pdf" },
  ]),
  msg("assistant", [
    {
      type: "reasoning",
      id: "rs_1",
      summary: [{ text: "Need the weather." }],
      encryptedContent: "gAAA",
    },
    {
      type: "tool-call",
      kind: "function",
      state: "output-available",
      toolCallId: "call_1",
      toolName: "weather",
      inputText: '{"city":"Paris"}',
      input: { city: "Paris" },
      output: "20C and sunny",
      itemId: "fc_1",
    },
    { type: "text", text: "A cat and a report. Paris is sunny.", itemId: "msg_1", contentIndex: 0 },
  ]),
  msg("user", [{ type: "text", text: "Say something rude." }]),
  msg("assistant", [{ type: "refusal", refusal: "I won't.", itemId: "msg_2", contentIndex: 0 }]),
  msg("user", [{ type: "text", text: "Roll dice and take a screenshot." }]),
  msg("assistant", [
    {
      type: "mcp-approval-request",
      id: "mcpr_1",
      state: "completed",
      item: approvalRequestItem,
      decision: { approve: true, reason: "fine" },
    },
    {
      type: "computer-call",
      id: "cu_1",
      state: "completed",
      item: computerCallItem as never,
      output: { imageUrl: "data:image/png;base64,iVBORw0K" },
    },
    { type: "compaction", id: "cmp_1", state: "completed", item: compactionItem },
  ]),
];

function shape(messages: readonly Message[]) {
  return messages.map(({ role, parts }) => ({ role, parts }));
}

const CHAT_CARRIES = new Set(["text", "refusal", "image", "file", "audio", "tool-call"]);

/** What Chat can carry of a part: no Responses item ids, tool calls numbered by position. */
function chatView(parts: readonly Part[]): Part[] {
  let index = 0;
  return parts
    .filter((part) => CHAT_CARRIES.has(part.type))
    .map((part) => {
      if (part.type === "text" || part.type === "refusal") {
        const { itemId: _itemId, contentIndex: _contentIndex, ...rest } = part;
        return rest;
      }
      if (part.type === "tool-call") {
        const { itemId: _itemId, ...rest } = part;
        return { ...rest, index: index++ } as Part;
      }
      return part;
    });
}

describe("round trip through each API's input and back", () => {
  it("Responses keeps every part", () => {
    const { value, warnings } = toResponsesInput(conversation);
    expect(warnings).toEqual([]);
    expect(shape(toMessages(value))).toEqual(shape(conversation));
  });

  it("Chat keeps what Chat can carry and warns about the rest", () => {
    const { value, warnings } = toChatCompletionsMessages(conversation);
    const expected = conversation
      .map((message) => ({ role: message.role, parts: chatView(message.parts) }))
      .filter((message) => message.parts.length > 0);
    expect(shape(toMessages(value))).toEqual(expected);
    expect(warnings.map((w) => [w.code, w.messageIndex, w.partType])).toEqual([
      ["reasoning-dropped", 2, "reasoning"],
      ["unsupported-part", 6, "mcp-approval-request"],
      ["unsupported-part", 6, "computer-call"],
      ["unsupported-part", 6, "compaction"],
    ]);
  });

  it("a recorded Responses exchange's own input reads back and converts to the same items", async () => {
    const items = [
      { role: "user", content: [{ type: "input_text", text: "Hi" }], type: "message" },
      { type: "function_call", id: "fc_9", call_id: "c9", name: "f", arguments: '{"a":1}' },
      { type: "function_call_output", call_id: "c9", output: "done" },
    ];
    const { value } = toResponsesInput(toMessages(items));
    expect(value).toEqual(items);
  });
});
