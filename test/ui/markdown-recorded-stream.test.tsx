import { beforeAll, describe, expect, it } from "vitest";
import { render } from "@testing-library/react";
import { captureExchanges, capturesAvailable } from "../support/captures.js";
import type { Annotation, TextPart } from "../../src/core/index.js";
import { TextWithCitations } from "../../src/ui/citations/text-with-citations.js";
import { preloadPartViews } from "../../src/ui/message/deferred-part-views.js";

const available = capturesAvailable();

// The citation markers load on first use; here they are in before the first render.
beforeAll(() => preloadPartViews());

interface StreamEvent {
  type: string;
  delta?: string;
  annotation?: Record<string, unknown>;
}

function events(file: string): StreamEvent[] {
  const [exchange] = captureExchanges("responses", file);
  return exchange!
    .sse!.split("\n")
    .filter((line) => line.startsWith("data:"))
    .map((line) => JSON.parse(line.slice(5)) as StreamEvent);
}

function annotationOf(raw: Record<string, unknown>): Annotation {
  return {
    type: "url_citation",
    url: raw.url as string,
    title: raw.title as string,
    startIndex: raw.start_index as number,
    endIndex: raw.end_index as number,
  };
}

function withoutIds(element: Element): Element {
  const clone = element.cloneNode(true) as Element;
  for (const node of [clone, ...clone.querySelectorAll("*")]) {
    node.removeAttribute("id");
    node.removeAttribute("aria-describedby");
  }
  return clone;
}

describe.skipIf(!available)("markdown streamed from a recording", () => {
  it("ends with the same DOM as rendering the final text at once", () => {
    let part: TextPart = { type: "text", text: "", state: "streaming", annotations: [] };
    const { container, rerender } = render(<TextWithCitations part={part} />);
    for (const event of events("web-search-url-citations.chunks.jsonl")) {
      if (event.type === "response.output_text.delta") {
        part = { ...part, text: part.text + event.delta! };
      } else if (event.type === "response.output_text.annotation.added") {
        part = { ...part, annotations: [...part.annotations!, annotationOf(event.annotation!)] };
      } else continue;
      rerender(<TextWithCitations part={part} />);
      // Raw emphasis markers never flash while streaming.
      expect(container.textContent).not.toContain("**");
    }
    part = { ...part, state: "done" };
    rerender(<TextWithCitations part={part} />);
    expect(part.annotations!.length).toBeGreaterThan(0);
    const whole = render(<TextWithCitations part={part} />).container;
    // Generated ids differ between two mounts; everything else must match.
    expect(
      withoutIds(container.firstElementChild!).isEqualNode(withoutIds(whole.firstElementChild!)),
    ).toBe(true);
    expect(container.querySelectorAll(".colloquy-citation")).toHaveLength(part.annotations!.length);
  });
});
