import { beforeAll, describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/react";
import { captureExchanges, capturesAvailable } from "../support/captures.js";
import { messageFromResponse } from "../../src/core/convert/message-from-response.js";
import type {
  FileSearchCallPart,
  Message,
  TextPart,
  WebSearchCallPart,
} from "../../src/core/index.js";
import { numberCitations } from "../../src/ui/citations/number-citations.js";
import { TextWithCitations } from "../../src/ui/citations/text-with-citations.js";
import { Sources } from "../../src/ui/citations/sources.js";
import { WebSearchProgress } from "../../src/ui/citations/web-search-progress.js";
import { FileSearchResults } from "../../src/ui/citations/file-search-results.js";
import { Message as MessageView } from "../../src/ui/message/message.js";
import { preloadPartViews } from "../../src/ui/message/deferred-part-views.js";

const available = capturesAvailable();

// The citation markers load on first use; here they are in before the first render.
beforeAll(() => preloadPartViews());

function recordedMessage(file: string): Message {
  const exchange = captureExchanges("responses", file).find((e) => e.kind === "json");
  return messageFromResponse(exchange!.json as Record<string, unknown>).value;
}

function textPart(message: Message): TextPart {
  return message.parts.find(
    (p): p is TextPart => p.type === "text" && (p.annotations?.length ?? 0) > 0,
  )!;
}

describe.skipIf(!available)("citations on recorded responses", () => {
  it("numbers web citations in the place of the cited links", () => {
    const part = textPart(recordedMessage("web-search-url-citations.json"));
    const { markers, sources } = numberCitations(part.annotations, part.text);
    expect(markers.length).toBe(part.annotations!.length);
    const { container } = render(<TextWithCitations part={part} />);
    const rendered = container.querySelectorAll(".colloquy-citation__marker");
    expect(rendered).toHaveLength(markers.length);
    // Every marker shows its source's number and links to it.
    rendered.forEach((node, i) => {
      expect(node.querySelector(".colloquy-citation__number")!.textContent).toBe(
        String(markers[i]!.source.number),
      );
      expect(node.getAttribute("href")).toBe(new URL(markers[i]!.source.url!).href);
    });
    const urls = new Set(part.annotations!.map((a) => (a.type === "url_citation" ? a.url : "")));
    expect(sources).toHaveLength(urls.size);
    // Each recorded span is the model's "([site](url))": the marker takes its whole place.
    for (const annotation of part.annotations!) {
      if (annotation.type !== "url_citation") continue;
      const marker = markers.find((m) => m.index === annotation.startIndex);
      expect(marker?.source.url).toBe(annotation.url);
      expect(marker?.replaces).toBe(annotation.endIndex - annotation.startIndex);
    }
  });

  it("renders the citation inside the paragraph, after the text it follows", () => {
    const part = textPart(recordedMessage("web-search-url-citations.json"));
    const { container } = render(<TextWithCitations part={part} />);
    const first = part.annotations!.find((a) => a.type === "url_citation")!;
    const marker = container.querySelector(".colloquy-citation")!;
    const paragraph = marker.closest("p, li")!;
    expect(paragraph).not.toBeNull();
    const before = part.text.slice(0, first.type === "url_citation" ? first.startIndex : 0);
    const lastWords = before.trim().split(/\s+/).slice(-3).join(" ");
    expect(paragraph.textContent).toContain(lastWords);
  });

  it("shows the sources under a finished cited answer once their list has loaded", async () => {
    // The list loads on first use with the other rare part views (React does not retry a
    // render that suspended inside a test, so the views are fetched first).
    await preloadPartViews();
    render(<MessageView message={recordedMessage("web-search-url-citations.json")} />);
    expect(
      screen.getByRole("region", { name: "Sources" }).querySelectorAll("li").length,
    ).toBeGreaterThan(0);
  });

  it("lists deduplicated sources in marker order", () => {
    const part = textPart(recordedMessage("web-search-url-citations.json"));
    render(<Sources annotations={part.annotations} text={part.text} />);
    const list = screen.getByRole("region", { name: "Sources" });
    const items = list.querySelectorAll("li");
    const urls = [
      ...new Set(part.annotations!.map((a) => (a.type === "url_citation" ? a.url : ""))),
    ];
    expect(items).toHaveLength(urls.length);
    expect(items[0]!.querySelector("a")!.getAttribute("href")).toBe(new URL(urls[0]!).href);
    expect(items[0]!.querySelector("a")!.getAttribute("target")).toBe("_blank");
  });

  it("places file citations at their index", () => {
    const message = recordedMessage("file-search-file-citations.json");
    const part = textPart(message);
    const { markers } = numberCitations(part.annotations, part.text);
    const fileCitations = part.annotations!.filter((a) => a.type === "file_citation");
    expect(markers.map((m) => m.index)).toEqual(
      fileCitations
        .map((a) => (a.type === "file_citation" ? Math.min(a.index, part.text.length) : 0))
        .sort((a, b) => a - b),
    );
    const { container } = render(<TextWithCitations part={part} />);
    const buttons = container.querySelectorAll("button.colloquy-citation__marker");
    expect(buttons).toHaveLength(fileCitations.length);
    const card = document.getElementById(buttons[0]!.getAttribute("aria-describedby")!)!;
    const first = fileCitations[0]!;
    if (first.type === "file_citation" && first.filename)
      expect(card.textContent).toContain(first.filename);
  });

  it("shows web search progress from the recorded calls", () => {
    const message = recordedMessage("web-search-url-citations.json");
    const calls = message.parts.filter((p): p is WebSearchCallPart => p.type === "web-search-call");
    expect(calls.length).toBeGreaterThan(0);
    const { container } = render(
      <>
        {calls.map((part) => (
          <WebSearchProgress key={part.id} part={part} />
        ))}
      </>,
    );
    const nodes = container.querySelectorAll(".colloquy-web-search");
    expect([...nodes].every((n) => n.getAttribute("data-state") === "done")).toBe(true);
    const search = calls.find((c) => c.item.action?.type === "search");
    if (search && search.item.action.type === "search" && search.item.action.query) {
      expect(container.textContent).toContain(search.item.action.query);
    }
  });

  it("shows file search queries and results", () => {
    const message = recordedMessage("file-search-with-results.json");
    const call = message.parts.find((p): p is FileSearchCallPart => p.type === "file-search-call")!;
    const { container } = render(<FileSearchResults part={call} />);
    for (const query of call.item.queries) expect(container.textContent).toContain(query);
    const results = container.querySelectorAll(".colloquy-file-search__result");
    expect(results).toHaveLength(call.item.results?.length ?? 0);
    const first = call.item.results?.[0];
    if (first?.filename) expect(results[0]!.textContent).toContain(first.filename);
    if (typeof first?.score === "number")
      expect(results[0]!.textContent).toContain(first.score.toFixed(2));
  });
});

describe("citation markers", () => {
  it("streams: a web search in progress shows its query", () => {
    const part: WebSearchCallPart = {
      type: "web-search-call",
      id: "ws_1",
      state: "searching",
      item: {
        id: "ws_1",
        type: "web_search_call",
        status: "searching",
        action: { type: "search", query: "weather paris" },
      },
    };
    const { container } = render(<WebSearchProgress part={part} />);
    expect(container.firstElementChild!.getAttribute("data-state")).toBe("active");
    expect(container.textContent).toContain("Searching for “weather paris”");
  });

  it("drops unsafe citation URLs and keeps the number", () => {
    const part: TextPart = {
      type: "text",
      text: "Claim.",
      annotations: [
        {
          type: "url_citation",
          url: "javascript:alert(1)",
          title: "<img src=x onerror=alert(1)>",
          startIndex: 0,
          endIndex: 6,
        },
      ],
    };
    const { container } = render(<TextWithCitations part={part} />);
    expect(container.querySelector("a")).toBeNull();
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector(".colloquy-citation__marker")!.textContent).toBe("1");
  });
});
