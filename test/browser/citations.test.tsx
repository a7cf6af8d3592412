import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TextPart } from "../../src/core/index.js";
import {
  FileSearchResults,
  preloadPartViews,
  Sources,
  TextWithCitations,
  WebSearchProgress,
} from "../../src/ui/index.js";
import {
  THEMES,
  axeViolations,
  mount,
  recordedMessages,
  recordedParts,
  saveScreenshot,
  type Mounted,
} from "./component-harness.js";

let available = false;
let mounted: Mounted | undefined;
beforeAll(async () => {
  available = (await recordedMessages("web-search-url-citations.json")).length > 0;
  // The citation markers load on first use; here they are in before the first mount.
  await preloadPartViews();
});
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

function cited(parts: TextPart[]): TextPart {
  return parts.find((p) => (p.annotations?.length ?? 0) > 0)!;
}

describe.each(THEMES)("citations (%s)", (theme) => {
  it("renders a web answer with markers, cards and sources", async ({ skip }) => {
    if (!available) skip("recordings not present");
    const part = cited(await recordedParts("web-search-url-citations.json", "text"));
    const searches = await recordedParts("web-search-url-citations.json", "web-search-call");
    mounted = await mount(
      <div style={{ display: "flex", flexDirection: "column", gap: 12 }}>
        {searches.slice(0, 2).map((s) => (
          <WebSearchProgress key={s.id} part={s} />
        ))}
        <TextWithCitations part={part} />
        <Sources annotations={part.annotations} text={part.text} />
      </div>,
      theme,
    );
    const markers = mounted.root.querySelectorAll<HTMLElement>(".colloquy-citation__marker");
    expect(markers.length).toBe(part.annotations!.length);
    // Focus shows the card (keyboard users get the same as hover).
    markers[0]!.focus();
    const card = document.getElementById(markers[0]!.getAttribute("aria-describedby")!)!;
    expect(getComputedStyle(card).visibility).toBe("visible");
    expect(await axeViolations(mounted.root)).toEqual([]);
    await saveScreenshot(mounted.root, `citations-${theme}`);
  });

  it("renders file search results", async ({ skip }) => {
    if (!available) skip("recordings not present");
    const [call] = await recordedParts("file-search-with-results.json", "file-search-call");
    mounted = await mount(<FileSearchResults part={call!} />, theme);
    expect(mounted.root.querySelectorAll(".colloquy-file-search__result").length).toBe(
      call!.item.results?.length ?? 0,
    );
    expect(await axeViolations(mounted.root)).toEqual([]);
    await saveScreenshot(mounted.root, `file-search-results-${theme}`);
  });
});
