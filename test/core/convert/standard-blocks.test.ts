import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
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

function both(content: unknown[]) {
  const messages = toMessages([{ role: "user", content }]);
  return {
    messages,
    chat: toChatCompletionsMessages(messages),
    responses: toResponsesInput(messages),
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
    const { chat, responses } = both([
      { type: "image", url: "https://example.com/cat.png" },
      { type: "image", id: "file-abc" },
    ]);
    expect(chat.value[0]).toMatchObject({
      content: [{ type: "image_url", image_url: { url: "https://example.com/cat.png" } }],
    });
    // Chat cannot take an image by file id: said in a warning, not dropped silently.
    expect(chat.warnings.map((w) => w.code)).toEqual(["unsupported-image"]);
    expect(responses.value[0]).toMatchObject({
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

  it("audio by base64 (audio/wav) is Chat's input_audio in wav", () => {
    const { chat } = both([{ type: "audio", mime_type: "audio/wav", base64: "UklGRg==" }]);
    expect(chat.warnings).toEqual([]);
    expect(chat.value[0]).toMatchObject({
      content: [{ type: "input_audio", input_audio: { data: "UklGRg==", format: "wav" } }],
    });
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

describe("property: LangChain-shaped messages convert without loss on both APIs, or fail naming the block", () => {
  const mime = fc.constantFrom("image/png", "image/jpeg");
  const base64 = fc.base64String({ minLength: 4, maxLength: 24 }).filter((s) => s.length > 0);
  const url = fc.webUrl();
  const block = fc.oneof(
    fc.record({ type: fc.constant("text"), text: fc.string({ minLength: 1 }) }),
    fc.record({ type: fc.constant("image"), base64, mime_type: mime }),
    fc.record({ type: fc.constant("image"), url }),
    fc.record({
      type: fc.constant("file"),
      base64,
      mime_type: fc.constant("application/pdf"),
      filename: fc.constant("doc.pdf"),
    }),
    fc.record({ type: fc.constant("file"), id: fc.string({ minLength: 1 }) }),
    fc.record({ type: fc.constant("audio"), base64, mime_type: fc.constant("audio/wav") }),
    // Blocks that cannot be sent: each must be an error naming its place.
    fc.record({ type: fc.constantFrom("image", "file", "audio") }),
    fc.record({ type: fc.constant("audio"), url }),
  );

  /** What the block carries that must reach the wire. */
  function payload(b: Record<string, unknown>): string {
    return String(b.text ?? b.base64 ?? b.url ?? b.id);
  }

  it("carries every block's payload, or throws naming the first bad block", () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 6 }), (blocks) => {
        const bad = blocks.findIndex(
          (b) =>
            !("text" in b || "base64" in b || "url" in b || "id" in b) ||
            (b.type === "audio" && !("base64" in b)),
        );
        if (bad >= 0) {
          const error = errorOf(() => toMessages([{ role: "user", content: blocks }]));
          expect(error.message).toContain(`messages[0].content[${bad}]`);
          return;
        }
        const { chat, responses } = both(blocks);
        const chatText = JSON.stringify(chat.value);
        const responsesText = JSON.stringify(responses.value);
        for (const b of blocks as Record<string, unknown>[]) {
          const expected = JSON.stringify(payload(b)).slice(1, -1);
          // The Responses API takes no audio input (a warning says so); Chat takes all of these.
          expect(chatText).toContain(expected);
          if (b.type !== "audio") expect(responsesText).toContain(expected);
        }
        const dropped = (w: { code: string }) => w.code !== "unsupported-audio";
        expect(chat.warnings).toEqual([]);
        expect(responses.warnings.filter(dropped)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
