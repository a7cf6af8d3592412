import { afterEach, describe, expect, it, vi } from "vitest";
import { createChatClient } from "../../../src/core/client/create-chat-client.js";
import { createMessageId } from "../../../src/core/model/create.js";

const textStream = [
  `data: ${JSON.stringify({ id: "chatcmpl-1", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { role: "assistant", content: "Hi" }, finish_reason: null }] })}\n\n`,
  `data: ${JSON.stringify({ id: "chatcmpl-1", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: {}, finish_reason: "stop" }] })}\n\n`,
  "data: [DONE]\n\n",
].join("");

describe("message ids outside secure contexts", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("are still unique when crypto.randomUUID is missing (plain http on a LAN address)", () => {
    vi.stubGlobal("crypto", {});
    const ids = new Set(Array.from({ length: 1000 }, () => createMessageId()));
    expect(ids.size).toBe(1000);
  });

  it("let the client answer when crypto.randomUUID is missing", async () => {
    vi.stubGlobal("crypto", {});
    const client = createChatClient({
      baseURL: "http://127.0.0.1:9/v1",
      api: "chat",
      model: "m",
      fetch: async () =>
        new Response(textStream, { headers: { "content-type": "text/event-stream" } }),
    });
    const message = await client.invoke("Hello");
    expect(message.parts).toMatchObject([{ type: "text", text: "Hi" }]);
  });
});
