// The prompt playground's own views: variants sharing the width, the word diff between two
// answers, structured output as a keyboard-driven tree, and export code that copies.
import { act } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Message } from "../../src/core/index.js";
import { AnswerDiff } from "../../playground/src/prompt-lab/answer-diff.js";
import { JsonTree } from "../../playground/src/prompt-lab/json-tree.js";
import { defaultLabConfig } from "../../playground/src/prompt-lab/lab-config.js";
import { PromptLab } from "../../playground/src/prompt-lab/prompt-lab.js";
import { PENDING, type CellResult } from "../../playground/src/prompt-lab/run-cell.js";
import { THEMES, axeViolations, mount, type Mounted } from "./component-harness.js";
import { recordingEmulator } from "./emulator-fetch.js";

let mounted: Mounted | undefined;
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

function answered(text: string): CellResult {
  const message = {
    id: "m",
    role: "assistant",
    parts: [{ type: "text", text }],
    metadata: {},
    status: "done",
  } as unknown as Message;
  return { ...PENDING, status: "done", message };
}

describe("the prompt playground", () => {
  it("lays two variants side by side, each about half of a 1440 px page", async () => {
    mounted = await mount(
      <PromptLab endpoint="http://127.0.0.1/v1" fetch={recordingEmulator().fetch} />,
      "light",
      1440,
    );
    const grid = mounted.root.querySelector(".prompt-lab__variants")!.getBoundingClientRect();
    const variants = [...mounted.root.querySelectorAll(".prompt-lab__variant")].map((v) =>
      v.getBoundingClientRect(),
    );
    expect(variants).toHaveLength(2);
    for (const box of variants) {
      expect(box.width / grid.width).toBeGreaterThan(0.45);
      expect(box.width / grid.width).toBeLessThanOrEqual(0.5);
    }
    expect(variants[0]!.top).toBe(variants[1]!.top);
  });

  it("marks the words one answer adds and the other leaves out", async () => {
    const config = defaultLabConfig();
    const [a, b] = config.variants;
    const results: Record<string, CellResult> = {
      [`0:${a!.id}`]: answered("Streaming sends tokens as they are made."),
      [`0:${b!.id}`]: answered("Streaming sends each token as soon as it is made."),
    };
    mounted = await mount(
      <AnswerDiff
        config={{ ...config, rows: config.rows.slice(0, 1) }}
        resultOf={(row, id) => results[`${row}:${id}`]}
      />,
      "light",
    );
    const diff = mounted.root.querySelector('[data-testid="diff-0"]')!;
    const removed = [...diff.querySelectorAll("del")].map((d) => d.textContent!.trim());
    const added = [...diff.querySelectorAll("ins")].map((i) => i.textContent!.trim());
    expect(removed.join(" ")).toContain("tokens");
    expect(removed.join(" ")).toContain("they are");
    expect(added.join(" ")).toContain("each token");
    expect(added.join(" ")).toContain("soon as it is");
    expect(diff.textContent).toContain("Streaming sends");
    expect(diff.querySelector("del")!.textContent).not.toContain("Streaming");
  });

  it("opens and closes structured output's nodes from the keyboard", async () => {
    mounted = await mount(
      <JsonTree
        value={{ title: "Lighthouse", tags: ["dusk", "sea"], size: { w: 2, h: 3 } }}
        label="Structured output"
      />,
      "dark",
    );
    const toggle = (name: string) =>
      [...mounted!.root.querySelectorAll<HTMLButtonElement>(".prompt-lab__json-toggle")].find(
        (button) => button.querySelector(".prompt-lab__json-key")!.textContent === name,
      )!;
    const tags = toggle("tags");
    expect(tags.getAttribute("aria-expanded")).toBe("true");
    expect(mounted.root.textContent).toContain('"dusk"');
    tags.focus();
    await act(async () => {
      tags.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowLeft", bubbles: true }));
    });
    expect(tags.getAttribute("aria-expanded")).toBe("false");
    expect(mounted.root.textContent).not.toContain('"dusk"');
    await act(async () => {
      tags.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    });
    expect(tags.getAttribute("aria-expanded")).toBe("true");
    expect(mounted.root.textContent).toContain('"dusk"');
    // Enter and Space work as on any button: the toggle is one.
    expect(tags.type).toBe("button");
    expect(toggle("size").getAttribute("aria-expanded")).toBe("true");
  });

  it("shows a variant's structured output as a tree once it has run", async () => {
    const config = defaultLabConfig();
    const schema = JSON.stringify({
      type: "object",
      properties: { title: { type: "string" }, tags: { type: "array", items: { type: "string" } } },
      required: ["title", "tags"],
      additionalProperties: false,
    });
    mounted = await mount(
      <PromptLab
        endpoint="http://127.0.0.1/v1"
        fetch={recordingEmulator().fetch}
        initialConfig={{
          ...config,
          rows: config.rows.slice(0, 1),
          variants: config.variants.map((v) => ({ ...v, jsonSchema: schema })),
        }}
      />,
      "light",
      1440,
    );
    const run = [...mounted.root.querySelectorAll("button")].find((b) =>
      /^Run \d+ requests$/.test(b.textContent ?? ""),
    )!;
    await act(async () => run.click());
    await expect
      .poll(() => mounted!.root.querySelectorAll('.prompt-lab__cell[data-state="done"]').length, {
        timeout: 20_000,
      })
      .toBe(2);
    const trees = mounted.root.querySelectorAll('[role="group"][aria-label="Structured output"]');
    expect(trees).toHaveLength(2);
    expect(trees[0]!.querySelector('[aria-expanded="true"]')).not.toBeNull();
  });

  it("copies the exported curl command as shown", async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    mounted = await mount(
      <PromptLab endpoint="http://127.0.0.1/v1" fetch={recordingEmulator().fetch} />,
      "light",
      1440,
    );
    const shown = mounted.root.querySelector('pre[aria-label="curl command"]')!.textContent;
    expect(shown).toContain("curl");
    const copy = mounted.root.querySelector<HTMLButtonElement>(
      'button[aria-label="Copy curl command"]',
    )!;
    await act(async () => copy.click());
    expect(writeText).toHaveBeenCalledWith(shown);
    // The export spans the page, not one variant's card.
    const exportBox = mounted.root.querySelector(".prompt-lab__export")!.getBoundingClientRect();
    const page = mounted.root.querySelector(".prompt-lab")!.getBoundingClientRect();
    expect(exportBox.width).toBe(page.width);
  });

  for (const theme of THEMES) {
    it(`has no axe violations on the whole page, styled selects included (${theme})`, async () => {
      mounted = await mount(
        <PromptLab endpoint="http://127.0.0.1/v1" fetch={recordingEmulator().fetch} />,
        theme,
        1440,
      );
      expect(await axeViolations(mounted.root)).toEqual([]);
    });

    it(`has no axe violations in the diff and the tree (${theme})`, async () => {
      const config = defaultLabConfig();
      const [a, b] = config.variants;
      const results: Record<string, CellResult> = {
        [`0:${a!.id}`]: answered("One two three."),
        [`0:${b!.id}`]: answered("One four three."),
      };
      mounted = await mount(
        <>
          <AnswerDiff
            config={{ ...config, rows: config.rows.slice(0, 1) }}
            resultOf={(row, id) => results[`${row}:${id}`]}
          />
          <JsonTree value={{ name: "x", items: [1, true, null] }} label="Structured output" />
        </>,
        theme,
      );
      expect(await axeViolations(mounted.root)).toEqual([]);
    });
  }
});
