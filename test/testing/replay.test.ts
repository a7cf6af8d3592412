import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureExchanges, capturesAvailable, capturesDir } from "../support/captures.js";
import { loadRecording, startEmulator, type RunningEmulator } from "../../src/testing/index.js";
import { emulator, finalChatCompletionOf, finalResponseOf, post, readAll } from "./support.js";

const available = capturesAvailable();

describe.skipIf(!available)("replay of recorded streams", () => {
  let running: RunningEmulator;
  let recordings: Record<string, string>;

  beforeAll(async () => {
    recordings = {
      "chat-text": captureExchanges("chat", "text-stream.sse")[0]!.sse!,
      "web-search": await loadRecording(
        join(capturesDir(), "responses", "web-search-url-citations.chunks.jsonl"),
      ),
      "chat-usage": await loadRecording(
        join(capturesDir(), "chat", "text-stream-usage.chunks.jsonl"),
      ),
    };
    running = await startEmulator({ recordings });
  });
  afterAll(() => running?.close());

  it("streams the recorded bytes exactly, over HTTP", async () => {
    for (const [name, text] of Object.entries(recordings)) {
      const path = name.startsWith("chat") ? "chat/completions" : "responses";
      const response = await fetch(`${running.url}/${path}`, {
        method: "POST",
        headers: { "x-colloquy-scenario": `replay:${name}` },
        body: JSON.stringify({
          model: "gpt-4o-mini",
          stream: true,
          ...(path === "responses" ? {} : { messages: [{ role: "user", content: "hi" }] }),
        }),
      });
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(response.status).toBe(200);
      expect(bytes.length).toBe(new TextEncoder().encode(text).length);
      expect(new TextDecoder().decode(bytes)).toBe(text);
    }
  });

  it("reads .chunks.jsonl like the shared reader does", async () => {
    expect(recordings["web-search"]).toBe(
      captureExchanges("responses", "web-search-url-citations.chunks.jsonl")[0]!.sse,
    );
  });

  it("is picked by a [scenario:replay:name] directive too, and parses", async () => {
    const handler = emulator({ recordings });
    const response = await post(handler, "/v1/responses", {
      model: "gpt-4o-mini",
      input: "[scenario:replay:web-search]",
      stream: true,
    });
    const final = await finalResponseOf(response);
    expect(final.status).toBe("completed");
    const chat = await post(handler, "/v1/chat/completions", {
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "[scenario:replay:chat-text]" }],
      stream: true,
    });
    expect((await finalChatCompletionOf(chat)).choices[0]!.message.content).toBeTruthy();
  });

  it("applies faults to replays", async () => {
    const handler = emulator({ recordings });
    const response = await post(
      handler,
      "/v1/chat/completions",
      { model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }], stream: true },
      { "x-colloquy-scenario": "replay:chat-text", "x-colloquy-fault": "disconnect-after=2" },
    );
    const { text, error } = await readAll(response.body!);
    expect(error).toBeDefined();
    expect(recordings["chat-text"]!.startsWith(text)).toBe(true);
  });
});

describe("replay without a recording", () => {
  it("says which recording is missing and how to pass it", async () => {
    const response = await post(
      emulator(),
      "/v1/responses",
      { model: "gpt-4o-mini", stream: true },
      { "x-colloquy-scenario": "replay:nope" },
    );
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      "recordings",
    );
  });
});
