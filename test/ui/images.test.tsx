import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ImagePart } from "../../src/core/index.js";
import { GeneratedImage, ImageGallery, ImageThumbnails } from "../../src/ui/index.js";
import { imageFileName, partialBlurPx } from "../../src/ui/images/image-source.js";
import { isSafeImageUrl } from "../../src/ui/images/safe-image-url.js";

const PIXEL =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

function generated(overrides: Partial<ImagePart> = {}): ImagePart {
  return {
    type: "image",
    origin: "generated",
    id: "ig_123",
    state: "complete",
    data: PIXEL,
    mediaType: "image/png",
    revisedPrompt: "A cute fluffy cat on a windowsill",
    ...overrides,
  };
}

describe("image helpers", () => {
  it("accepts only http(s) and raster data URLs", () => {
    expect(isSafeImageUrl("https://example.com/a.png")).toBe(true);
    expect(isSafeImageUrl(`data:image/png;base64,${PIXEL}`)).toBe(true);
    expect(isSafeImageUrl("javascript:alert(1)")).toBe(false);
    expect(isSafeImageUrl("data:text/html;base64,PHNjcmlwdD4=")).toBe(false);
    expect(isSafeImageUrl("data:image/svg+xml;base64,PHN2Zz4=")).toBe(false);
    expect(isSafeImageUrl("/relative.png")).toBe(false);
  });

  it("names downloads after the prompt, with the right extension", () => {
    expect(imageFileName(generated())).toBe("a-cute-fluffy-cat-on-a.png");
    expect(imageFileName(generated({ revisedPrompt: undefined, mediaType: "image/jpeg" }))).toBe(
      "image-ig_123.jpg",
    );
  });

  it("blurs less with every partial", () => {
    expect(partialBlurPx(0)).toBeGreaterThan(partialBlurPx(1));
    expect(partialBlurPx(1)).toBeGreaterThan(partialBlurPx(2));
  });
});

describe("<GeneratedImage>", () => {
  it("shows a placeholder while generating, then partials, then the final image", () => {
    const { rerender, container } = render(
      <GeneratedImage part={generated({ state: "generating", data: undefined })} />,
    );
    expect(screen.getByRole("img", { name: "Generating image" })).toBeTruthy();
    expect(container.querySelector("figure")!.getAttribute("aria-busy")).toBe("true");

    rerender(<GeneratedImage part={generated({ state: "partial", partialImageIndex: 0 })} />);
    const frame = container.querySelector<HTMLElement>(".colloquy-generated-image__frame")!;
    expect(frame.style.getPropertyValue("--colloquy-image-blur")).toBe(`${partialBlurPx(0)}px`);
    expect(screen.queryByRole("link")).toBeNull();

    rerender(<GeneratedImage part={generated({ data: PIXEL.replace("A", "B") })} />);
    expect(frame.style.getPropertyValue("--colloquy-image-blur")).toBe("0px");
    expect(container.querySelector('[data-layer="previous"]')).not.toBeNull();
    expect(screen.getByText("A cute fluffy cat on a windowsill").tagName).toBe("FIGCAPTION");
  });

  it("offers a download of the data URL under a sensible name", () => {
    render(<GeneratedImage part={generated()} />);
    const link = screen.getByRole("link", { name: /Download/ });
    expect(link.getAttribute("href")).toBe(`data:image/png;base64,${PIXEL}`);
    expect(link.getAttribute("download")).toBe("a-cute-fluffy-cat-on-a.png");
  });

  it("draws nothing from an unsafe URL", () => {
    const { container } = render(
      <GeneratedImage part={generated({ data: undefined, url: "javascript:alert(1)" })} />,
    );
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("a")).toBeNull();
  });

  it("opens with Enter, closes with Escape and gives focus back", async () => {
    const user = userEvent.setup();
    render(<GeneratedImage part={generated()} />);
    const opener = screen.getByRole("button", { name: /Open image/ });
    opener.focus();
    await user.keyboard("{Enter}");
    const dialog = screen.getByRole("dialog", { name: "Image viewer" });
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    expect(dialog.contains(document.activeElement)).toBe(true);
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it("opens with Space too", async () => {
    const user = userEvent.setup();
    render(<GeneratedImage part={generated()} />);
    screen.getByRole("button", { name: /Open image/ }).focus();
    await user.keyboard(" ");
    expect(screen.getByRole("dialog")).toBeTruthy();
  });
});

describe("<ImageGallery>", () => {
  const images = [1, 2, 3].map((n) => generated({ id: `ig_${n}`, revisedPrompt: `Picture ${n}` }));

  it("moves between images with the arrow keys and keeps focus inside", async () => {
    const user = userEvent.setup();
    render(<ImageGallery images={images} />);
    expect(
      within(screen.getByRole("list", { name: "Images" })).getAllByRole("listitem"),
    ).toHaveLength(3);
    const second = screen.getAllByRole("button", { name: /Open image/ })[1]!;
    await user.click(second);
    expect(screen.getByRole("dialog", { name: "Image 2 of 3" })).toBeTruthy();
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("dialog", { name: "Image 3 of 3" })).toBeTruthy();
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("dialog", { name: "Image 1 of 3" })).toBeTruthy();
    await user.keyboard("{ArrowLeft}");
    expect(screen.getByRole("dialog", { name: "Image 3 of 3" }).textContent).toContain("Picture 3");

    const dialog = screen.getByRole("dialog");
    for (let i = 0; i < 6; i += 1) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    await user.tab({ shift: true });
    expect(dialog.contains(document.activeElement)).toBe(true);

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(second);
  });

  it("downloads the image shown in the viewer", async () => {
    const user = userEvent.setup();
    render(<ImageGallery images={images} hideDownload />);
    expect(screen.queryByRole("link")).toBeNull();
    await user.click(screen.getAllByRole("button", { name: /Open image/ })[0]!);
    const link = within(screen.getByRole("dialog")).getByRole("link", { name: "Download" });
    expect(link.getAttribute("download")).toBe("picture-1.png");
  });
});

describe("<ImageThumbnails>", () => {
  it("shows safe input images only and opens them", async () => {
    const user = userEvent.setup();
    const parts: ImagePart[] = [
      { type: "image", origin: "input", url: "https://example.com/a.png" },
      { type: "image", origin: "input", url: "javascript:alert(1)" },
      { type: "image", origin: "input", data: PIXEL, mediaType: "image/png" },
    ];
    render(<ImageThumbnails parts={parts} />);
    const imgs = screen.getAllByRole("img");
    expect(imgs.map((img) => img.getAttribute("src"))).toEqual([
      "https://example.com/a.png",
      `data:image/png;base64,${PIXEL}`,
    ]);
    await user.click(screen.getAllByRole("button")[1]!);
    expect(screen.getByRole("dialog", { name: "Image 2 of 2" })).toBeTruthy();
  });
});
