import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type Page } from "playwright-core";
import type * as AxeCore from "axe-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CHAT_PARTS } from "../../src/element/element-parts.js";
import { chromiumLaunchOptions } from "../support/chromium.js";
import {
  buildStandaloneScripts,
  startServeProcess,
  type ServeProcess,
} from "./support/colloquy-serve-process.js";
import { chatHandles, typeAndSend } from "./support/element-page.js";

const SCREENSHOTS = "test-results/screenshots";
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** What a careless or hostile page does to everything it can reach. */
const HOSTILE_CSS = `
  * { all: unset; }
  div { display: inline; }
  html, body, * { font: italic 30px/3 "Comic Sans MS", cursive !important; color: red; }
  textarea, button { background: yellow !important; border: 5px solid lime !important; }
  .colloquy-chat, .colloquy-composer, .colloquy-message { display: none !important; }
`;

/**
 * The page's own layout for the element, on both pages compared. `* { all: unset }` resets the
 * host element's box too (a page's rule beats the shadow root's `:host` rule, by design, so a
 * page can size or hide the element), so the comparison gives both the same box, on whole
 * pixels, square (rounded corners would show the hostile page behind them).
 */
const FRAME_CSS =
  "#chat { display: block !important; position: fixed !important; top: 40px; left: 40px; width: 760px; height: 520px; border-radius: 0 !important; }";

let server: ServeProcess;
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await buildStandaloneScripts();
  server = await startServeProcess(["--emulator", "--static", "examples/plain-html"]);
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(): Promise<Page> {
  const opened = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  opened.on("pageerror", (error) => pageErrors.push(error.message));
  await opened.goto(server.url);
  await chatHandles(opened, "chat").textbox.waitFor();
  return opened;
}

beforeEach(async () => {
  pageErrors = [];
  page = await openPage();
});

afterEach(async () => {
  await page.close();
  expect(pageErrors).toEqual([]);
});

/** The widget with one finished answer, as a PNG of the element's box. */
async function answeredWidget(target: Page): Promise<Buffer> {
  const chat = chatHandles(target, "chat");
  await typeAndSend(chat, "Hello! Show me some markdown.");
  await expect
    .poll(() => chat.assistantMessages.last().getAttribute("data-state"), { timeout: 30_000 })
    .toBe("complete");
  await target.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  return chat.element.screenshot({ animations: "disabled", caret: "hide" });
}

/** How many pixels differ between two PNGs of one size, counted by the browser's canvas. */
async function differingPixels(a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([first, second]) => {
      const pixels = async (base64: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement("canvas");
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext("2d")!;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height);
      };
      const [x, y] = await Promise.all([pixels(first!), pixels(second!)]);
      if (x.width !== y.width || x.height !== y.height) return -1;
      let differ = 0;
      for (let index = 0; index < x.data.length; index += 4) {
        if (
          x.data[index] !== y.data[index] ||
          x.data[index + 1] !== y.data[index + 1] ||
          x.data[index + 2] !== y.data[index + 2]
        ) {
          differ++;
        }
      }
      return differ;
    },
    [a.toString("base64"), b.toString("base64")] as const,
  );
}

