import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import {
  Logprobs,
  confidenceBand,
  formatPercent,
  probabilityOf,
} from "../../src/ui/logprobs/logprobs.js";
import { TokenUsage } from "../../src/ui/token-usage/token-usage.js";

const logprobs = [
  {
    token: "Hello",
    logprob: -0.01,
    topLogprobs: [
      { token: "Hello", logprob: -0.01 },
      { token: "Hi", logprob: -4.7 },
    ],
  },
  { token: " world", logprob: -1.2, topLogprobs: [{ token: " there", logprob: -0.5 }] },
  { token: "!", logprob: -3 },
];

describe("<Logprobs>", () => {
  it("tints tokens by probability", () => {
    const { container } = render(<Logprobs part={{ logprobs }} />);
    const tokens = container.querySelectorAll(".colloquy-logprobs__token");
    expect([...tokens].map((t) => t.getAttribute("data-band"))).toEqual([
      "high",
      "low",
      "very-low",
    ]);
    expect(container.textContent).toBe("Hello world!");
  });

  it("shows probability and alternatives on focus, moving with arrow keys", async () => {
    const user = userEvent.setup();
    render(<Logprobs part={{ logprobs }} />);
    await user.tab();
    const tooltip = screen.getByRole("tooltip");
    expect(tooltip.textContent).toContain("99.0%");
    expect(tooltip.textContent).toContain("Hi");
    expect(tooltip.textContent).toContain("0.91%");
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("tooltip").textContent).toContain("30.1%");
    expect(screen.getByRole("tooltip").textContent).toContain("·there");
    expect(document.activeElement?.getAttribute("aria-describedby")).toBe(
      screen.getByRole("tooltip").id,
    );
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("tooltip")).toBeNull();
  });

  it("shows the tooltip on hover", async () => {
    const user = userEvent.setup();
    render(<Logprobs part={{ logprobs }} />);
    await user.hover(screen.getByText("!"));
    expect(screen.getByRole("tooltip").textContent).toContain("4.98%");
  });

  it("formats probabilities", () => {
    expect(probabilityOf(0)).toBe(1);
    expect(confidenceBand(0.95)).toBe("high");
    expect(formatPercent(0.00001)).toBe("<0.01");
    expect(formatPercent(1)).toBe("100");
  });
});

describe("<TokenUsage>", () => {
  const usage = {
    inputTokens: 1200,
    outputTokens: 340,
    totalTokens: 1540,
    cachedInputTokens: 1024,
    reasoningTokens: 128,
  };
  it("shows a compact line", () => {
    const { container } = render(<TokenUsage usage={usage} locale="en-US" />);
    expect(container.textContent).toContain("1,200 in · 340 out");
  });
  it("shows every count in the detailed variant", () => {
    render(<TokenUsage usage={usage} variant="detailed" locale="en-US" />);
    const group = screen.getByRole("group", { name: "Token usage" });
    const terms = [...group.querySelectorAll("dt")].map((d) => d.textContent);
    const values = [...group.querySelectorAll("dd")].map((d) => d.textContent);
    expect(terms).toEqual(["Input", "Cached", "Output", "Reasoning", "Total"]);
    expect(values).toEqual(["1,200", "1,024", "340", "128", "1,540"]);
  });
  it("renders nothing without usage", () => {
    const { container } = render(<TokenUsage usage={undefined} />);
    expect(container.innerHTML).toBe("");
  });
});
