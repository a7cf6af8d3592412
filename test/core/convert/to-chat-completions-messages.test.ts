import { describe, expect, it } from "vitest";
import { toChatCompletionsMessages } from "../../../src/core/convert/to-chat-completions-messages.js";
import type { Part } from "../../../src/core/model/parts.js";
import { computerCallItem, msg } from "./fixtures.js";

describe("toChatCompletionsMessages", () => {
  it("sends system and developer messages under their roles, or all as one role", () => {
    const messages = [
      msg("system", [{ type: "text", text: "S" }]),
      msg("developer", [{ type: "text", text: "D" }]),
    ];
    expect(toChatCompletionsMessages(messages).value).toEqual([
      { role: "system", content: "S" },
      { role: "developer", content: "D" },
    ]);
    expect(toChatCompletionsMessages(messages, { systemRole: "system" }).value).toEqual([
      { role: "system", content: "S" },
      { role: "system", content: "D" },
    ]);
  });

  it("sends a lone user text as a string", () => {
    expect(toChatCompletionsMessages([msg("user", [{ type: "text", text: "Hi" }])]).value).toEqual([
      { role: "user", content: "Hi" },
    ]);
  });

  it("sends images, files and audio as content parts", () => {
    const { value, warnings } = toChatCompletionsMessages([
      msg("user", [
        { type: "text", text: "Look" },
        { type: "image", origin: "input", url: "https://e.com/a.png", detail: "high" },
        { type: "image", origin: "input", data: "iVBO", mediaType: "image/png" },
        { type: "file", mediaType: "application/pdf", data: "JVBE", filename: "a.pdf" },
        { type: "file", mediaType: "application/pdf", fileId: "file_1" },
        { type: "audio", origin: "input", data: "UklG", format: "mp3" },
      ]),
    ]);
    expect(warnings).toEqual([]);
    expect(value).toEqual([
      {
        role: "user",
        content: [
          { type: "text", text: "Look" },
          { type: "image_url", image_url: { url: "https://e.com/a.png", detail: "high" } },
          { type: "image_url", image_url: { url: "data:image/png;base64,iVBO" } },
          {
            type: "file",
            file: { file_data: "data:application/pdf;base64,JVBE", filename: "a.pdf" },
          },
          { type: "file", file: { file_id: "file_1" } },
          { type: "input_audio", input_audio: { data: "UklG", format: "mp3" } },
        ],
      },
    ]);
  });

  it("refuses images given only as file ids and files given only as URLs, naming part and field", () => {
    const image = { type: "image", origin: "input", fileId: "file_img" } as const;
    const file = {
      type: "file",
      mediaType: "application/pdf",
      url: "https://e.com/a.pdf",
    } as const;
    expect(() =>
      toChatCompletionsMessages([msg("user", [{ type: "text", text: "a" }, image])]),
    ).toThrow(
      /^toChatCompletionsMessages: messages\[0\]\.parts\[1\]\.fileId \(an image part\): .*use the Responses API/,
    );
    expect(() => toChatCompletionsMessages([msg("user", [file])])).toThrow(
      /^toChatCompletionsMessages: messages\[0\]\.parts\[0\]\.url \(a file part\): .*use the Responses API/,
    );
  });

  it("sends assistant text, refusal and tool calls, then the tool results after them", () => {
    const parts: Part[] = [
      { type: "reasoning", id: "rs_1", summary: [{ text: "hmm" }] },
      { type: "text", text: "Checking." },
      {
        type: "tool-call",
        kind: "function",
        state: "output-available",
        toolCallId: "c1",
        toolName: "weather",
        inputText: '{"c":"P"}',
        input: { c: "P" },
        output: { temp: 20 },
      },
      {
        type: "tool-call",
        kind: "custom",
        state: "output-error",
        toolCallId: "c2",
        toolName: "sql",
        inputText: "SELECT",
        input: "SELECT",
        errorText: "syntax error",
      },
      {
        type: "tool-call",
        kind: "function",
        state: "output-denied",
        toolCallId: "c3",
        toolName: "rm",
        inputText: "{}",
        input: {},
      },
      { type: "text", text: "It is 20." },
      { type: "refusal", refusal: "But no more." },
    ];
    const { value, warnings } = toChatCompletionsMessages([msg("assistant", parts)]);
    expect(value).toEqual([
      {
        role: "assistant",
        content: "Checking.",
        tool_calls: [
          { id: "c1", type: "function", function: { name: "weather", arguments: '{"c":"P"}' } },
          { id: "c2", type: "custom", custom: { name: "sql", input: "SELECT" } },
          { id: "c3", type: "function", function: { name: "rm", arguments: "{}" } },
        ],
      },
      { role: "tool", tool_call_id: "c1", content: '{"temp":20}' },
      { role: "tool", tool_call_id: "c2", content: "syntax error" },
      { role: "tool", tool_call_id: "c3", content: "The user denied this tool call." },
      { role: "assistant", content: "It is 20.", refusal: "But no more." },
    ]);
    expect(warnings.map((w) => w.code)).toEqual(["reasoning-dropped"]);
  });

  it("sends a refusal alone with null content, and output audio by id", () => {
    expect(
      toChatCompletionsMessages([
        msg("assistant", [{ type: "refusal", refusal: "No." }]),
        msg("assistant", [{ type: "audio", origin: "output", id: "audio_1", transcript: "Hi" }]),
      ]).value,
    ).toEqual([
      { role: "assistant", content: null, refusal: "No." },
      { role: "assistant", content: null, audio: { id: "audio_1" } },
    ]);
  });

  it("drops generated images and built-in tool items with warnings, never throwing", () => {
    const { value, warnings } = toChatCompletionsMessages([
      msg("assistant", [
        { type: "image", origin: "generated", data: "AAAA", state: "complete", id: "ig_1" },
        { type: "computer-call", id: "cu_1", state: "completed", item: computerCallItem as never },
        { type: "unknown", originalType: "future", raw: { type: "future" } },
        { type: "text", text: "Done" },
      ]),
    ]);
    expect(value).toEqual([{ role: "assistant", content: "Done" }]);
    expect(warnings.map((w) => [w.code, w.partType])).toEqual([
      ["unsupported-part", "image"],
      ["unsupported-part", "computer-call"],
      ["unsupported-part", "unknown"],
    ]);
  });
});

