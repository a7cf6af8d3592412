import { beforeAll, describe, expect, it } from "vitest";
import { render } from "@testing-library/react";
import { captureExchanges, capturesAvailable, type CaptureApi } from "../support/captures.js";
import { recordedResponsesEvents } from "../support/recorded-events.js";
import { annotationFromWire } from "../../src/core/convert/parts-from-output-item.js";
import { messageFromResponse } from "../../src/core/convert/message-from-response.js";
import { messageFromChatCompletion } from "../../src/core/convert/message-from-chat-completion.js";
import type { Annotation, Message, TextPart } from "../../src/core/index.js";
import { displayDomain } from "../../src/ui/citations/citation-marker.js";
import { numberCitations } from "../../src/ui/citations/number-citations.js";
import { TextWithCitations } from "../../src/ui/citations/text-with-citations.js";
import { preloadPartViews } from "../../src/ui/message/deferred-part-views.js";

const available = capturesAvailable();

// The citation markers load on first use; here they are in before the first render.
beforeAll(() => preloadPartViews());

function recordedText(api: CaptureApi, file: string): TextPart {
  const exchange = captureExchanges(api, file).find((e) => e.kind === "json" && e.json)!;
  const json = exchange.json as Record<string, unknown>;
  const message: Message =
    api === "responses" ? messageFromResponse(json).value : messageFromChatCompletion(json).value;
  return message.parts.find(
    (p): p is TextPart => p.type === "text" && (p.annotations?.length ?? 0) > 0,
  )!;
}

function urlCitations(part: TextPart) {
  return (part.annotations ?? []).filter(
    (a): a is Extract<Annotation, { type: "url_citation" }> => a.type === "url_citation",
  );
}

/** The text a reader sees, without the hover cards (which repeat titles and domains). */
function visibleText(container: HTMLElement): string {
  const clone = container.cloneNode(true) as HTMLElement;
  for (const card of clone.querySelectorAll(".colloquy-citation__card")) card.remove();
  return clone.textContent ?? "";
}

const recordings: [CaptureApi, string][] = [
  ["responses", "web-search-url-citations.json"],
  ["responses", "azure-web-search-preview-url-citation.json"],
  ["chat", "web-search-url-citations.session.json"],
];

describe.skipIf(!available)("a web-search answer shows each citation once", () => {
  for (const [api, file] of recordings) {
    it(`${api}/${file}: one citation per annotation, the model's link turned into the chip`, () => {
      const part = recordedText(api, file);
      const citations = urlCitations(part);
      expect(citations.length).toBeGreaterThan(0);
      const { container } = render(<TextWithCitations part={part} />);
      expect(container.querySelectorAll(".colloquy-citation")).toHaveLength(citations.length);
      // The recorded spans are the model's own links: every one became a chip with the
      // domain and the number, and no ordinary link to a cited page is left beside it.
      const chips = container.querySelectorAll('.colloquy-citation[data-variant="chip"]');
      expect(chips).toHaveLength(citations.length);
      // Links to a cited page outside every annotated span (the model repeating a source
      // without citing it again) stay links; the cited ones are gone.
      const cited = new Set(citations.map((a) => new URL(a.url).href));
      const linksInText = [...part.text.matchAll(/\]\((https?:[^)\s]+)\)/g)].filter((m) =>
        cited.has(new URL(m[1]!).href),
      ).length;
      const linksLeft = [...container.querySelectorAll("a.colloquy-markdown__link")].filter(
        (link) => cited.has((link as HTMLAnchorElement).href),
      ).length;
      expect(linksLeft).toBe(linksInText - citations.length);
      const { markers } = numberCitations(part.annotations, part.text);
      chips.forEach((chip, i) => {
        const marker = chip.querySelector("a.colloquy-citation__marker")!;
        expect(marker.querySelector(".colloquy-citation__chip-domain")!.textContent).toBe(
          displayDomain(markers[i]!.source.url),
        );
        expect(marker.querySelector(".colloquy-citation__number")!.textContent).toBe(
          String(markers[i]!.source.number),
        );
        expect(marker.getAttribute("href")).toBe(new URL(markers[i]!.source.url!).href);
        expect(chip.closest("p, li")).not.toBeNull();
      });
      const text = visibleText(container);
      expect(text).not.toContain("([");
      expect(text).not.toContain("](");
      expect(text).not.toMatch(/\(\s*\)/);
    });
  }

  it("keeps prose of a span that holds more than the link, and numbers repeat sources once", () => {
    const url = "https://example.com/story";
    const text =
      "It rained all day ([example.com](https://example.com/story)). Again ([example.com](https://example.com/story)).";
    const second = text.lastIndexOf("([");
    const part: TextPart = {
      type: "text",
      text,
      annotations: [
        { type: "url_citation", url, title: "Story", startIndex: 0, endIndex: second - 8 },
        {
          type: "url_citation",
          url,
          title: "Story",
          startIndex: second,
          endIndex: text.length - 1,
        },
      ],
    };
    const { container } = render(<TextWithCitations part={part} />);
    expect(container.querySelectorAll(".colloquy-citation")).toHaveLength(2);
    expect(visibleText(container)).toBe("It rained all day example.com 1. Again example.com 1.");
  });

  it("a link to another page than the cited one stays a link, with the marker after the span", () => {
    const text = "See [docs](https://docs.example.com/).";
    const part: TextPart = {
      type: "text",
      text,
      annotations: [
        {
          type: "url_citation",
          url: "https://news.example.com/",
          startIndex: 0,
          endIndex: text.length - 1,
        },
      ],
    };
    const { container } = render(<TextWithCitations part={part} />);
    expect(container.querySelector("a.colloquy-markdown__link")!.textContent).toBe("docs");
    expect(container.querySelector(".colloquy-citation")!.getAttribute("data-variant")).toBe(
      "marker",
    );
  });
});

