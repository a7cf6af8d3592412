import { afterEach, describe, expect, it } from "vitest";
import type {
  ImagePart,
  Message as MessageModel,
  Part,
  ToolCallPart,
} from "../../src/core/index.js";
import { GeneratedImage, MessageList, ToolCall } from "../../src/ui/index.js";
import { PartPlaceholder } from "../../src/ui/message/deferred-part.js";
import {
  THEMES,
  axeViolations,
  imagesLoaded,
  mount,
  saveScreenshot,
  type Mounted,
} from "./component-harness.js";

let mounted: Mounted | undefined;
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

/** A small landscape PNG drawn here, so the test needs no recording. */
function drawnPng(width: number, height: number): string {
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d")!;
  const gradient = context.createLinearGradient(0, 0, width, height);
  gradient.addColorStop(0, "#3b82f6");
  gradient.addColorStop(1, "#f59e0b");
  context.fillStyle = gradient;
  context.fillRect(0, 0, width, height);
  return canvas.toDataURL("image/png").slice("data:image/png;base64,".length);
}

function conversation(): MessageModel[] {
  const generated: ImagePart = {
    type: "image",
    origin: "generated",
    state: "complete",
    id: "ig_1",
    data: drawnPng(300, 200),
    mediaType: "image/png",
    revisedPrompt: "A gradient from blue to amber",
    item: { size: "1536x1024" } as unknown as ImagePart["item"],
  };
  const toolCall: Part = {
    type: "tool-call",
    kind: "function",
    toolCallId: "call_1",
    toolName: "get_weather",
    inputText: '{"city":"Paris"}',
    state: "output-available",
    input: { city: "Paris" },
    output: { temperature: 18, sky: "clear" },
  };
  return [
    {
      id: "u1",
      role: "user",
      status: "complete",
      metadata: {},
      parts: [{ type: "text", text: "Draw me a gradient, and how is the weather in Paris?" }],
    },
    {
      id: "a1",
      role: "assistant",
      status: "complete",
      metadata: { usage: { inputTokens: 120, outputTokens: 48, totalTokens: 168 } },
      parts: [toolCall, generated, { type: "text", text: "It is **18 °C** and clear in Paris." }],
    },
  ];
}

const stillLoading = (root: Element) =>
  root.querySelector(".colloquy-part-placeholder, [data-state=loading]") !== null;

describe.each(THEMES)("parts loaded on first use (%s)", (theme) => {
  it("replace their placeholders with the finished renderers", async () => {
    mounted = await mount(
      <div style={{ height: 900 }}>
        <MessageList messages={conversation()} usage="compact" />
      </div>,
      theme,
    );
    const root = mounted.root;
    // The text is in the first paint whatever the network does.
    expect(root.textContent).toContain("and clear in Paris.");
    await expect.poll(() => stillLoading(root), { timeout: 10_000 }).toBe(false);
    await expect.poll(() => root.querySelector(".colloquy-token-usage") !== null).toBe(true);
    expect(
      root.querySelector('[role="group"][aria-label="Tool call: get_weather"]'),
    ).not.toBeNull();
    const image = root.querySelector<HTMLImageElement>(".colloquy-generated-image__img");
    expect(image?.alt).toBe("Generated image: A gradient from blue to amber");
    await imagesLoaded(root);
    expect(await axeViolations(root)).toEqual([]);
    await saveScreenshot(root, `message-deferred-parts-${theme}`);
  });

  it("holds a generated image's place at the size the image will take", async () => {
    const generating: ImagePart = {
      type: "image",
      origin: "generated",
      state: "generating",
      id: "ig_2",
      item: { size: "1536x1024" } as unknown as ImagePart["item"],
    };
    mounted = await mount(
      <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 12 }}>
        <div data-testid="placeholder">
          <PartPlaceholder part={generating} />
        </div>
        <div data-testid="final">
          <GeneratedImage part={generating} />
        </div>
      </div>,
      theme,
    );
    const frame = (id: string) =>
      mounted!.root
        .querySelector(`[data-testid=${id}] .colloquy-generated-image__frame`)!
        .getBoundingClientRect();
    const placeholder = frame("placeholder");
    const final = frame("final");
    expect(placeholder.width).toBeGreaterThan(0);
    expect(Math.round(placeholder.height)).toBe(Math.round(final.height));
    expect(Math.round(placeholder.width)).toBe(Math.round(final.width));
    expect(Math.abs(placeholder.height - (placeholder.width * 1024) / 1536)).toBeLessThan(1);
    expect(await axeViolations(mounted.root)).toEqual([]);
    await saveScreenshot(mounted.root, `part-placeholder-image-${theme}`);
  });

  it("holds a tool card's place with a frame of the card's height", async () => {
    const streaming: Part = {
      type: "tool-call",
      kind: "function",
      toolCallId: "call_2",
      toolName: "get_weather",
      inputText: '{"city": "Pa',
      state: "input-streaming",
    };
    mounted = await mount(
      <div style={{ display: "grid", gap: 12 }}>
        <PartPlaceholder part={streaming} />
        <ToolCall part={streaming as ToolCallPart} />
      </div>,
      theme,
    );
    await saveScreenshot(mounted.root, `part-placeholder-tool-${theme}`);
    const [placeholder, card] = [...mounted.root.querySelectorAll("main > div > *")].map(
      (element) => element.getBoundingClientRect(),
    );
    const header = mounted.root.querySelector(".colloquy-tool-card__header")!;
    const headerBox = header.getBoundingClientRect();
    expect(placeholder!.width).toBe(card!.width);
    // The card that replaces it fills the same header box and only grows below it.
    const cardWithHeaderOnly = headerBox.height + 2 * (headerBox.top - card!.top);
    expect(Math.abs(placeholder!.height - cardWithHeaderOnly)).toBeLessThan(3);
    expect(await axeViolations(mounted.root)).toEqual([]);
  });
});
