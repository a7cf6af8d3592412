import { describe, expect, it } from "vitest";
import { render, screen, waitFor } from "@testing-library/react";
import type { Annotation } from "../../src/core/index.js";
import { Markdown } from "../../src/ui/markdown/markdown.js";
import { preloadPartViews } from "../../src/ui/message/deferred-part-views.js";

// Module state matters here: the first render sees the citation code not loaded yet, as a
// page does the first time an answer cites a source.

const before = "Paris is the capital of France ";
const link = "([example.com](https://example.com/paris))";
const text = `${before}${link}. It has about two million people.`;
const cited: Annotation = {
  type: "url_citation",
  url: "https://example.com/paris",
  title: "Paris",
  startIndex: before.length,
  endIndex: before.length + link.length,
};

describe("citations whose code loads on first use", () => {
  it("holds back the text from the first citation until the chip can take the link's place", async () => {
    const { container } = render(<Markdown text={text} annotations={[cited]} />);
    // Never the model's raw link: the text waits at the citation, as a half-written one does.
    expect(container.textContent!.trim()).toBe(before.trim());
    expect(container.querySelector("a")).toBeNull();

    const chip = await waitFor(() => {
      const found = container.querySelector(".colloquy-citation");
      expect(found).not.toBeNull();
      return found!;
    });
    expect(chip.getAttribute("data-variant")).toBe("chip");
    expect(container.querySelector("p")!.textContent).toContain("It has about two million people.");
    expect(screen.getAllByRole("link")).toHaveLength(1);
  });

  it("renders cited text in one pass once the code is in", async () => {
    await preloadPartViews();
    // Read during render: a later cited answer never holds its text back.
    const { container } = render(<Markdown text={text} annotations={[cited]} />);
    expect(container.querySelector(".colloquy-citation")).not.toBeNull();
    expect(container.textContent).toContain("It has about two million people.");
  });

  it("shows text whose annotations cite nothing at once", () => {
    const { container } = render(
      <Markdown
        text="See the generated file."
        annotations={[{ type: "file_path", fileId: "file_1", index: 4 }]}
      />,
    );
    expect(container.textContent).toBe("See the generated file.");
  });
});
