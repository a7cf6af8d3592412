import { afterEach, describe, expect, it } from "vitest";
import { Markdown } from "../../src/ui/index.js";
import { THEMES, axeViolations, mount, saveScreenshot, type Mounted } from "./component-harness.js";

const SAMPLE = `## Getting started

Install the package, then wrap your app. It supports **bold**, *italic*, ~~strikethrough~~,
\`inline code\` and [links](https://example.com/docs).

1. Install with \`npm install colloquy\`
2. Import the styles
3. Render a \`<Chat>\`

- [x] Streaming markdown
- [ ] Syntax highlighting

> Finished blocks are memoised; only the open block re-renders.

| Feature | Status | Since |
|:--------|:------:|------:|
| Citations | done | 0.1 |
| Reasoning | done | 0.1 |

\`\`\`ts
import { useChat } from "colloquy/react";

const chat = useChat({ api: "/v1/responses" });
\`\`\`

---

Raw <b>HTML</b> stays text.`;

let mounted: Mounted | undefined;
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

describe.each(THEMES)("<Markdown> (%s)", (theme) => {
  it("renders GFM accessibly and looks finished", async () => {
    mounted = await mount(<Markdown text={SAMPLE} />, theme);
    expect(mounted.root.querySelector("table")).not.toBeNull();
    expect(mounted.root.querySelector("b")).toBeNull();
    expect(await axeViolations(mounted.root)).toEqual([]);
    await saveScreenshot(mounted.root, `markdown-${theme}`);
  });

  it("streams chunk by chunk to the same result", async () => {
    mounted = await mount(<Markdown text="" streaming />, theme);
    for (let i = 0; i <= SAMPLE.length; i += 7) {
      await mounted.rerender(<Markdown text={SAMPLE.slice(0, i)} streaming />);
      // Half-written emphasis never shows its raw markers.
      expect(mounted.root.textContent).not.toMatch(/\*\*|~~/);
    }
    await mounted.rerender(<Markdown text={SAMPLE} />);
    const streamed = mounted.root.querySelector(".colloquy-markdown")!;
    const whole = await mount(<Markdown text={SAMPLE} />, theme);
    expect(streamed.isEqualNode(whole.root.querySelector(".colloquy-markdown"))).toBe(true);
    await whole.unmount();
  });
});
