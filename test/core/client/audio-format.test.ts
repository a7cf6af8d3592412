import { describe, expect, it } from "vitest";
import { capturesAvailable } from "../../support/captures.js";
import { createChatClient } from "../../../src/core/client/create-chat-client.js";
import { withAudioFormat } from "../../../src/core/model/audio-format.js";
import type { Message } from "../../../src/core/model/message.js";
import { fakeFetch } from "./support/fake-fetch.js";
import { recordedSse } from "./support/recordings.js";

describe.runIf(capturesAvailable())("the audio part's format", () => {
  it("carries the format the request chose, on the recorded audio stream", async () => {
    const server = fakeFetch([{ sse: recordedSse("chat", "audio-output-stream.session.json") }]);
    const client = createChatClient(
      { baseURL: "https://api.test/v1", model: "gpt-audio-1.5", api: "chat", fetch: server.fetch },
      {},
    );
    const message = await client.invoke("Say the exact word 'hello' and nothing else.", {
      modalities: ["text", "audio"],
      audio: { voice: "ash", format: "pcm16" },
    });
    const audio = message.parts.find((part) => part.type === "audio");
    expect(audio).toMatchObject({ origin: "output", format: "pcm16" });
    expect(audio?.type === "audio" && audio.data!.length).toBeGreaterThan(0);
  });
});

describe("withAudioFormat", () => {
  const message: Message = {
    id: "m",
    role: "assistant",
    status: "complete",
    metadata: {},
    parts: [
      { type: "text", text: "hi" },
      { type: "audio", origin: "output", data: "AAAA" },
      { type: "audio", origin: "output", data: "BBBB", format: "mp3" },
    ],
  };

  it("fills in only the audio that does not say its format", () => {
    const stamped = withAudioFormat(message, "wav");
    expect(stamped.parts.map((part) => (part.type === "audio" ? part.format : part.type))).toEqual([
      "text",
      "wav",
      "mp3",
    ]);
  });

  it("returns the same message when there is nothing to stamp", () => {
    expect(withAudioFormat(message, undefined)).toBe(message);
    const done = withAudioFormat(message, "wav");
    expect(withAudioFormat(done, "wav")).toBe(done);
  });
});
