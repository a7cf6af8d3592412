import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { capturesAvailable, capturesDir } from "../../support/captures.js";
import { messageFromResponse } from "../../../src/core/convert/message-from-response.js";
import { toChatCompletionsMessages } from "../../../src/core/convert/to-chat-completions-messages.js";
import { toMessages } from "../../../src/core/convert/to-messages.js";
import { toResponsesInput } from "../../../src/core/convert/to-responses-input.js";
import { ColloquyError } from "../../../src/core/errors.js";

const hasCaptures = capturesAvailable();
const B64 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

/** The content as one user message, and its request on each API (converted when read). */
function both(content: unknown[]) {
  const messages = toMessages([{ role: "user", content }]);
  return {
    messages,
    get chat() {
      return toChatCompletionsMessages(messages);
    },
    get responses() {
      return toResponsesInput(messages);
    },
  };
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

function recordedResponse(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(capturesDir(), "responses", file), "utf8")) as Record<
    string,
    unknown
  >;
}

describe("LangChain standard content blocks (documented multimodal examples)", () => {
  it("image by base64 and mime_type goes as a data URL on both APIs, with no warning", () => {
    const { chat, responses } = both([
      { type: "text", text: "Describe the image" },
      { type: "image", base64: B64, mime_type: "image/jpeg" },
    ]);
    expect(chat.warnings).toEqual([]);
    expect(chat.value[0]).toMatchObject({
      role: "user",
      content: [
        { type: "text", text: "Describe the image" },
        { type: "image_url", image_url: { url: `data:image/jpeg;base64,${B64}` } },
      ],
    });
    expect(responses.warnings).toEqual([]);
    expect(responses.value[0]).toMatchObject({
      content: [
        { type: "input_text" },
        { type: "input_image", image_url: `data:image/jpeg;base64,${B64}` },
      ],
    });
  });

  it("image by URL and by file id", () => {
    const converted = both([
      { type: "image", url: "https://example.com/cat.png" },
      { type: "image", id: "file-abc" },
    ]);
    expect(both([{ type: "image", url: "https://example.com/cat.png" }]).chat.value[0]).toEqual({
      role: "user",
      content: [{ type: "image_url", image_url: { url: "https://example.com/cat.png" } }],
    });
    // Chat cannot take an image by file id: an error naming the part, never a silent drop.
    expect(errorOf(() => converted.chat).message).toMatch(
      /^toChatCompletionsMessages: messages\[0\]\.parts\[1\]\.fileId \(an image part\): /,
    );
    expect(converted.responses.value[0]).toMatchObject({
      content: [
        { type: "input_image", image_url: "https://example.com/cat.png" },
        { type: "input_image", file_id: "file-abc" },
      ],
    });
  });

  it("file (PDF) by base64 with a filename is Chat's file part and Responses' input_file", () => {
    const { chat, responses } = both([
      { type: "file", base64: "JVBERi0=", mime_type: "application/pdf", filename: "my-file.pdf" },
    ]);
    expect(chat.value[0]).toMatchObject({
      content: [
        {
          type: "file",
          file: { filename: "my-file.pdf", file_data: "data:application/pdf;base64,JVBERi0=" },
        },
      ],
    });
    expect(responses.value[0]).toMatchObject({
      content: [
        {
          type: "input_file",
          filename: "my-file.pdf",
          file_data: "data:application/pdf;base64,JVBERi0=",
        },
      ],
    });
  });

  it("file by id and by URL (Responses), the older source_type form with metadata filename", () => {
    const { messages, responses } = both([
      { type: "file", id: "file-xyz" },
      { type: "file", url: "https://example.com/a.pdf", mime_type: "application/pdf" },
      {
        type: "file",
        source_type: "base64",
        data: "JVBERi0=",
        mime_type: "application/pdf",
        metadata: { filename: "old.pdf" },
      },
    ]);
    expect(messages[0]!.parts).toMatchObject([
      { type: "file", fileId: "file-xyz" },
      { type: "file", url: "https://example.com/a.pdf", mediaType: "application/pdf" },
      { type: "file", data: "JVBERi0=", filename: "old.pdf", mediaType: "application/pdf" },
    ]);
    expect(responses.value[0]).toMatchObject({
      content: [
        { type: "input_file", file_id: "file-xyz" },
        { type: "input_file", file_url: "https://example.com/a.pdf" },
        { type: "input_file", filename: "old.pdf" },
      ],
    });
  });

  it("audio by base64 (audio/wav) is Chat's input_audio in wav; Responses refuses it by name", () => {
    const converted = both([{ type: "audio", mime_type: "audio/wav", base64: "UklGRg==" }]);
    expect(converted.chat.warnings).toEqual([]);
    expect(converted.chat.value[0]).toMatchObject({
      content: [{ type: "input_audio", input_audio: { data: "UklGRg==", format: "wav" } }],
    });
    expect(errorOf(() => converted.responses).message).toMatch(
      /^toResponsesInput: messages\[0\]\.parts\[0\]\.data \(an audio part\): the Responses API takes no audio input/,
    );
  });

  it("audio/mpeg is sent as mp3", () => {
    const { messages } = both([{ type: "audio", mime_type: "audio/mpeg", base64: "SUQz" }]);
    expect(messages[0]!.parts).toEqual([
      { type: "audio", origin: "input", data: "SUQz", format: "mp3" },
    ]);
  });
});

