import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { commands, page, userEvent } from "vitest/browser";
import type { ImagePart } from "../../src/core/index.js";
import { GeneratedImage, ImageGallery } from "../../src/ui/index.js";
import {
  axeViolations,
  imagesLoaded,
  mount,
  recordedParts,
  settledAnimations,
  sseEvents,
  type Mounted,
} from "./component-harness.js";

let mounted: Mounted | undefined;
let images: ImagePart[] = [];

beforeAll(async () => {
  // The full image comes from the recording that carries its whole base64; the streamed
  // recording supplies the partial-image event that makes the last cell a preview.
  const [jpeg] = await recordedParts("image-generation-jpeg-full-b64.cassette.yaml", "image");
  const file = "image-generation-partial-image.chunks.jsonl";
  const exchanges = await commands.readCaptureExchanges("responses", file);
  const partial = exchanges
    .flatMap((exchange) => (exchange.sse ? sseEvents(exchange.sse) : []))
    .find((event) => event.type === "response.image_generation_call.partial_image");
  if (!jpeg || !partial) return;
  images = [
    { ...jpeg, id: "one" },
    { ...jpeg, id: "two", revisedPrompt: undefined },
    { ...jpeg, id: "three" },
    { ...jpeg, id: "four" },
    {
      ...jpeg,
      id: "five",
      state: "partial",
      partialImageIndex: partial.partial_image_index as number,
    },
  ];
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

/** Captures the viewport as it is (the harness's element capture resizes the viewport). */
async function viewportScreenshot(name: string): Promise<void> {
  await page.screenshot({ path: `../../test-results/screenshots/${name}.png` });
}

function columnsOf(grid: Element): number {
  return getComputedStyle(grid).gridTemplateColumns.split(" ").filter(Boolean).length;
}

const VIEWPORT_HEIGHT = 800;

describe.each([390, 1280])("the image gallery at %i px wide", (width) => {
  it("is a grid of cells with the partial preview in its own, and a lightbox larger than the cell", async ({
    skip,
  }) => {
    if (images.length === 0) skip("recordings not present");
    await page.viewport(width, VIEWPORT_HEIGHT);
    mounted = await mount(<ImageGallery images={images} />, "light", width);
    await imagesLoaded(mounted.root);
    const grid = mounted.root.querySelector(".colloquy-image-gallery")!;
    const cells = [...grid.querySelectorAll<HTMLElement>(".colloquy-image-gallery__item")];
    expect(cells).toHaveLength(images.length);
    const columns = columnsOf(grid);
    if (width >= 1280) expect(columns).toBeGreaterThan(1);
    // A phone still gets two columns of about 160 px, with nothing wider than the screen.
    else expect(columns).toBe(2);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
    // Cells of one row sit side by side, at the same top.
    expect(cells[1]!.getBoundingClientRect().top).toBe(cells[0]!.getBoundingClientRect().top);
    expect(cells[1]!.getBoundingClientRect().left).toBeGreaterThan(
      cells[0]!.getBoundingClientRect().right,
    );

    // The partial preview is drawn inside its cell, no wider than it.
    const preview = cells[4]!.querySelector<HTMLElement>('figure[data-state="partial"]')!;
    expect(preview).not.toBeNull();
    const previewBox = preview.getBoundingClientRect();
    const cellBox = cells[4]!.getBoundingClientRect();
    expect(previewBox.width).toBeLessThanOrEqual(cellBox.width + 0.5);
    expect(previewBox.left).toBeGreaterThanOrEqual(cellBox.left - 0.5);
    expect(await axeViolations(mounted.root)).toEqual([]);
    await viewportScreenshot(`image-gallery-grid-${width}`);

    const thumbnail = cells[0]!.querySelector("img")!.getBoundingClientRect();
    const opener = cells[0]!.querySelector<HTMLButtonElement>(".colloquy-generated-image__open")!;
    opener.focus();
    await userEvent.keyboard("{Enter}");
    const dialog = mounted.root.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(dialog.textContent).toContain(`Image 1 of ${images.length}`);
    const shown = dialog.querySelector<HTMLImageElement>(".colloquy-lightbox__image")!;
    await imagesLoaded(dialog);
    await settledAnimations();
    const box = shown.getBoundingClientRect();
    // Larger than the inline image, and fit to the viewport at the image's proportions.
    expect(box.width).toBeGreaterThan(thumbnail.width);
    expect(box.height).toBeGreaterThan(thumbnail.height);
    expect(box.width).toBeLessThanOrEqual(width * 0.9 + 0.5);
    expect(box.height).toBeLessThanOrEqual(VIEWPORT_HEIGHT * 0.9 + 0.5);
    expect(box.width).toBeLessThanOrEqual(shown.naturalWidth);
    expect(getComputedStyle(shown).objectFit).toBe("contain");
    expect(await axeViolations(mounted.root)).toEqual([]);
    await viewportScreenshot(`image-lightbox-${width}`);

    // Keyboard navigation: arrows move (wrapping), Escape closes and gives focus back.
    await userEvent.keyboard("{ArrowLeft}");
    expect(dialog.textContent).toContain(`Image ${images.length} of ${images.length}`);
    await userEvent.keyboard("{ArrowRight}{ArrowRight}");
    expect(dialog.textContent).toContain(`Image 2 of ${images.length}`);
    await userEvent.keyboard("{Escape}");
    expect(mounted.root.querySelector('[role="dialog"]')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});

describe("the image viewer on a short screen", () => {
  it("never shows the image smaller than it was inline", async ({ skip }) => {
    if (images.length === 0) skip("recordings not present");
    await page.viewport(1280, 480);
    mounted = await mount(<GeneratedImage part={images[0]!} />, "light", 1280);
    await imagesLoaded(mounted.root);
    const inline = mounted.root.querySelector("img")!.getBoundingClientRect();
    mounted.root.querySelector<HTMLButtonElement>(".colloquy-generated-image__open")!.focus();
    await userEvent.keyboard("{Enter}");
    const shown = mounted.root.querySelector<HTMLImageElement>(".colloquy-lightbox__image")!;
    await imagesLoaded(shown.parentElement!);
    await settledAnimations();
    const box = shown.getBoundingClientRect();
    expect(box.width).toBeGreaterThanOrEqual(inline.width);
    expect(box.height).toBeLessThanOrEqual(480 * 0.9 + 0.5);
    await viewportScreenshot("image-lightbox-short-screen");
    await userEvent.keyboard("{Escape}");
    expect(mounted.root.querySelector('[role="dialog"]')).toBeNull();
  });
});