describe("toChatCompletionsMessages audio", () => {
  it("refuses audio in formats Chat does not take, naming the part's format", () => {
    expect(() =>
      toChatCompletionsMessages([
        msg("user", [{ type: "audio", origin: "input", data: "AAAA", format: "pcm16" }]),
      ]),
    ).toThrow(
      /^toChatCompletionsMessages: messages\[0\]\.parts\[0\]\.format \(an audio part\): .*'pcm16'/,
    );
  });
});

describe("toChatCompletionsMessages tool loops", () => {
  it("starts a new assistant step when a call numbered 0 follows answered calls", () => {
    const call = (id: string, index: number): Part => ({
      type: "tool-call",
      kind: "function",
      state: "output-available",
      toolCallId: id,
      toolName: "f",
      inputText: "{}",
      input: {},
      output: id,
      index,
    });
    const { value } = toChatCompletionsMessages([
      msg("assistant", [call("a", 0), call("b", 1), call("c", 0)]),
    ]);
    expect(
      value.map((m) => [m.role, "tool_calls" in m ? m.tool_calls?.length : undefined]),
    ).toEqual([
      ["assistant", 2],
      ["tool", undefined],
      ["tool", undefined],
      ["assistant", 1],
      ["tool", undefined],
    ]);
  });

  it("keeps extra fields of text parts, such as cache breakpoints", () => {
    const extra = { prompt_cache_breakpoint: { mode: "explicit" } };
    expect(
      toChatCompletionsMessages([
        msg("system", [{ type: "text", text: "S", extra }]),
        msg("user", [
          { type: "text", text: "U", extra },
          { type: "text", text: "V" },
        ]),
      ]).value,
    ).toEqual([
      { role: "system", content: [{ ...extra, type: "text", text: "S" }] },
      {
        role: "user",
        content: [
          { ...extra, type: "text", text: "U" },
          { type: "text", text: "V" },
        ],
      },
    ]);
  });
});
