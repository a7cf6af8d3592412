import { describe, expect, it } from "vitest";
import { toMessage, toMessages } from "../../../src/core/convert/to-messages.js";
import { ColloquyError } from "../../../src/core/errors.js";
import type { Message } from "../../../src/core/model/message.js";
import { approvalRequestItem, computerCallItem } from "./fixtures.js";

function shape(messages: Message[]) {
  return messages.map(({ role, parts }) => ({ role, parts }));
}

function errorOf(run: () => unknown): ColloquyError {
  try {
    run();
  } catch (error) {
    if (error instanceof ColloquyError) return error;
    throw error;
  }
  throw new Error("expected an error");
}

describe("toMessage shorthands", () => {
  it("reads a plain string as a user message with a fresh id", () => {
    const message = toMessage("Hello");
    expect(message).toMatchObject({
      role: "user",
      parts: [{ type: "text", text: "Hello" }],
      metadata: {},
      status: "complete",
    });
    expect(message.id).toMatch(/.{8,}/);
    expect(toMessage("Hello").id).not.toBe(message.id);
  });

  it.each([
    ["system", "system"],
    ["developer", "developer"],
    ["user", "user"],
    ["human", "user"],
    ["assistant", "assistant"],
    ["ai", "assistant"],
  ] as const)("reads a ['%s', text] tuple as a %s message", (word, role) => {
    expect(toMessage([word, "x"])).toMatchObject({ role, parts: [{ type: "text", text: "x" }] });
  });

  it("passes a Message through, filling missing defaults", () => {
    const message: Message = {
      id: "m1",
      role: "user",
      parts: [{ type: "text", text: "a" }],
      metadata: { model: "x" },
      status: "complete",
    };
    expect(toMessage(message)).toEqual(message);
    expect(toMessage({ role: "assistant", parts: [] } as never)).toMatchObject({
      role: "assistant",
      metadata: {},
      status: "complete",
    });
  });

  it("reads a top-level [role, text] pair as one tuple, other arrays as lists", () => {
    expect(shape(toMessages(["system", "Be brief"]))).toEqual([
      { role: "system", parts: [{ type: "text", text: "Be brief" }] },
    ]);
    expect(shape(toMessages(["Hi", "there"]))).toHaveLength(2);
    expect(
      shape(
        toMessages([
          ["ai", "a"],
          ["ai", "b"],
        ]),
      ),
    ).toHaveLength(2);
  });
});

