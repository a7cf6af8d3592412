import { afterEach, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import type { ReasoningPart } from "../../src/core/index.js";
import { Reasoning } from "../../src/ui/index.js";
import { THEMES, axeViolations, mount, saveScreenshot, type Mounted } from "./component-harness.js";

const part: ReasoningPart = {
  type: "reasoning",
  summary: [
    {
      text: "**Comparing the options**\n\nThe user wants a lightweight state library; weighing bundle size against ecosystem.",
    },
    { text: "**Checking compatibility**\n\nBoth work with React 19 and server components." },
  ],
  state: "done",
  durationMs: 12_300,
};

let mounted: Mounted | undefined;
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

describe.each(THEMES)("<Reasoning> (%s)", (theme) => {
  it("collapses, expands by keyboard, and passes axe", async () => {
    mounted = await mount(
      <div style={{ display: "flex", flexDirection: "column", gap: 8 }}>
        <Reasoning part={{ ...part, state: "streaming", summary: part.summary.slice(0, 1) }} />
        <Reasoning part={part} defaultOpen />
        <Reasoning part={part} />
      </div>,
      theme,
    );
    const triggers = mounted.root.querySelectorAll<HTMLButtonElement>(
      ".colloquy-reasoning__trigger",
    );
    expect(triggers[2]!.getAttribute("aria-expanded")).toBe("false");
    triggers[2]!.focus();
    await userEvent.keyboard("{Enter}");
    expect(triggers[2]!.getAttribute("aria-expanded")).toBe("true");
    await userEvent.keyboard("{Enter}");
    expect(await axeViolations(mounted.root)).toEqual([]);
    await saveScreenshot(mounted.root, `reasoning-${theme}`);
  });
});
