import { describe, expect, it } from "vitest";
import { BUILTIN_TOOL_PART_TYPES } from "../../../src/core/model/part-types.js";
import {
  isAudioPart,
  isBuiltinToolPart,
  isFilePart,
  isImagePart,
  isPartStreaming,
  isPartType,
  isReasoningPart,
  isRefusalPart,
  isTextPart,
  isToolCallPart,
  isUnknownPart,
  messageText,
  messageToolCalls,
} from "../../../src/core/model/guards.js";
import {
  createMessage,
  createMessageId,
  createTextMessage,
} from "../../../src/core/model/create.js";
import type { Part } from "../../../src/core/model/parts.js";

const text: Part = { type: "text", text: "Hello, " };
const refusal: Part = { type: "refusal", refusal: "No" };
const reasoning: Part = { type: "reasoning", summary: [] };
const image: Part = { type: "image", origin: "input", url: "https://e.com/a.png" };
const file: Part = { type: "file", mediaType: "application/pdf", fileId: "f" };
const audio: Part = { type: "audio", origin: "input", data: "x" };
const call: Part = {
  type: "tool-call",
  kind: "function",
  state: "input-streaming",
  toolCallId: "c",
  toolName: "t",
  inputText: "{",
};
const search: Part = {
  type: "web-search-call",
  id: "ws",
  state: "searching",
  item: { type: "web_search_call", id: "ws", status: "searching" } as never,
};
const unknown: Part = { type: "unknown", originalType: "x", raw: {} };
const all = [text, refusal, reasoning, image, file, audio, call, search, unknown];

describe("part guards", () => {
  it.each([
    ["isTextPart", isTextPart, text],
    ["isRefusalPart", isRefusalPart, refusal],
    ["isReasoningPart", isReasoningPart, reasoning],
    ["isImagePart", isImagePart, image],
    ["isFilePart", isFilePart, file],
    ["isAudioPart", isAudioPart, audio],
    ["isToolCallPart", isToolCallPart, call],
    ["isBuiltinToolPart", isBuiltinToolPart, search],
    ["isUnknownPart", isUnknownPart, unknown],
  ] as const)("%s accepts only its own kind", (_name, guard, own) => {
    expect(all.filter((part) => guard(part))).toEqual([own]);
  });

  it("isPartType narrows by any type string", () => {
    expect(all.filter((part) => isPartType(part, "web-search-call"))).toEqual([search]);
  });

  it("knows every built-in tool part type", () => {
    expect(BUILTIN_TOOL_PART_TYPES).toHaveLength(16);
    for (const type of BUILTIN_TOOL_PART_TYPES) {
      expect(isBuiltinToolPart({ type, id: "x", state: "completed", item: {} } as never)).toBe(
        true,
      );
    }
  });

  it("tells streaming parts from finished ones", () => {
    expect(all.filter(isPartStreaming)).toEqual([call, search]);
    expect(isPartStreaming({ ...text, state: "streaming" } as Part)).toBe(true);
    expect(isPartStreaming({ ...text, state: "done" } as Part)).toBe(false);
  });
});

describe("message helpers", () => {
  it("messageText joins text parts only", () => {
    expect(messageText({ parts: [text, refusal, { type: "text", text: "world" }] })).toBe(
      "Hello, world",
    );
    expect(messageText({ parts: [] })).toBe("");
  });

  it("messageToolCalls lists tool calls in order", () => {
    expect(messageToolCalls({ parts: all })).toEqual([call]);
  });

  it("createMessageId gives distinct ids", () => {
    const ids = new Set(Array.from({ length: 100 }, createMessageId));
    expect(ids.size).toBe(100);
  });

  it("createMessage fills defaults; createTextMessage holds one text part", () => {
    expect(createMessage({ role: "user", id: "m" })).toEqual({
      id: "m",
      role: "user",
      parts: [],
      metadata: {},
      status: "complete",
    });
    expect(createTextMessage("assistant", "Hi", "a")).toEqual({
      id: "a",
      role: "assistant",
      parts: [{ type: "text", text: "Hi" }],
      metadata: {},
      status: "complete",
    });
  });
});
