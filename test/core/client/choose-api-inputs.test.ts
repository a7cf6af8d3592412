import { describe, expect, it } from "vitest";
import { chooseApi } from "../../../src/core/client/choose-api.js";
import { toMessages } from "../../../src/core/convert/to-messages.js";

/**
 * `api: "auto"` sends a conversation to the API that can carry its inputs: Chat Completions
 * refuses an image given only as a file id and a file given only as a URL, so auto picks the
 * Responses API for them instead of an error (or, before, a dropped attachment).
 */
describe("api auto and the inputs only the Responses API takes", () => {
  it.each([
    ["an image given only as a file id", { type: "image", id: "file-abc" }],
    ["a file given only as a URL", { type: "file", url: "https://example.com/a.pdf" }],
  ])("%s goes to the Responses API", (_name, block) => {
    const messages = toMessages([
      { role: "user", content: [{ type: "text", text: "see" }, block] },
    ]);
    expect(chooseApi("auto", messages, {})).toBe("responses");
  });

  it.each([
    ["an image by URL", { type: "image", url: "https://example.com/cat.png" }],
    ["a file by id", { type: "file", id: "file-xyz" }],
    ["audio by base64", { type: "audio", base64: "UklGRg==", mime_type: "audio/wav" }],
  ])("%s stays on Chat Completions", (_name, block) => {
    const messages = toMessages([{ role: "user", content: [block] }]);
    expect(chooseApi("auto", messages, {})).toBe("chat");
  });
});
