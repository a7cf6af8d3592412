import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import type { ReasoningPart } from "../../src/core/index.js";
import { Reasoning } from "../../src/ui/reasoning/reasoning.js";

const streamingPart: ReasoningPart = {
  type: "reasoning",
  summary: [{ text: "**Planning** the answer", state: "streaming" }],
  state: "streaming",
};
const donePart: ReasoningPart = {
  type: "reasoning",
  summary: [{ text: "**Planning** the answer", state: "done" }],
  state: "done",
  durationMs: 4_400,
};

describe("<Reasoning>", () => {
  it("is open with the summary while thinking, then collapses to the measured duration", () => {
    const { rerender } = render(<Reasoning part={streamingPart} />);
    const trigger = screen.getByRole("button", { name: "Thinking" });
    expect(trigger.getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByText("Planning").tagName).toBe("STRONG");
    rerender(<Reasoning part={donePart} />);
    const collapsed = screen.getByRole("button", { name: "Thought for 4 seconds" });
    expect(collapsed.getAttribute("aria-expanded")).toBe("false");
    expect(document.getElementById(collapsed.getAttribute("aria-controls")!)!.hidden).toBe(true);
  });

  it("says only 'Thought' when the duration is unknown", () => {
    render(<Reasoning part={{ ...donePart, durationMs: undefined }} />);
    expect(screen.getByRole("button").textContent).toBe("Thought");
  });

  it("opens and closes from the keyboard", async () => {
    const user = userEvent.setup();
    render(<Reasoning part={donePart} />);
    const trigger = screen.getByRole("button");
    await user.tab();
    expect(document.activeElement).toBe(trigger);
    await user.keyboard("{Enter}");
    expect(trigger.getAttribute("aria-expanded")).toBe("true");
    const panel = screen.getByRole("region", { name: "Thought for 4 seconds" });
    expect(panel.id).toBe(trigger.getAttribute("aria-controls"));
    expect(panel.hidden).toBe(false);
    await user.keyboard(" ");
    expect(trigger.getAttribute("aria-expanded")).toBe("false");
    expect(panel.hidden).toBe(true);
  });

  it("can be controlled", async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    function Controlled() {
      const [open, setOpen] = useState(false);
      return (
        <Reasoning
          part={donePart}
          open={open}
          onOpenChange={(next) => {
            onOpenChange(next);
            setOpen(next);
          }}
        />
      );
    }
    render(<Controlled />);
    await user.click(screen.getByRole("button"));
    expect(onOpenChange).toHaveBeenCalledWith(true);
    expect(screen.getByRole("button").getAttribute("aria-expanded")).toBe("true");
    // A controlled panel that its parent keeps closed stays closed.
    render(<Reasoning part={donePart} open={false} />);
    await user.click(screen.getAllByRole("button")[1]!);
    expect(screen.getAllByRole("button")[1]!.getAttribute("aria-expanded")).toBe("false");
  });

  it("says when the reasoning is hidden", () => {
    render(
      <Reasoning
        part={{ type: "reasoning", summary: [], encryptedContent: "x", state: "done" }}
        defaultOpen
      />,
    );
    expect(screen.getByText("Reasoning is hidden")).toBeTruthy();
  });
});
