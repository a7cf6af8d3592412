import { describe, expect, it } from "vitest";
import {
  checkAttachment,
  defaultAttachmentLimits,
  readAttachments,
} from "../../../src/core/chat/attachments.js";
import { toChatCompletionsMessages } from "../../../src/core/convert/to-chat-completions-messages.js";
import { toResponsesInput } from "../../../src/core/convert/to-responses-input.js";
import { inputAudioFormat } from "../../../src/core/model/audio-format.js";
import { msg } from "../convert/fixtures.js";

const wavBytes = new Uint8Array([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4]);

describe("audio attachments", () => {
  it("names the input_audio format of the MIME types browsers give WAV and MP3 files", () => {
    expect(inputAudioFormat("audio/wav")).toBe("wav");
    expect(inputAudioFormat("audio/x-wav")).toBe("wav");
    expect(inputAudioFormat("audio/mpeg")).toBe("mp3");
    expect(inputAudioFormat("audio/webm")).toBeUndefined();
    expect(inputAudioFormat("audio/ogg")).toBeUndefined();
  });

  it("reads a WAV file into an input audio part that Chat Completions sends as input_audio", async () => {
    const file = new File([wavBytes], "note.wav", { type: "audio/wav" });
    const { parts, errors } = await readAttachments([file], defaultAttachmentLimits);
    expect(errors).toEqual([]);
    expect(parts).toEqual([
      {
        type: "audio",
        origin: "input",
        data: btoa(String.fromCharCode(...wavBytes)),
        format: "wav",
      },
    ]);
    const { value, warnings } = toChatCompletionsMessages([
      msg("user", [{ type: "text", text: "What is said?" }, ...parts]),
    ]);
    expect(warnings).toEqual([]);
    expect(value).toEqual([
      {
        role: "user",
        content: [
          { type: "text", text: "What is said?" },
          {
            type: "input_audio",
            input_audio: { data: btoa(String.fromCharCode(...wavBytes)), format: "wav" },
          },
        ],
      },
    ]);
  });

  it("reads an MP3 file as format mp3", async () => {
    const file = new File([new Uint8Array([0xff, 0xfb, 0x90])], "song.mp3", { type: "audio/mpeg" });
    const { parts } = await readAttachments([file], defaultAttachmentLimits);
    expect(parts).toEqual([{ type: "audio", origin: "input", data: "//uQ", format: "mp3" }]);
  });

  it("refuses a webm recording by default, naming WAV and MP3 among the accepted types", () => {
    const file = new File([new Uint8Array([1])], "voice.webm", { type: "audio/webm" });
    const error = checkAttachment(file, defaultAttachmentLimits);
    expect(error?.reason).toBe("type");
    expect(error?.message).toContain("audio/wav");
    expect(error?.message).toContain("audio/mpeg");
  });

  it("refuses an audio file over the file limit", () => {
    const file = new File([new Uint8Array(20)], "long.wav", { type: "audio/wav" });
    expect(checkAttachment(file, { ...defaultAttachmentLimits, maxFileBytes: 10 })?.reason).toBe(
      "size",
    );
  });

  it("refuses, naming the part and what to do, when audio goes to the Responses API (which takes none)", () => {
    const send = () =>
      toResponsesInput([
        msg("user", [{ type: "audio", origin: "input", data: "UklG", format: "wav" }]),
      ]);
    expect(send).toThrow(
      expect.objectContaining({
        code: "invalid_input",
        message: expect.stringMatching(/messages\[0\]\.parts\[0\]\.data.*Chat Completions/),
      }),
    );
  });
});