describe("<colloquy-chat> keeps the page's CSS out and lets its theme in", () => {
  it("looks the same, pixel for pixel, on a page with * { all: unset }, div { display: inline } and a global font", async () => {
    await page.addStyleTag({ content: FRAME_CSS });
    const plain = await answeredWidget(page);
    const hostile = await openPage();
    try {
      await hostile.addStyleTag({ content: FRAME_CSS + HOSTILE_CSS });
      const attacked = await answeredWidget(hostile);
      writeFileSync(`${SCREENSHOTS}/element-plain.png`, plain);
      writeFileSync(`${SCREENSHOTS}/element-hostile-css.png`, attacked);
      expect(await differingPixels(plain, attacked)).toBe(0);
    } finally {
      await hostile.close();
    }
  });

  it("fits the box the page gives it: the chat's padding does not push the composer out", async () => {
    const overflow = await page.evaluate(() => {
      const host = document.getElementById("chat")!;
      const composer = host.shadowRoot!.querySelector(".colloquy-chat__composer")!;
      return composer.getBoundingClientRect().bottom - host.getBoundingClientRect().bottom;
    });
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it("takes --colloquy-color-accent from the page through the shadow root", async () => {
    const chat = chatHandles(page, "chat");
    await page.addStyleTag({ content: "#chat { --colloquy-color-accent: rgb(200, 0, 120); }" });
    await chat.textbox.fill("Hi");
    await expect
      .poll(() => chat.send.evaluate((button) => getComputedStyle(button).backgroundColor))
      .toBe("rgb(200, 0, 120)");
  });

  it("names its pieces for ::part(), and the page's ::part(composer) rule applies", async () => {
    const chat = chatHandles(page, "chat");
    await typeAndSend(chat, "Hello [fault:slow=100]");
    await chat.stop.waitFor({ timeout: 30_000 });
    // The stop button shows once the request is sent; the answer's own element comes with its
    // first event, later on a busy machine.
    await chat.assistantMessages.first().waitFor({ timeout: 30_000 });
    const parts = await page.evaluate(() => {
      const root = document.getElementById("chat")!.shadowRoot!;
      return [...root.querySelectorAll("[part]")].flatMap((element) =>
        element.getAttribute("part")!.split(" "),
      );
    });
    for (const name of ["root", ...Object.values(CHAT_PARTS)]) {
      if (name === "error" || name === "send-button") continue;
      expect(parts, `part "${name}"`).toContain(name);
    }
    expect(parts).toContain("message-user");
    expect(parts).toContain("message-assistant");
    await chat.stop.click();
    await chat.send.waitFor();
    expect(parts.length).toBeGreaterThan(0);
    const composer = chat.element.locator('[part~="composer"]');
    // examples/plain-html styles #chat::part(composer) with background #faf8f3.
    expect(await composer.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(
      "rgb(250, 248, 243)",
    );
    expect(await chat.element.locator('[part~="send-button"]').count()).toBe(1);
  });
});

describe("<colloquy-chat launcher>", () => {
  /** Where focus is: the element holding it and, inside its shadow root, what has it. */
  const focus = () =>
    page.evaluate(() => {
      const host = document.activeElement;
      const inner = host?.shadowRoot?.activeElement;
      return {
        host: host?.id ?? host?.tagName ?? null,
        part: inner?.closest("[part]")?.getAttribute("part") ?? null,
        inPanel: Boolean(inner?.closest('[part="panel"]')),
        tag: inner?.tagName ?? null,
      };
    });

  it("opens a dialog from the corner button, keeps Tab inside it, closes with Escape and gives focus back", async () => {
    const support = page.locator("#support");
    const button = support.getByRole("button", { name: "Open chat" });
    const dialog = support.getByRole("dialog", { name: "Chat" });
    expect(await dialog.isVisible()).toBe(false);
    await button.focus();
    await page.keyboard.press("Enter");
    await dialog.waitFor();
    expect(await focus()).toMatchObject({ host: "support", inPanel: true, tag: "TEXTAREA" });
    for (let press = 0; press < 8; press++) {
      await page.keyboard.press("Tab");
      expect(await focus(), `after Tab ${press + 1}`).toMatchObject({
        host: "support",
        inPanel: true,
      });
    }
    for (let press = 0; press < 8; press++) {
      await page.keyboard.press("Shift+Tab");
      expect(await focus(), `after Shift+Tab ${press + 1}`).toMatchObject({
        host: "support",
        inPanel: true,
      });
    }
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await focus()).toMatchObject({ host: "support", part: "launcher" });
    expect(await support.getAttribute("open")).toBeNull();
  });

  it("starts open with the open attribute and sits in the corner position names", async () => {
    const support = page.locator("#support");
    await support.evaluate((element) => {
      element.setAttribute("position", "bottom-left");
      element.setAttribute("open", "");
    });
    await support.getByRole("dialog", { name: "Chat" }).waitFor();
    const box = await support.locator('[part="launcher"]').boundingBox();
    expect(box!.x).toBeLessThan(100);
    await support.getByRole("button", { name: "Close chat" }).first().click();
    await expect.poll(() => support.getAttribute("open")).toBeNull();
  });
});

describe("<colloquy-chat> accessibility", () => {
  async function axeViolations(): Promise<string[]> {
    await page.addScriptTag({ path: AXE });
    return page.evaluate(async () => {
      const axe = (window as unknown as { axe: typeof AxeCore }).axe;
      await Promise.all(
        document.getAnimations().map((animation) => animation.finished.catch(() => undefined)),
      );
      const results = await axe.run(document, { resultTypes: ["violations"] });
      return results.violations.map(
        (violation) =>
          `${violation.id}: ${violation.help} (${violation.nodes
            .slice(0, 3)
            .map((node) => JSON.stringify(node.target))
            .join(", ")})`,
      );
    });
  }

  it("has no axe violations with an answer shown and the launcher's panel open", async () => {
    const chat = chatHandles(page, "chat");
    await typeAndSend(chat, "Hello! Show me some markdown.");
    await expect
      .poll(() => chat.assistantMessages.last().getAttribute("data-state"), { timeout: 30_000 })
      .toBe("complete");
    await page.locator("#support").getByRole("button", { name: "Open chat" }).click();
    await page.locator("#support").getByRole("dialog").waitFor();
    expect(await axeViolations()).toEqual([]);
  });

  it("has no axe violations in the dark theme", async () => {
    await page.locator("#chat").evaluate((element) => element.setAttribute("theme", "dark"));
    const chat = chatHandles(page, "chat");
    await typeAndSend(chat, "Hello! Show me some markdown.");
    await expect
      .poll(() => chat.assistantMessages.last().getAttribute("data-state"), { timeout: 30_000 })
      .toBe("complete");
    expect(await axeViolations()).toEqual([]);
  });
});
