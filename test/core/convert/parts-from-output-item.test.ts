import { describe, expect, it } from "vitest";
import {
  annotationFromWire,
  logprobFromWire,
  partsFromOutputItem,
} from "../../../src/core/convert/parts-from-output-item.js";

describe("partsFromOutputItem", () => {
  it("maps a message to text and refusal parts with annotations, logprobs and phase", () => {
    const parts = partsFromOutputItem({
      type: "message",
      id: "msg_1",
      role: "assistant",
      status: "completed",
      phase: "final_answer",
      content: [
        {
          type: "output_text",
          text: "See example.",
          annotations: [
            {
              type: "url_citation",
              url: "https://e.com",
              title: "E",
              start_index: 4,
              end_index: 11,
            },
            { type: "file_citation", file_id: "file_1", filename: "a.pdf", index: 3 },
          ],
          logprobs: [
            {
              token: "See",
              logprob: -0.1,
              bytes: [83, 101, 101],
              top_logprobs: [{ token: "Look", logprob: -2, bytes: [] }],
            },
          ],
        },
        { type: "refusal", refusal: "No." },
      ],
    });
    expect(parts).toEqual([
      {
        type: "text",
        text: "See example.",
        annotations: [
          { type: "url_citation", url: "https://e.com", title: "E", startIndex: 4, endIndex: 11 },
          { type: "file_citation", fileId: "file_1", filename: "a.pdf", index: 3 },
        ],
        logprobs: [
          {
            token: "See",
            logprob: -0.1,
            bytes: [83, 101, 101],
            topLogprobs: [{ token: "Look", logprob: -2, bytes: [] }],
          },
        ],
        itemId: "msg_1",
        contentIndex: 0,
        phase: "final_answer",
      },
      { type: "refusal", refusal: "No.", itemId: "msg_1", contentIndex: 1 },
    ]);
    expect(parts[0]).not.toHaveProperty("state");
  });

  it("maps reasoning with summaries, reasoning text and encrypted content", () => {
    expect(
      partsFromOutputItem({
        type: "reasoning",
        id: "rs_1",
        summary: [{ type: "summary_text", text: "Thinking." }],
        content: [
          { type: "reasoning_text", text: "a" },
          { type: "reasoning_text", text: "b" },
        ],
        encrypted_content: "enc",
      }),
    ).toEqual([
      {
        type: "reasoning",
        id: "rs_1",
        summary: [{ text: "Thinking." }],
        text: "a\n\nb",
        encryptedContent: "enc",
      },
    ]);
  });

  it("maps function and custom tool calls to input-available tool-call parts", () => {
    expect(
      partsFromOutputItem({
        type: "function_call",
        id: "fc_1",
        call_id: "call_1",
        name: "w",
        arguments: '{"c":"P"}',
        status: "completed",
      }),
    ).toEqual([
      {
        type: "tool-call",
        kind: "function",
        state: "input-available",
        toolCallId: "call_1",
        toolName: "w",
        inputText: '{"c":"P"}',
        input: { c: "P" },
        itemId: "fc_1",
      },
    ]);
    const [bad] = partsFromOutputItem({
      type: "function_call",
      call_id: "c",
      name: "w",
      arguments: "{oops",
    });
    expect(bad).toMatchObject({ state: "input-available", input: undefined, inputText: "{oops" });
    expect(
      partsFromOutputItem({
        type: "custom_tool_call",
        id: "ctc_1",
        call_id: "call_2",
        name: "sql",
        input: "SELECT 1",
      }),
    ).toEqual([
      {
        type: "tool-call",
        kind: "custom",
        state: "input-available",
        toolCallId: "call_2",
        toolName: "sql",
        inputText: "SELECT 1",
        input: "SELECT 1",
        itemId: "ctc_1",
      },
    ]);
  });

  it("maps image generation to a generated image keeping the item", () => {
    const item = {
      type: "image_generation_call",
      id: "ig_1",
      status: "completed",
      result: "AAAA",
      output_format: "jpeg",
      revised_prompt: "a cat",
    };
    expect(partsFromOutputItem(item)).toEqual([
      {
        type: "image",
        origin: "generated",
        data: "AAAA",
        mediaType: "image/jpeg",
        state: "complete",
        revisedPrompt: "a cat",
        id: "ig_1",
        item,
      },
    ]);
    expect(partsFromOutputItem({ ...item, status: "generating", result: null })[0]).toMatchObject({
      state: "generating",
    });
    expect(partsFromOutputItem({ ...item, status: "failed" })[0]).toMatchObject({
      state: "failed",
    });
  });

  it.each([
    ["web_search_call", "web-search-call", "searching", "searching"],
    ["file_search_call", "file-search-call", "completed", "completed"],
    ["code_interpreter_call", "code-interpreter-call", "interpreting", "interpreting"],
    ["computer_call", "computer-call", "completed", "completed"],
    ["computer_call_output", "computer-call-output", "in_progress", "in-progress"],
    ["mcp_call", "mcp-call", "failed", "failed"],
    ["mcp_list_tools", "mcp-list-tools", undefined, "completed"],
    ["mcp_approval_request", "mcp-approval-request", undefined, "completed"],
    ["mcp_approval_response", "mcp-approval-response", undefined, "completed"],
    ["tool_search_call", "tool-search-call", "completed", "completed"],
    ["tool_search_output", "tool-search-output", "incomplete", "incomplete"],
    ["shell_call", "shell-call", "in_progress", "in-progress"],
    ["local_shell_call", "shell-call", "completed", "completed"],
    ["shell_call_output", "shell-call-output", "completed", "completed"],
    ["local_shell_call_output", "shell-call-output", "completed", "completed"],
    ["apply_patch_call", "apply-patch-call", "completed", "completed"],
    ["apply_patch_call_output", "apply-patch-call-output", "completed", "completed"],
    ["compaction", "compaction", undefined, "completed"],
    ["image_generation_call_future", undefined, undefined, undefined],
  ])("maps %s to %s", (wireType, partType, status, state) => {
    const item = { type: wireType, id: "x_1", ...(status ? { status } : {}) };
    const [part] = partsFromOutputItem(item);
    if (partType === undefined) {
      expect(part).toEqual({ type: "unknown", originalType: wireType, raw: item, id: "x_1" });
    } else {
      expect(part).toEqual({ type: partType, id: "x_1", state, item });
      expect((part as { item: unknown }).item).toBe(item);
    }
  });

  it("keeps function_call_output items and unknown content as unknown parts", () => {
    const item = { type: "function_call_output", call_id: "c", output: "1" };
    expect(partsFromOutputItem(item)).toEqual([
      { type: "unknown", originalType: "function_call_output", raw: item },
    ]);
    const [part] = partsFromOutputItem({
      type: "message",
      id: "m",
      content: [{ type: "output_audio", data: "x" }],
    });
    expect(part).toEqual({
      type: "unknown",
      originalType: "output_audio",
      raw: { type: "output_audio", data: "x" },
      id: "m",
    });
  });
});

