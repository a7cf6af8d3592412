import { afterEach, describe, expect, it } from "vitest";
import type { TokenLogprob } from "../../src/core/index.js";
import { Logprobs, TokenUsage } from "../../src/ui/index.js";
import { THEMES, axeViolations, mount, saveScreenshot, type Mounted } from "./component-harness.js";

const logprobs: TokenLogprob[] = [
  ["The", -0.01],
  [" capital", -0.05],
  [" of", -0.001],
  [" France", -0.02],
  [" is", -0.01],
  [" Paris", -0.3],
  [",", -1.1],
  [" a", -0.9],
  [" city", -0.4],
  [" famous", -2.3],
  [" for", -0.05],
  [" its", -0.2],
  [" museums", -1.6],
  [".", -0.02],
].map(([token, logprob]) => ({
  token: token as string,
  logprob: logprob as number,
  topLogprobs: [
    { token: token as string, logprob: logprob as number },
    { token: " known", logprob: -1.9 },
    { token: " renowned", logprob: -2.6 },
  ],
}));

let mounted: Mounted | undefined;
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

describe.each(THEMES)("<Logprobs> and <TokenUsage> (%s)", (theme) => {
  it("tints tokens, shows alternatives on focus, passes axe", async () => {
    mounted = await mount(<Logprobs part={{ logprobs }} />, theme, 520);
    const famous = [...mounted.root.querySelectorAll<HTMLElement>(".colloquy-logprobs__token")][9]!;
    famous.focus();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const tooltip = mounted.root.querySelector('[role="tooltip"]');
    expect(tooltip?.textContent).toContain("known");
    expect(await axeViolations(mounted.root)).toEqual([]);
    mounted.root.style.paddingBottom = "140px";
    await saveScreenshot(mounted.root, `logprobs-${theme}`);
  });

  it("shows usage in both variants", async () => {
    const usage = {
      inputTokens: 12840,
      outputTokens: 1532,
      totalTokens: 14372,
      cachedInputTokens: 11264,
      reasoningTokens: 896,
    };
    mounted = await mount(
      <div style={{ display: "flex", flexDirection: "column", gap: 12 }}>
        <TokenUsage usage={usage} locale="en-US" />
        <TokenUsage usage={usage} variant="detailed" locale="en-US" />
      </div>,
      theme,
      360,
    );
    expect(mounted.root.textContent).toContain("12,840 in · 1,532 out");
    expect(await axeViolations(mounted.root)).toEqual([]);
    await saveScreenshot(mounted.root, `token-usage-${theme}`);
  });
});
