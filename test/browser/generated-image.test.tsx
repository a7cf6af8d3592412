import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import { commands } from "vitest/browser";
import type { ImagePart } from "../../src/core/index.js";
import { GeneratedImage, ImageGallery, ImageThumbnails } from "../../src/ui/index.js";
import {
  THEMES,
  axeViolations,
  imagesLoaded,
  mount,
  recordedParts,
  saveScreenshot,
  sseEvents,
  type Mounted,
} from "./component-harness.js";

let mounted: Mounted | undefined;
let finalImage: ImagePart | undefined;
let partialImage: ImagePart | undefined;
let jpegImage: ImagePart | undefined;

beforeAll(async () => {
  // The streamed recordings carry shortened (undecodable) base64, so the pixels come from
  // the recording with the full image; the stream supplies the partial-image events.
  jpegImage = (await recordedParts("image-generation-jpeg-full-b64.cassette.yaml", "image"))[0];
  const file = "image-generation-partial-image.chunks.jsonl";
  const streamed = (await recordedParts(file, "image"))[0];
  const exchanges = await commands.readCaptureExchanges("responses", file);
  const partial = exchanges
    .flatMap((exchange) => (exchange.sse ? sseEvents(exchange.sse) : []))
    .find((event) => event.type === "response.image_generation_call.partial_image");
  if (jpegImage && streamed && partial) {
    finalImage = { ...jpegImage, id: streamed.id };
    partialImage = {
      ...finalImage,
      state: "partial",
      partialImageIndex: partial.partial_image_index as number,
    };
  }
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

describe.each(THEMES)("generated images from the recordings (%s)", (theme) => {
  it("shows generating, partial and final states", async ({ skip }) => {
    if (!finalImage || !partialImage) skip("recordings not present");
    const generating: ImagePart = { ...finalImage!, state: "generating", data: undefined };
    mounted = await mount(
      <div style={{ display: "grid", gridTemplateColumns: "repeat(3, 1fr)", gap: 12 }}>
        <GeneratedImage part={generating} />
        <GeneratedImage part={partialImage!} />
        <GeneratedImage part={finalImage!} />
      </div>,
      theme,
      900,
    );
    await imagesLoaded(mounted.root);
    const states = [...mounted.root.querySelectorAll("figure")].map(
      (figure) => figure.dataset.state,
    );
    expect(states).toEqual(["generating", "partial", "complete"]);
    const final = mounted.root
      .querySelectorAll<HTMLImageElement>("figure")[2]!
      .querySelector("img")!;
    expect(final.naturalWidth).toBeGreaterThan(0);
    const link = mounted.root.querySelector<HTMLAnchorElement>("a[download]")!;
    expect(link.download).toMatch(/\.(png|webp|jpg)$/);
    expect(link.href.startsWith("data:image/")).toBe(true);
    expect(await axeViolations(mounted.root)).toEqual([]);
    await saveScreenshot(mounted.root, `generated-image-${theme}`);
  });

  it("shares one keyboard-driven viewer across a gallery", async ({ skip }) => {
    if (!finalImage || !jpegImage) skip("recordings not present");
    const images = [
      finalImage!,
      jpegImage!,
      { ...finalImage!, id: "copy", revisedPrompt: undefined },
    ];
    mounted = await mount(<ImageGallery images={images} />, theme, 900);
    await imagesLoaded(mounted.root);
    expect(await axeViolations(mounted.root)).toEqual([]);
    await saveScreenshot(mounted.root, `image-gallery-${theme}`);

    const opener = mounted.root.querySelectorAll<HTMLButtonElement>(
      ".colloquy-generated-image__open",
    )[1]!;
    opener.focus();
    await userEvent.keyboard("{Enter}");
    const dialog = mounted.root.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(dialog.getAttribute("aria-labelledby")).toBeTruthy();
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(dialog.textContent).toContain("Image 2 of 3");
    await userEvent.keyboard("{ArrowRight}");
    expect(dialog.textContent).toContain("Image 3 of 3");
    await imagesLoaded(dialog);
    expect(await axeViolations(mounted.root)).toEqual([]);
    await saveScreenshot(document.body, `image-lightbox-${theme}`);
    await userEvent.keyboard("{Escape}");
    expect(mounted.root.querySelector('[role="dialog"]')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it("shows input image thumbnails", async ({ skip }) => {
    if (!finalImage) skip("recordings not present");
    const inputs: ImagePart[] = [
      { type: "image", origin: "input", data: jpegImage!.data, mediaType: jpegImage!.mediaType },
      {
        type: "image",
        origin: "input",
        data: jpegImage!.data,
        mediaType: "image/jpeg",
        id: "second",
      },
    ];
    mounted = await mount(<ImageThumbnails parts={inputs} />, theme);
    await imagesLoaded(mounted.root);
    expect(mounted.root.querySelectorAll("img")).toHaveLength(2);
    expect(await axeViolations(mounted.root)).toEqual([]);
    await saveScreenshot(mounted.root, `image-thumbnails-${theme}`);
  });
});
