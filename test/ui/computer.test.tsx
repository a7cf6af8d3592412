import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ComputerCallPart } from "../../src/core/index.js";
import {
  ComputerScreenshot,
  ComputerTimeline,
  defaultStrings,
  type ComputerAction,
} from "../../src/ui/index.js";
import { describeComputerAction } from "../../src/ui/computer/computer-actions.js";

const SHOT = "data:image/png;base64,iVBORw0KGgo=";

function call(
  action: ComputerAction,
  overrides: Partial<ComputerCallPart["item"]> = {},
): ComputerCallPart {
  return {
    type: "computer-call",
    id: "cu_1",
    state: "completed",
    item: {
      id: "cu_1",
      type: "computer_call",
      call_id: "call_1",
      status: "completed",
      pending_safety_checks: [],
      action,
      ...overrides,
    },
    output: { imageUrl: SHOT },
  };
}

const size = { width: 1024, height: 768 };

describe("describeComputerAction", () => {
  it("says what each action does", () => {
    const say = (action: ComputerAction) => describeComputerAction(action, defaultStrings);
    expect(say({ type: "click", button: "left", x: 438, y: 431 })).toBe("Click at 438, 431");
    expect(say({ type: "click", button: "right", x: 1, y: 2, keys: ["CTRL"] })).toBe(
      "CTRL + right click at 1, 2",
    );
    expect(say({ type: "double_click", x: 5, y: 6, keys: null })).toBe("Double click at 5, 6");
    expect(
      say({
        type: "drag",
        path: [
          { x: 1, y: 1 },
          { x: 5, y: 5 },
          { x: 9, y: 9 },
        ],
      }),
    ).toBe("Drag from 1, 1 to 9, 9");
    expect(say({ type: "scroll", x: 10, y: 20, scroll_x: 0, scroll_y: 300 })).toBe(
      "Scroll ↓ 300px at 10, 20",
    );
    expect(say({ type: "type", text: "hello" })).toBe("Type “hello”");
    expect(say({ type: "keypress", keys: ["CTRL", "S"] })).toBe("Press CTRL+S");
    expect(say({ type: "wait" })).toBe("Wait");
    expect(say({ type: "screenshot" })).toBe("Take a screenshot");
  });
});

describe("<ComputerScreenshot>", () => {
  it("draws a click as a ring with the button label, scaled to the screenshot", () => {
    const { container } = render(
      <ComputerScreenshot
        part={call({ type: "click", button: "left", x: 438, y: 431 })}
        screenSize={size}
      />,
    );
    expect(
      screen.getByRole("img", { name: "Screenshot: Click at 438, 431" }).getAttribute("src"),
    ).toBe(SHOT);
    const svg = container.querySelector("svg.colloquy-computer__overlay")!;
    expect(svg.getAttribute("viewBox")).toBe("0 0 1024 768");
    const ring = svg.querySelector(".colloquy-computer__ring")!;
    expect([ring.getAttribute("cx"), ring.getAttribute("cy")]).toEqual(["438", "431"]);
    expect(svg.querySelector("text")!.textContent).toBe("left");
  });

  it("draws a drag path with an arrow and a scroll arrow with its amount", () => {
    const { container, rerender } = render(
      <ComputerScreenshot
        part={call({
          type: "drag",
          path: [
            { x: 10, y: 10 },
            { x: 200, y: 300 },
          ],
        })}
        screenSize={size}
      />,
    );
    const path = container.querySelector("polyline")!;
    expect(path.getAttribute("points")).toBe("10,10 200,300");
    expect(path.getAttribute("marker-end")).toMatch(/^url\(#colloquy-arrow-/);
    rerender(
      <ComputerScreenshot
        part={call({ type: "scroll", x: 100, y: 100, scroll_x: 0, scroll_y: -240 })}
        screenSize={size}
      />,
    );
    expect(container.querySelector("svg text")!.textContent).toBe("↑ 240px");
  });

  it("shows typed text and keys as caption chips, as text", () => {
    const { container, rerender } = render(
      <ComputerScreenshot
        part={call({ type: "type", text: "<img src=x onerror=alert(1)>" })}
        screenSize={size}
      />,
    );
    expect(container.querySelector(".colloquy-computer__typed")!.textContent).toBe(
      "<img src=x onerror=alert(1)>",
    );
    expect(container.querySelectorAll("img")).toHaveLength(1);
    rerender(
      <ComputerScreenshot
        part={call({ type: "keypress", keys: ["CTRL", "S"] })}
        screenSize={size}
      />,
    );
    expect([...container.querySelectorAll("kbd")].map((kbd) => kbd.textContent)).toEqual([
      "CTRL",
      "S",
    ]);
  });

  it("asks to acknowledge pending safety checks", async () => {
    const user = userEvent.setup();
    const onAcknowledge = vi.fn();
    const onDeny = vi.fn();
    const checks = [
      {
        id: "sc_1",
        code: "malicious_instructions",
        message: "The page asks you to ignore instructions.",
      },
    ];
    const part = call(
      { type: "click", button: "left", x: 1, y: 1 },
      { pending_safety_checks: checks },
    );
    render(<ComputerScreenshot part={part} onAcknowledge={onAcknowledge} onDeny={onDeny} />);
    expect(screen.getByRole("group", { name: "Safety check" }).textContent).toContain(
      "The page asks you to ignore instructions.",
    );
    await user.click(screen.getByRole("button", { name: "Acknowledge" }));
    expect(onAcknowledge).toHaveBeenCalledWith(part, checks);
    await user.click(screen.getByRole("button", { name: "Deny" }));
    expect(onDeny).toHaveBeenCalledWith(part, checks);
  });

  it("hides checks that were acknowledged", () => {
    const part = call({ type: "wait" }, { pending_safety_checks: [{ id: "sc_1" }] });
    render(
      <ComputerScreenshot
        part={{ ...part, output: { imageUrl: SHOT, acknowledgedSafetyChecks: [{ id: "sc_1" }] } }}
      />,
    );
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("refuses an unsafe screenshot URL", () => {
    const { container } = render(
      <ComputerScreenshot part={call({ type: "wait" })} screenshot="javascript:alert(1)" />,
    );
    expect(container.querySelector("img")).toBeNull();
    expect(screen.getByText("No screenshot yet")).toBeTruthy();
  });
});

describe("<ComputerTimeline>", () => {
  it("lists the steps and selects one", async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    const parts = [
      call({ type: "screenshot" }),
      { ...call({ type: "click", button: "left", x: 438, y: 431 }), id: "cu_2" },
    ];
    render(<ComputerTimeline parts={parts} selectedIndex={0} onSelect={onSelect} />);
    const steps = screen.getAllByRole("button");
    expect(steps.map((step) => step.textContent)).toEqual([
      "1Take a screenshotCompleted",
      "2Click at 438, 431Completed",
    ]);
    expect(steps[0]!.getAttribute("aria-current")).toBe("step");
    await user.click(steps[1]!);
    expect(onSelect).toHaveBeenCalledWith(1);
  });
});