describe("toMessages with Chat Completions messages", () => {
  it("reads user content parts of every kind", () => {
    const [message] = toMessages([
      {
        role: "user",
        content: [
          { type: "text", text: "Look" },
          { type: "image_url", image_url: { url: "https://e.com/a.png", detail: "high" } },
          { type: "image_url", image_url: { url: "data:image/png;base64,iVBO" } },
          { type: "input_audio", input_audio: { data: "UklG", format: "wav" } },
          {
            type: "file",
            file: { file_data: "data:application/pdf;base64,JVBE", filename: "a.pdf" },
          },
          { type: "file", file: { file_id: "file_1" } },
        ],
      },
    ]);
    expect(message!.parts).toEqual([
      { type: "text", text: "Look" },
      { type: "image", origin: "input", url: "https://e.com/a.png", detail: "high" },
      { type: "image", origin: "input", data: "iVBO", mediaType: "image/png" },
      { type: "audio", origin: "input", data: "UklG", format: "wav" },
      { type: "file", mediaType: "application/pdf", data: "JVBE", filename: "a.pdf" },
      { type: "file", mediaType: "application/octet-stream", fileId: "file_1" },
    ]);
  });

  it("merges tool results into the assistant's tool calls and continues the turn", () => {
    const messages = toMessages([
      { role: "system", content: "S" },
      { role: "user", content: "Weather?" },
      {
        role: "assistant",
        content: null,
        tool_calls: [
          { id: "c1", type: "function", function: { name: "weather", arguments: '{"c":"P"}' } },
          { id: "c2", type: "custom", custom: { name: "sql", input: "SELECT" } },
        ],
      },
      { role: "tool", tool_call_id: "c1", content: "20C" },
      { role: "tool", tool_call_id: "c2", content: [{ type: "text", text: "1 row" }] },
      { role: "assistant", content: "It is 20C.", refusal: null },
    ]);
    expect(shape(messages)).toEqual([
      { role: "system", parts: [{ type: "text", text: "S" }] },
      { role: "user", parts: [{ type: "text", text: "Weather?" }] },
      {
        role: "assistant",
        parts: [
          {
            type: "tool-call",
            kind: "function",
            state: "output-available",
            toolCallId: "c1",
            toolName: "weather",
            inputText: '{"c":"P"}',
            input: { c: "P" },
            output: "20C",
            index: 0,
          },
          {
            type: "tool-call",
            kind: "custom",
            state: "output-available",
            toolCallId: "c2",
            toolName: "sql",
            inputText: "SELECT",
            input: "SELECT",
            output: "1 row",
            index: 1,
          },
          { type: "text", text: "It is 20C." },
        ],
      },
    ]);
  });

  it("reads assistant refusals, audio ids and legacy function calls with their replies", () => {
    const messages = toMessages([
      { role: "assistant", content: null, refusal: "No." },
      { role: "assistant", content: null, audio: { id: "audio_1" } },
      { role: "assistant", content: null, function_call: { name: "f", arguments: "{}" } },
      { role: "function", name: "f", content: "ok" },
    ]);
    expect(shape(messages)).toEqual([
      { role: "assistant", parts: [{ type: "refusal", refusal: "No." }] },
      { role: "assistant", parts: [{ type: "audio", origin: "output", id: "audio_1" }] },
      {
        role: "assistant",
        parts: [
          {
            type: "tool-call",
            kind: "function",
            state: "output-available",
            toolCallId: "f",
            toolName: "f",
            inputText: "{}",
            input: {},
            output: "ok",
          },
        ],
      },
    ]);
  });
});

describe("toMessages with Responses input items", () => {
  it("reads input content and output items into messages", () => {
    const messages = toMessages([
      { role: "developer", content: [{ type: "input_text", text: "D" }] },
      {
        type: "message",
        role: "user",
        content: [
          { type: "input_text", text: "Read" },
          { type: "input_image", image_url: "https://e.com/a.png", detail: "auto" },
          { type: "input_file", file_data: "data:application/pdf;base64,JVBE", filename: "a.pdf" },
          { type: "input_file", file_id: "file_2", filename: "b.pdf" },
        ],
      },
      {
        type: "reasoning",
        id: "rs_1",
        summary: [{ type: "summary_text", text: "hm" }],
        encrypted_content: "enc",
      },
      { type: "function_call", id: "fc_1", call_id: "c1", name: "w", arguments: "{}" },
      { type: "function_call_output", call_id: "c1", output: "sunny" },
      {
        type: "message",
        role: "assistant",
        id: "msg_1",
        status: "completed",
        content: [
          {
            type: "output_text",
            text: "Sunny",
            annotations: [{ type: "file_citation", file_id: "f", filename: "a.pdf", index: 0 }],
          },
        ],
      },
      { type: "item_reference", id: "ws_9" },
    ]);
    expect(shape(messages)).toEqual([
      { role: "developer", parts: [{ type: "text", text: "D" }] },
      {
        role: "user",
        parts: [
          { type: "text", text: "Read" },
          { type: "image", origin: "input", url: "https://e.com/a.png", detail: "auto" },
          { type: "file", mediaType: "application/pdf", data: "JVBE", filename: "a.pdf" },
          { type: "file", mediaType: "application/pdf", fileId: "file_2", filename: "b.pdf" },
        ],
      },
      {
        role: "assistant",
        parts: [
          { type: "reasoning", id: "rs_1", summary: [{ text: "hm" }], encryptedContent: "enc" },
          {
            type: "tool-call",
            kind: "function",
            state: "output-available",
            toolCallId: "c1",
            toolName: "w",
            inputText: "{}",
            input: {},
            output: "sunny",
            itemId: "fc_1",
          },
          {
            type: "text",
            text: "Sunny",
            annotations: [{ type: "file_citation", fileId: "f", filename: "a.pdf", index: 0 }],
            itemId: "msg_1",
            contentIndex: 0,
          },
          {
            type: "unknown",
            originalType: "item_reference",
            raw: { type: "item_reference", id: "ws_9" },
            id: "ws_9",
          },
        ],
      },
    ]);
  });

  it("attaches computer screenshots and MCP decisions to their calls", () => {
    const [message] = toMessages([
      computerCallItem,
      {
        type: "computer_call_output",
        call_id: "call_cu_1",
        output: { type: "computer_screenshot", image_url: "data:image/png;base64,iVBO" },
      },
      approvalRequestItem,
      { type: "mcp_approval_response", approval_request_id: "mcpr_1", approve: true, reason: "ok" },
    ]);
    expect(message!.parts).toEqual([
      {
        type: "computer-call",
        id: "cu_1",
        state: "completed",
        item: computerCallItem,
        output: { imageUrl: "data:image/png;base64,iVBO" },
      },
      {
        type: "mcp-approval-request",
        id: "mcpr_1",
        state: "completed",
        item: approvalRequestItem,
        decision: { approve: true, reason: "ok" },
      },
    ]);
  });

  it("keeps unmatched computer outputs and approval responses as their own parts", () => {
    const [message] = toMessages([
      {
        type: "computer_call_output",
        id: "cuo_1",
        call_id: "x",
        output: { type: "computer_screenshot", file_id: "f" },
      },
      { type: "mcp_approval_response", id: "mcpa_1", approval_request_id: "nope", approve: false },
    ]);
    expect(message!.parts.map((p) => p.type)).toEqual([
      "computer-call-output",
      "mcp-approval-response",
    ]);
  });
});

