import { beforeAll, describe, expect, it, vi } from "vitest";
import { render } from "@testing-library/react";
import type { AudioPart, Message as MessageModel } from "../../src/core/index.js";
import { Message } from "../../src/ui/message/message.js";
import { audioBlob } from "../../src/ui/message/audio-blob.js";
import { preloadPartViews } from "../../src/ui/message/index.js";

function answer(part: AudioPart): MessageModel {
  return { id: "a1", role: "assistant", parts: [part], metadata: {}, status: "complete" };
}

describe("audio in a message", () => {
  // The audio view loads on first use; fetched ahead so the first render draws it.
  beforeAll(() => preloadPartViews());

  it("plays a finished answer's audio in a player, with the transcript", () => {
    const created = vi.fn((_blob: Blob) => "blob:audio-1");
    URL.createObjectURL = created as typeof URL.createObjectURL;
    URL.revokeObjectURL = vi.fn();
    const { container } = render(
      <Message
        message={answer({
          type: "audio",
          origin: "output",
          data: btoa("\u0001\u0002\u0003\u0004"),
          format: "mp3",
          transcript: "Hello there.",
        })}
      />,
    );
    const player = container.querySelector("audio")!;
    expect(player.getAttribute("src")).toBe("blob:audio-1");
    expect(player.hasAttribute("controls")).toBe(true);
    expect(created.mock.calls[0]![0].type).toBe("audio/mpeg");
    expect(container.querySelector("figure")!.getAttribute("data-format")).toBe("mp3");
    expect(container.textContent).toContain("Hello there.");
  });

  it("shows no player while the audio streams, only the transcript so far", () => {
    URL.createObjectURL = vi.fn(() => "blob:x") as typeof URL.createObjectURL;
    const { container } = render(
      <Message
        message={{
          ...answer({
            type: "audio",
            origin: "output",
            data: "AAAA",
            transcript: "Hel",
            state: "streaming",
          }),
          status: "in-progress",
        }}
      />,
    );
    expect(container.querySelector("audio")).toBeNull();
    expect(container.textContent).toContain("Hel");
  });

  it("wraps raw pcm16 in a WAV header at 24 kHz so a browser can play it", async () => {
    const blob = audioBlob(btoa("\u0000\u0001\u0000\u0001"), "pcm16")!;
    expect(blob.type).toBe("audio/wav");
    // jsdom's Blob has no arrayBuffer(); FileReader reads it.
    const buffer = await new Promise<ArrayBuffer>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.readAsArrayBuffer(blob);
    });
    const bytes = new Uint8Array(buffer);
    expect(bytes.length).toBe(44 + 4);
    expect(String.fromCharCode(...bytes.slice(0, 4))).toBe("RIFF");
    expect(new DataView(bytes.buffer).getUint32(24, true)).toBe(24_000);
    expect(audioBlob("not base64!", "wav")).toBeUndefined();
  });
});
