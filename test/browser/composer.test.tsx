import { afterEach, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import { Composer } from "../../src/ui/index.js";
import { THEMES, axeViolations, mount, saveScreenshot, type Mounted } from "./component-harness.js";

let mounted: Mounted | undefined;

afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

// A real 1x1 PNG, so the thumbnail is decoded by the browser.
const PNG = Uint8Array.from(
  atob(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC",
  ),
  (c) => c.charCodeAt(0),
);

describe.each(THEMES)("<Composer> (%s)", (theme) => {
  it("grows with its text, sends on Enter and breaks on Shift+Enter", async () => {
    const sent: string[] = [];
    mounted = await mount(<Composer onSend={(message) => void sent.push(message.text)} />, theme);
    const textarea = mounted.root.querySelector("textarea")!;
    const oneLine = textarea.getBoundingClientRect().height;
    await userEvent.click(textarea);
    await userEvent.keyboard(
      "first line{Shift>}{Enter}{/Shift}second line{Shift>}{Enter}{/Shift}third",
    );
    expect(textarea.value).toBe("first line\nsecond line\nthird");
    expect(textarea.getBoundingClientRect().height).toBeGreaterThan(oneLine);
    expect(await axeViolations(mounted.root)).toEqual([]);
    await saveScreenshot(mounted.root, `composer-${theme}`);
    await userEvent.keyboard("{Enter}");
    expect(sent).toEqual(["first line\nsecond line\nthird"]);
    expect(textarea.value).toBe("");
  });

  it("shows attachments, errors and the stop button", async () => {
    mounted = await mount(
      <Composer
        onSend={() => {}}
        onStop={() => {}}
        status="streaming"
        defaultValue="Summarise the attached report"
        accept="image/*,application/pdf"
        maxFileSize={1024 * 1024}
      />,
      theme,
    );
    const picker = mounted.root.querySelector<HTMLInputElement>('input[type="file"]')!;
    const files = [
      new File([PNG], "chart.png", { type: "image/png" }),
      new File([new Uint8Array(2048)], "quarterly-report.pdf", { type: "application/pdf" }),
      new File([new Uint8Array(2 * 1024 * 1024)], "huge-scan.pdf", { type: "application/pdf" }),
    ];
    await userEvent.upload(picker, files);
    await expect
      .poll(() => mounted!.root.querySelector(".colloquy-attachment__thumbnail")?.tagName)
      .toBe("IMG");
    expect(mounted.root.querySelector('[role="alert"]')!.textContent).toBe(
      "huge-scan.pdf is too large: the limit is 1 MB.",
    );
    expect(mounted.root.querySelector("textarea")!.value).toBe("Summarise the attached report");
    expect(mounted.root.querySelector('button[aria-label="Stop"]')).not.toBeNull();
    expect(await axeViolations(mounted.root)).toEqual([]);
    await saveScreenshot(mounted.root, `composer-attachments-${theme}`);
  });
});
