import { afterEach, describe, expect, it } from "vitest";
import { page, userEvent } from "vitest/browser";
import { Chat } from "../../src/ui/index.js";
import { encodeWav } from "../../src/core/model/wav.js";
import { axeViolations, mount, type Mounted } from "./component-harness.js";
import { recordingEmulator } from "./emulator-fetch.js";

let mounted: Mounted | undefined;

afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

async function until<T>(read: () => T | null | undefined, what: string, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Saves the composer to test-results/screenshots/<name>.png. The frame is sized first: the
 * chat's height follows the viewport, so a box measured before resizing would be stale.
 */
async function screenshotComposer(root: HTMLElement, name: string): Promise<void> {
  await page.viewport(640, 480);
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const form = root.querySelector("form")!;
  await page.screenshot({ element: form, path: `../../test-results/screenshots/${name}.png` });
}

type ContentPart = { type: string; input_audio?: { data: string; format: string } };

function lastUserContent(body: Record<string, unknown>): ContentPart[] {
  const messages = body.messages as { role: string; content: string | ContentPart[] }[];
  const user = messages.filter((m) => m.role === "user").at(-1)!;
  return typeof user.content === "string" ? [{ type: "text" }] : user.content;
}

function audioChat(api: "chat" | "responses", emulator = recordingEmulator()) {
  return {
    emulator,
    node: (
      <Chat
        endpoint="http://127.0.0.1/v1"
        model="gpt-4o-audio-preview"
        api={api}
        theme="light"
        messageActions={false}
        chatOptions={{ fetch: emulator.fetch, storage: null }}
      />
    ),
  };
}

describe("<Chat> audio input (Chromium, fake microphone)", () => {
  it("records from the microphone and sends the recording as input_audio wav", async () => {
    const { emulator, node } = audioChat("chat");
    mounted = await mount(node, "light", 560);
    const root = mounted.root;
    const record = await until(
      () => root.querySelector<HTMLButtonElement>('button[aria-label="Record audio"]'),
      "the record button",
    );
    const box = record.getBoundingClientRect();
    expect(box.width).toBeGreaterThanOrEqual(40);
    expect(box.height).toBeGreaterThanOrEqual(40);
    await userEvent.click(root.querySelector("textarea")!);
    await userEvent.keyboard("What do you hear?");
    await userEvent.click(record);
    const timer = await until(
      () => root.querySelector<HTMLElement>('[role="timer"]'),
      "the recording timer",
    );
    await until(() => /Recording 0:01/.test(timer.textContent ?? ""), "a second recorded");
    const stop = root.querySelector<HTMLButtonElement>('button[aria-label="Stop recording"]')!;
    expect(stop).not.toBeNull();
    expect(await axeViolations(root)).toEqual([]);
    await screenshotComposer(root, "composer-recording");
    await userEvent.click(stop);
    const chip = await until(
      () => root.querySelector<HTMLElement>('.colloquy-attachment[data-kind="audio"]'),
      "the audio chip",
    );
    expect(chip.textContent).toMatch(/recording-.*\.wav/);
    await until(() => chip.querySelector("audio")?.getAttribute("src"), "the chip's player");
    expect(root.querySelector('[role="timer"]')).toBeNull();
    expect(root.querySelector("textarea")!.value).toBe("What do you hear?");
    expect(await axeViolations(root)).toEqual([]);
    await screenshotComposer(root, "composer-audio-attachment");

    await userEvent.click(root.querySelector<HTMLButtonElement>('button[aria-label="Send"]')!);
    await until(() => emulator.bodies.length > 0, "the request");
    const content = lastUserContent(emulator.bodies[0]!);
    expect(content[0]).toEqual({ type: "text", text: "What do you hear?" });
    const audio = content.find((part) => part.type === "input_audio")!;
    expect(audio.input_audio!.format).toBe("wav");
    expect(audio.input_audio!.data.length).toBeGreaterThan(1000);
    const bytes = atob(audio.input_audio!.data);
    expect(bytes.slice(0, 4)).toBe("RIFF");
    expect(bytes.slice(8, 12)).toBe("WAVE");
    // The emulator answers the audio turn, and the user's message plays its recording.
    await until(
      () => root.querySelector('.colloquy-message[data-role="assistant"][data-state="complete"]'),
      "the answer",
    );
    await until(
      () => root.querySelector('.colloquy-message[data-role="user"] audio[src]'),
      "the sent recording's player",
    );
  });

  it("sends an attached WAV file as input_audio", async () => {
    const { emulator, node } = audioChat("chat");
    mounted = await mount(node, "light", 560);
    const root = mounted.root;
    const tone = new Float32Array(2400).map((_, i) => Math.sin(i / 5) * 0.5);
    const file = new File([encodeWav(tone, 24_000)], "tone.wav", { type: "audio/wav" });
    await userEvent.upload(root.querySelector<HTMLInputElement>('input[type="file"]')!, file);
    const chip = await until(
      () => root.querySelector<HTMLElement>('.colloquy-attachment[data-kind="audio"]'),
      "the audio chip",
    );
    expect(chip.textContent).toContain("tone.wav");
    await userEvent.click(root.querySelector<HTMLButtonElement>('button[aria-label="Send"]')!);
    await until(() => emulator.bodies.length > 0, "the request");
    const audio = lastUserContent(emulator.bodies[0]!).find((part) => part.type === "input_audio");
    expect(audio?.input_audio?.format).toBe("wav");
    expect(atob(audio!.input_audio!.data).length).toBe(44 + 2400 * 2);
  });

  it("on the Responses API says audio cannot be sent, before recording, and keeps the text", async () => {
    const { emulator, node } = audioChat("responses");
    mounted = await mount(node, "light", 560);
    const root = mounted.root;
    const record = await until(
      () => root.querySelector<HTMLButtonElement>('button[aria-label="Record audio"]'),
      "the record button",
    );
    await userEvent.click(root.querySelector("textarea")!);
    await userEvent.keyboard("Hello");
    await userEvent.click(record);
    const alert = await until(() => root.querySelector('[role="alert"]'), "the refusal");
    expect(alert.textContent).toContain("Responses API, which takes no audio");
    expect(alert.textContent).toContain("Type your message instead");
    expect(root.querySelector('[role="timer"]')).toBeNull();
    expect(root.querySelector("textarea")!.value).toBe("Hello");
    expect(emulator.bodies).toEqual([]);
    expect(await axeViolations(root)).toEqual([]);
  });
});
