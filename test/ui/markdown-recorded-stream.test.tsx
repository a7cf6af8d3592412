import { beforeAll, describe, expect, it } from "vitest";
import { render } from "@testing-library/react";
import { capturesAvailable } from "../support/captures.js";
import { recordedResponsesEvents } from "../support/recorded-events.js";
import { annotationFromWire } from "../../src/core/convert/parts-from-output-item.js";
import type { TextPart } from "../../src/core/index.js";
import { TextWithCitations } from "../../src/ui/citations/text-with-citations.js";
import { preloadPartViews } from "../../src/ui/message/deferred-part-views.js";

const available = capturesAvailable();

// The citation markers load on first use; here they are in before the first render.
beforeAll(() => preloadPartViews());

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
    for (const event of recordedResponsesEvents("web-search-url-citations.chunks.jsonl")) {
      if (event.type === "response.output_text.delta") {
        part = { ...part, text: part.text + event.delta! };
      } else if (event.type === "response.output_text.annotation.added") {
        part = {
          ...part,
          annotations: [...part.annotations!, annotationFromWire(event.annotation!)],
        };
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
