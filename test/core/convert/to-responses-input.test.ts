import { describe, expect, it } from "vitest";
import { toResponsesInput } from "../../../src/core/convert/to-responses-input.js";
import type { Part } from "../../../src/core/model/parts.js";
import { approvalRequestItem, compactionItem, computerCallItem, msg } from "./fixtures.js";

describe("toResponsesInput", () => {
  it("sends system, developer and user messages as message items", () => {
    const { value, warnings } = toResponsesInput([
      msg("system", [{ type: "text", text: "S" }]),
      msg("developer", [{ type: "text", text: "D" }]),
      msg("user", [
        { type: "text", text: "Look" },
        { type: "image", origin: "input", url: "https://e.com/a.png", detail: "low" },
        { type: "image", origin: "input", data: "iVBO", mediaType: "image/png" },
        { type: "image", origin: "input", fileId: "file_img" },
        { type: "file", mediaType: "application/pdf", data: "JVBE", filename: "a.pdf" },
        { type: "file", mediaType: "application/pdf", fileId: "file_1" },
        { type: "file", mediaType: "application/pdf", url: "https://e.com/a.pdf" },
      ]),
    ]);
    expect(warnings).toEqual([]);
    expect(value).toEqual([
      { type: "message", role: "system", content: "S" },
      { type: "message", role: "developer", content: "D" },
      {
        type: "message",
        role: "user",
        content: [
          { type: "input_text", text: "Look" },
          { type: "input_image", image_url: "https://e.com/a.png", detail: "low" },
          { type: "input_image", image_url: "data:image/png;base64,iVBO", detail: "auto" },
          { type: "input_image", file_id: "file_img", detail: "auto" },
          { type: "input_file", file_data: "data:application/pdf;base64,JVBE", filename: "a.pdf" },
          { type: "input_file", file_id: "file_1" },
          { type: "input_file", file_url: "https://e.com/a.pdf" },
        ],
      },
    ]);
  });

  it("refuses audio input (the API takes none), naming the part", () => {
    expect(() =>
      toResponsesInput([
        msg("user", [{ type: "audio", origin: "input", data: "UklG", format: "wav" }]),
      ]),
    ).toThrow(/^toResponsesInput: messages\[0\]\.parts\[0\]\.data \(an audio part\): /);
  });

  it("sends reasoning, tool calls with their outputs, and text as items in order", () => {
    const parts: Part[] = [
      { type: "reasoning", id: "rs_1", summary: [{ text: "hmm" }], encryptedContent: "enc" },
      {
        type: "tool-call",
        kind: "function",
        state: "output-available",
        toolCallId: "c1",
        toolName: "weather",
        inputText: '{"c":"P"}',
        input: { c: "P" },
        output: "20C",
        itemId: "fc_1",
      },
      {
        type: "tool-call",
        kind: "custom",
        state: "output-error",
        toolCallId: "c2",
        toolName: "sql",
        inputText: "SELECT",
        input: "SELECT",
        errorText: "bad sql",
        itemId: "ctc_1",
      },
      {
        type: "tool-call",
        kind: "function",
        state: "input-available",
        toolCallId: "c3",
        toolName: "later",
        inputText: "{}",
        input: {},
      },
      {
        type: "text",
        text: "It is 20C.",
        itemId: "msg_1",
        phase: "final_answer",
        annotations: [
          { type: "url_citation", url: "https://w", title: "W", startIndex: 0, endIndex: 2 },
        ],
      },
      { type: "refusal", refusal: "No more.", itemId: "msg_1" },
    ];
    const { value, warnings } = toResponsesInput([msg("assistant", parts)]);
    expect(warnings).toEqual([]);
    expect(value).toEqual([
      {
        type: "reasoning",
        id: "rs_1",
        summary: [{ type: "summary_text", text: "hmm" }],
        encrypted_content: "enc",
      },
      { type: "function_call", id: "fc_1", call_id: "c1", name: "weather", arguments: '{"c":"P"}' },
      { type: "custom_tool_call", id: "ctc_1", call_id: "c2", name: "sql", input: "SELECT" },
      { type: "function_call", call_id: "c3", name: "later", arguments: "{}" },
      { type: "function_call_output", call_id: "c1", output: "20C" },
      { type: "custom_tool_call_output", call_id: "c2", output: "bad sql" },
      {
        type: "message",
        role: "assistant",
        id: "msg_1",
        status: "completed",
        phase: "final_answer",
        content: [
          {
            type: "output_text",
            text: "It is 20C.",
            annotations: [
              { type: "url_citation", url: "https://w", title: "W", start_index: 0, end_index: 2 },
            ],
          },
          { type: "refusal", refusal: "No more." },
        ],
      },
    ]);
  });

  it("sends assistant text without an item id as a message without id", () => {
    expect(toResponsesInput([msg("assistant", [{ type: "text", text: "Hi" }])]).value).toEqual([
      {
        type: "message",
        role: "assistant",
        content: [{ type: "output_text", text: "Hi", annotations: [] }],
      },
    ]);
  });

  it("sends built-in items back verbatim, with computer screenshots and MCP decisions after them", () => {
    const webSearch = {
      type: "web_search_call",
      id: "ws_1",
      status: "completed",
      action: { type: "search", query: "q" },
    };
    const { value, warnings } = toResponsesInput([
      msg("assistant", [
        { type: "web-search-call", id: "ws_1", state: "completed", item: webSearch as never },
        {
          type: "computer-call",
          id: "cu_1",
          state: "completed",
          item: computerCallItem as never,
          output: {
            imageUrl: "data:image/png;base64,iVBO",
            acknowledgedSafetyChecks: [{ id: "sc_1", code: "c", message: "m" }],
          },
        },
        {
          type: "mcp-approval-request",
          id: "mcpr_1",
          state: "completed",
          item: approvalRequestItem,
          decision: { approve: false, reason: "not now" },
        },
        { type: "compaction", id: "cmp_1", state: "completed", item: compactionItem },
        { type: "image", origin: "generated", id: "ig_1", data: "AAAA", state: "complete" },
        {
          type: "unknown",
          originalType: "program",
          raw: { type: "program", id: "prog_1", code: "x" },
          id: "prog_1",
        },
        { type: "unknown", originalType: "output_audio", raw: { type: "output_audio" } },
      ]),
    ]);
    expect(value).toEqual([
      webSearch,
      computerCallItem,
      {
        type: "computer_call_output",
        call_id: "call_cu_1",
        output: { type: "computer_screenshot", image_url: "data:image/png;base64,iVBO" },
        acknowledged_safety_checks: [{ id: "sc_1", code: "c", message: "m" }],
      },
      approvalRequestItem,
      {
        type: "mcp_approval_response",
        approval_request_id: "mcpr_1",
        approve: false,
        reason: "not now",
      },
      compactionItem,
      { type: "image_generation_call", id: "ig_1", status: "completed", result: "AAAA" },
      { type: "program", id: "prog_1", code: "x" },
    ]);
    expect(warnings.map((w) => [w.code, w.partType])).toEqual([["unknown-part", "unknown"]]);
  });

  it("with previousResponseId sends only what follows the last stored response, plus its client results", () => {
    const { value } = toResponsesInput(
      [
        msg("user", [{ type: "text", text: "old" }]),
        msg("assistant", [{ type: "text", text: "old answer" }], { responseId: "resp_0" }),
        msg("user", [{ type: "text", text: "Weather?" }]),
        msg(
          "assistant",
          [
            { type: "reasoning", id: "rs_1", summary: [] },
            {
              type: "tool-call",
              kind: "function",
              state: "output-available",
              toolCallId: "c1",
              toolName: "weather",
              inputText: "{}",
              input: {},
              output: "sunny",
            },
            {
              type: "mcp-approval-request",
              id: "mcpr_1",
              state: "completed",
              item: approvalRequestItem,
              decision: { approve: true },
            },
          ],
          { responseId: "resp_1" },
        ),
        msg("user", [{ type: "text", text: "Thanks" }]),
      ],
      { previousResponseId: "resp_1" },
    );
    expect(value).toEqual([
      { type: "function_call_output", call_id: "c1", output: "sunny" },
      { type: "mcp_approval_response", approval_request_id: "mcpr_1", approve: true },
      { type: "message", role: "user", content: [{ type: "input_text", text: "Thanks" }] },
    ]);
  });

  it("drops reasoning without an id with a warning", () => {
    const { value, warnings } = toResponsesInput([
      msg("assistant", [{ type: "reasoning", summary: [], text: "x" }]),
    ]);
    expect(value).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(["reasoning-dropped"]);
  });
});