describe("toMessages errors", () => {
  it.each([
    [
      [{ role: "user", content: "a" }, "b", { role: "robot", content: "x" }],
      "messages[2]: unknown role 'robot'; expected system, developer, user, assistant or tool",
    ],
    [[["wizard", "x"]], "messages[0]: unknown role 'wizard' in a [role, content] tuple"],
    [
      [{ role: "user", content: [{ type: "video", url: "x" }] }],
      "messages[0].content[0]: unknown content part type 'video'",
    ],
    [
      [{ role: "user", content: [{ type: "image_url", image_url: {} }] }],
      "messages[0].content[0]: an image_url part needs image_url.url",
    ],
    [
      [{ role: "tool", tool_call_id: "c9", content: "x" }],
      "messages[0]: tool result for call 'c9' has no matching tool call",
    ],
    [
      [{ role: "user", content: 5 }],
      "messages[0].content: content must be a string or an array of parts",
    ],
    [[42], "messages[0]: expected a string, a [role, content] tuple or a message object, got 42"],
    [
      [{ foo: 1 }],
      "messages[0]: expected a 'role' (a message) or a 'type' (a Responses input item)",
    ],
  ])("rejects %j", (input, message) => {
    const error = errorOf(() => toMessages(input as never));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toContain(message);
  });

  it("rejects a single input that makes no message", () => {
    const error = errorOf(() => toMessage({ role: "tool", tool_call_id: "c", content: "x" }));
    expect(error.message).toContain("message: tool result for call 'c'");
  });
});

describe("toMessages with previous_response_id style inputs", () => {
  it("keeps a tool output whose call lives on the server, to send back as is", () => {
    const output = { type: "function_call_output", call_id: "call_srv", output: "42" };
    const [message] = toMessages([output]);
    expect(message).toMatchObject({
      role: "assistant",
      parts: [{ type: "unknown", originalType: "function_call_output", raw: output }],
    });
  });

  it("keeps extra fields of content parts", () => {
    const [message] = toMessages([
      {
        role: "user",
        content: [{ type: "input_text", text: "x", prompt_cache_breakpoint: { mode: "explicit" } }],
      },
    ]);
    expect(message!.parts).toEqual([
      { type: "text", text: "x", extra: { prompt_cache_breakpoint: { mode: "explicit" } } },
    ]);
  });
});
