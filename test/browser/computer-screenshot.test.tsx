import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { commands } from "vitest/browser";
import type { ComputerCallPart } from "../../src/core/index.js";
import { ComputerScreenshot, ComputerTimeline, type ComputerAction } from "../../src/ui/index.js";
import {
  THEMES,
  axeViolations,
  imagesLoaded,
  mount,
  recordedParts,
  saveScreenshot,
  type Mounted,
} from "./component-harness.js";

const FILE = "computer-use-screenshot-roundtrip.session.json";

let mounted: Mounted | undefined;
let calls: ComputerCallPart[] = [];
let screenshot: string | undefined;

beforeAll(async () => {
  calls = await recordedParts(FILE, "computer-call");
  // The second request sends back the screenshot the first call asked for; the click in the
  // second response is measured on it.
  const exchanges = await commands.readCaptureExchanges("responses", FILE);
  for (const exchange of exchanges) {
    const input = (exchange.request as { input?: unknown[] } | undefined)?.input ?? [];
    for (const item of input) {
      const output = (item as { type?: string; output?: { image_url?: string } }).output;
      if ((item as { type?: string }).type === "computer_call_output" && output?.image_url) {
        screenshot = output.image_url;
      }
    }
  }
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

const screen = { width: 1024, height: 768 };

function withAction(part: ComputerCallPart, action: ComputerAction, id: string): ComputerCallPart {
  return { ...part, id, item: { ...part.item, id, action } };
}

describe.each(THEMES)("computer use from the recordings (%s)", (theme) => {
  it("draws the recorded click on the recorded screenshot", async ({ skip }) => {
    if (calls.length < 2 || !screenshot) skip("recordings not present");
    const click = calls.find((call) => call.item.action?.type === "click")!;
    expect(click.item.action).toMatchObject({ type: "click", x: 438, y: 431 });
    mounted = await mount(<ComputerScreenshot part={click} screenshot={screenshot} />, theme);
    await imagesLoaded(mounted.root);
    const img = mounted.root.querySelector<HTMLImageElement>(".colloquy-computer__screenshot")!;
    expect(img.naturalWidth).toBe(1024);
    await expect
      .poll(() => mounted!.root.querySelector("svg.colloquy-computer__overlay"))
      .not.toBeNull();
    // The ring sits where the click is, in screen pixels of the displayed image.
    const ring = mounted.root
      .querySelector("circle.colloquy-computer__ring")!
      .getBoundingClientRect();
    const box = img.getBoundingClientRect();
    const scale = box.width / 1024;
    expect(Math.abs(ring.x + ring.width / 2 - (box.x + 438 * scale))).toBeLessThan(2);
    expect(Math.abs(ring.y + ring.height / 2 - (box.y + 431 * scale))).toBeLessThan(2);
    expect(await axeViolations(mounted.root)).toEqual([]);
    await saveScreenshot(mounted.root, `computer-screenshot-${theme}`);
  });

  it("draws every kind of action, and safety checks", async ({ skip }) => {
    if (calls.length < 2 || !screenshot) skip("recordings not present");
    const base = calls[1]!;
    const actions: ComputerAction[] = [
      { type: "double_click", x: 200, y: 150, keys: null },
      {
        type: "drag",
        path: [
          { x: 120, y: 600 },
          { x: 400, y: 520 },
          { x: 700, y: 560 },
        ],
      },
      { type: "scroll", x: 512, y: 384, scroll_x: 0, scroll_y: 400 },
      { type: "type", text: "Quarterly report.docx" },
      { type: "keypress", keys: ["CTRL", "S"] },
      { type: "move", x: 900, y: 100 },
    ];
    const parts = actions.map((action, index) => withAction(base, action, `cu_${index}`));
    const guarded: ComputerCallPart = {
      ...parts[1]!,
      item: {
        ...parts[1]!.item,
        pending_safety_checks: [
          {
            id: "cu_sc_1",
            code: "malicious_instructions",
            message: "The page contains instructions to ignore the user.",
          },
        ],
      },
    };
    mounted = await mount(
      <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 12 }}>
        {parts.map((part, index) => (
          <ComputerScreenshot
            key={part.id}
            part={index === 1 ? guarded : part}
            screenshot={screenshot}
            screenSize={screen}
            onAcknowledge={() => {}}
            onDeny={() => {}}
          />
        ))}
      </div>,
      theme,
      1100,
    );
    await imagesLoaded(mounted.root);
    expect(mounted.root.querySelector("polyline")).not.toBeNull();
    expect(mounted.root.textContent).toContain("Quarterly report.docx");
    expect(await axeViolations(mounted.root)).toEqual([]);
    await saveScreenshot(mounted.root, `computer-actions-${theme}`);
  });

  it("lists the session as a timeline", async ({ skip }) => {
    if (calls.length < 2 || !screenshot) skip("recordings not present");
    const steps = [calls[0]!, { ...calls[1]!, output: { imageUrl: screenshot } }];
    mounted = await mount(
      <ComputerTimeline parts={steps} selectedIndex={1} onSelect={() => {}} />,
      theme,
    );
    expect(mounted.root.querySelectorAll("li")).toHaveLength(2);
    expect(await axeViolations(mounted.root)).toEqual([]);
    await saveScreenshot(mounted.root, `computer-timeline-${theme}`);
  });
});