describe("standard blocks that cannot be sent fail naming the block and the field", () => {
  it.each([
    [{ type: "image" }, /content\[0\]: an image block needs 'url', 'base64' or 'id'/],
    [{ type: "file", filename: "x.pdf" }, /content\[0\]: a file block needs/],
    [
      { type: "image", base64: B64 },
      /content\[0\]\.mime_type: an image block given as base64 needs 'mime_type'/,
    ],
    [
      { type: "audio", url: "https://example.com/a.wav" },
      /content\[0\]\.url: audio input is sent as base64/,
    ],
    [{ type: "audio", id: "file-1" }, /content\[0\]\.id: audio input/],
    [
      { type: "audio", base64: "T2dnUw==", mime_type: "audio/ogg" },
      /content\[0\]\.mime_type: audio input is sent as wav or mp3 only/,
    ],
    [{ type: "file", source_type: "text", text: "hi" }, /content\[0\]\.source_type/],
  ])("%j", (block, message) => {
    const error = errorOf(() => toMessages([{ role: "user", content: [block] }]));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toMatch(message);
  });

  it("a block in a [role, content] tuple is named by its place in the tuple", () => {
    const error = errorOf(() => toMessages([["human", [{ type: "image" }]]]));
    expect(error.message).toMatch(/^messages\[0\]\[1\]\[0\]: /);
  });
});

describe("colloquy's own media parts still pass through as they are", () => {
  it("keeps an ImagePart with origin and a FilePart with mediaType", () => {
    const image = { type: "image", origin: "input", url: "https://example.com/x.png" };
    const file = { type: "file", mediaType: "application/pdf", data: "JVBERi0=" };
    const [message] = toMessages([{ role: "user", content: [image, file] }]);
    expect(message!.parts).toEqual([image, file]);
  });
});

describe.runIf(hasCaptures)(
  "item blocks in user content (documented flows over recordings)",
  () => {
    it("apply_patch_call_output written as a user content block is sent as the item", () => {
      const response = messageFromResponse(recordedResponse("apply-patch-call.json")).value;
      const messages = toMessages([
        { role: "user", content: "Create a shopping checklist" },
        response,
        [
          "human",
          [
            {
              type: "apply_patch_call_output",
              call_id: "call_CdXiGtcRl49Q6Ek20tG9lYOr",
              status: "completed",
              output: "Created shopping-checklist.md",
            },
          ],
        ],
      ]);
      const { value, warnings } = toResponsesInput(messages);
      expect(warnings).toEqual([]);
      expect(value.map((item) => (item as { type: string }).type)).toEqual([
        "message",
        "apply_patch_call",
        "apply_patch_call_output",
      ]);
      expect(value[2]).toMatchObject({
        type: "apply_patch_call_output",
        call_id: "call_CdXiGtcRl49Q6Ek20tG9lYOr",
        status: "completed",
        output: "Created shopping-checklist.md",
      });
    });

    it("tool_search_output as a HumanMessage block follows the recorded tool_search_call", () => {
      const response = messageFromResponse(
        recordedResponse("tool-search-client.1-search-call.json"),
      ).value;
      const tools = [
        {
          type: "function",
          name: "get_weather",
          description: "Get the current weather for a location.",
          parameters: { type: "object", properties: { location: { type: "string" } } },
          defer_loading: true,
        },
      ];
      const messages = toMessages([
        { role: "user", content: "What's the weather in San Francisco?" },
        response,
        {
          role: "user",
          content: [
            {
              type: "tool_search_output",
              execution: "client",
              call_id: "call_AEvXZ1rvYpxHh8QZb7wGlTGH",
              status: "completed",
              tools,
            },
          ],
        },
      ]);
      const { value } = toResponsesInput(messages);
      expect(value.map((item) => (item as { type: string }).type)).toEqual([
        "message",
        "tool_search_call",
        "tool_search_output",
      ]);
      expect(value[2]).toMatchObject({ call_id: "call_AEvXZ1rvYpxHh8QZb7wGlTGH", tools });
    });

    it("mcp_approval_response blocks in a user message become the recorded request's decision", () => {
      const response = messageFromResponse(recordedResponse("mcp-approval.1-request.json")).value;
      const request = response.parts.find((p) => p.type === "mcp-approval-request")!;
      const messages = toMessages([
        { role: "user", content: "Shorten https://example.com" },
        response,
        {
          role: "user",
          content: [
            { type: "mcp_approval_response", approve: true, approval_request_id: request.id },
          ],
        },
      ]);
      expect(messages).toHaveLength(2);
      const { value } = toResponsesInput(messages);
      expect(value.at(-1)).toMatchObject({
        type: "mcp_approval_response",
        approve: true,
        approval_request_id: request.id,
      });
    });

    it("text around item blocks stays a user message, in order", () => {
      const messages = toMessages([
        {
          role: "user",
          content: [
            { type: "text", text: "before" },
            { type: "mcp_approval_response", approve: false, approval_request_id: "mcpr_1" },
            { type: "text", text: "after" },
          ],
        },
      ]);
      expect(messages.map((m) => [m.role, m.parts.map((p) => p.type)])).toEqual([
        ["user", ["text"]],
        ["assistant", ["mcp-approval-response"]],
        ["user", ["text"]],
      ]);
    });
  },
);
