import { describe, expect, it, vi } from "vitest";
import { render, screen, waitFor } from "@testing-library/react";
import type { Annotation } from "../../src/core/index.js";
import { Markdown } from "../../src/ui/markdown/markdown.js";

// The citation chunk cannot be fetched (a deploy replaced it, the network dropped).
vi.mock("../../src/ui/citations/citation-layer.js", () => {
  throw new Error("Failed to fetch dynamically imported module");
});

const before = "Paris is the capital of France ";
const link = "([example.com](https://example.com/paris))";
const text = `${before}${link}. It has about two million people.`;
const cited: Annotation = {
  type: "url_citation",
  url: "https://example.com/paris",
  startIndex: before.length,
  endIndex: before.length + link.length,
};

describe("citations whose code cannot be loaded", () => {
  it("shows the whole text with the model's own link instead of holding it back", async () => {
    const { container } = render(<Markdown text={text} annotations={[cited]} />);
    await waitFor(() => expect(container.textContent).toContain("two million people."));
    expect(screen.getByRole("link", { name: "example.com" }).getAttribute("href")).toBe(
      "https://example.com/paris",
    );
    expect(container.querySelector(".colloquy-citation")).toBeNull();
  });
});