describe.skipIf(!available)("a web-search answer streaming in", () => {
  for (const file of [
    "web-search-url-citations.chunks.jsonl",
    "azure-web-search-preview-url-citation.chunks.jsonl",
  ]) {
    it(`${file}: never shows half a citation link, at any chunk`, () => {
      let part: TextPart = { type: "text", text: "", state: "streaming", annotations: [] };
      const { container, rerender } = render(<TextWithCitations part={part} />);
      const domains = new Set<string>();
      let steps = 0;
      for (const event of recordedResponsesEvents(file)) {
        if (event.type === "response.output_text.delta") {
          part = { ...part, text: part.text + event.delta! };
        } else if (event.type === "response.output_text.annotation.added") {
          const annotation = annotationFromWire(event.annotation!);
          if (annotation.type === "url_citation") domains.add(displayDomain(annotation.url)!);
          part = { ...part, annotations: [...part.annotations!, annotation] };
        } else continue;
        rerender(<TextWithCitations part={part} />);
        steps++;
        const text = visibleText(container);
        expect(text).not.toContain("([");
        expect(text).not.toContain("](");
        expect(text).not.toMatch(/\(\s*$/);
        // A cited domain in parentheses is only ever the whole link (until its annotation
        // arrives and makes it the chip), never a half-written one.
        for (const domain of domains)
          expect(text).not.toMatch(new RegExp(`\\(${domain.replace(/\./g, "\\.")}(?!\\))`));
      }
      expect(steps).toBeGreaterThan(10);
      part = { ...part, state: "done" };
      rerender(<TextWithCitations part={part} />);
      expect(container.querySelectorAll('.colloquy-citation[data-variant="chip"]')).toHaveLength(
        part.annotations!.length,
      );
    });
  }

  it("an annotation whose span has not fully arrived stands in for the half-written link", () => {
    const url = "https://example.com/story";
    const full = "Rain today ([example.com](https://example.com/story)).";
    const start = full.indexOf("([");
    const annotation: Annotation = {
      type: "url_citation",
      url,
      startIndex: start,
      endIndex: full.length - 1,
    };
    for (const cut of [start + 1, start + 6, start + 15, start + 30, full.length - 2]) {
      const part: TextPart = {
        type: "text",
        text: full.slice(0, cut),
        state: "streaming",
        annotations: [annotation],
      };
      const { container, unmount } = render(<TextWithCitations part={part} />);
      expect(visibleText(container)).toBe("Rain today example.com 1");
      unmount();
    }
  });
});