describe("annotationFromWire", () => {
  it("reads the nested Chat Completions shape", () => {
    expect(
      annotationFromWire({
        type: "url_citation",
        url_citation: { url: "https://a", title: "A", start_index: 1, end_index: 2 },
      }),
    ).toEqual({ type: "url_citation", url: "https://a", title: "A", startIndex: 1, endIndex: 2 });
  });
  it("maps container file citations and file paths", () => {
    expect(
      annotationFromWire({
        type: "container_file_citation",
        container_id: "cntr",
        file_id: "cfile",
        filename: "x.png",
        start_index: 0,
        end_index: 5,
      }),
    ).toEqual({
      type: "container_file_citation",
      containerId: "cntr",
      fileId: "cfile",
      filename: "x.png",
      startIndex: 0,
      endIndex: 5,
    });
    expect(annotationFromWire({ type: "file_path", file_id: "f", index: 2 })).toEqual({
      type: "file_path",
      fileId: "f",
      index: 2,
    });
  });
  it("keeps unknown annotations verbatim", () => {
    const raw = { type: "geo_pin", lat: 1 };
    expect(annotationFromWire(raw)).toEqual({ type: "unknown", raw });
  });
});

describe("logprobFromWire", () => {
  it("renames top_logprobs and leaves absent fields absent", () => {
    expect(logprobFromWire({ token: "a", logprob: -1 })).toEqual({ token: "a", logprob: -1 });
    expect(logprobFromWire({ token: "a", logprob: -1, bytes: null, top_logprobs: [] })).toEqual({
      token: "a",
      logprob: -1,
      bytes: null,
      topLogprobs: [],
    });
  });
});
