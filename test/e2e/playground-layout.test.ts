// The playground's pages at phone, tablet and desktop widths, light and dark: a screenshot of
// each (test-results/screenshots/layout) and the layout rules every one must keep.
import { mkdirSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumLaunchOptions } from "../support/chromium.js";
import {
  buildPlayground,
  startPlayground,
  type RunningPlayground,
} from "./support/playground-server.js";

const SCREENSHOTS = "test-results/screenshots/layout";
const WIDTHS = [320, 390, 768, 1440] as const;
const THEMES = ["light", "dark"] as const;
/** Widths at which every control must be a touch target. */
const TOUCH_WIDTHS = new Set<number>([320, 390]);
const TOUCH_MIN = 40;
/** The reading column: `--colloquy-chat-column`, 48rem unless the page sets it. */
const COLUMN_PX = 48 * 16;

/**
 * Controls allowed under 40 px, and why: they sit inside running text, where WCAG 2.5.8 exempts
 * inline targets and a taller box would break the line: links in rendered markdown, and the
 * citation markers and chips at the end of a cited sentence.
 */
const TOUCH_EXEMPT = [
  ".colloquy-markdown a",
  ".colloquy-citation__marker",
  ".colloquy-citation-chip",
].join(", ");

let playground: RunningPlayground;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await buildPlayground();
  playground = await startPlayground({ pace: "instant" });
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  await playground?.close();
});

interface PageCase {
  /** Route after `#/`. */
  route: string;
  /** File name part. */
  name: string;
  /** Fills the page with what a user would see after using it. */
  use: (page: Page) => Promise<void>;
  /** Whether the page has a composer that must stay on screen. */
  composer: boolean;
  /** The whole page in the screenshot, not only the viewport (pages longer than a screen). */
  fullPage?: boolean;
}

async function sendAndWait(page: Page, text: string): Promise<void> {
  await page.getByRole("textbox", { name: "Message" }).fill(text);
  await page.getByRole("button", { name: "Send" }).click();
  await page
    .locator('.colloquy-message[data-role="assistant"]')
    .first()
    .waitFor({ timeout: 30_000 });
  await page.getByRole("button", { name: "Send" }).waitFor({ timeout: 60_000 });
}

const PAGES: PageCase[] = [
  {
    route: "chat",
    name: "chat",
    composer: true,
    use: (page) => sendAndWait(page, "Hello! Show me what markdown you can write."),
  },
  {
    route: "web-search",
    name: "web-search",
    composer: true,
    use: async (page) => {
      await page.getByRole("button", { name: /James Webb/ }).click();
      await page.locator(".colloquy-citation__marker, .colloquy-citation-chip").first().waitFor();
      await page.getByRole("button", { name: "Send" }).waitFor({ timeout: 60_000 });
    },
  },
  {
    route: "images",
    name: "image-gallery",
    composer: true,
    use: async (page) => {
      await sendAndWait(page, "Draw an image of a lighthouse at dusk");
      await page
        .locator('[aria-label="Gallery"] .colloquy-generated-image[data-state="complete"] img')
        .first()
        .waitFor({ timeout: 30_000 });
      // The answer's own image view loads on first use: the shots show it, not its placeholder.
      await page
        .locator('[role="log"] .colloquy-generated-image[data-state="complete"] img')
        .first()
        .waitFor({ timeout: 30_000 });
    },
  },
  {
    route: "computer",
    name: "computer-use",
    composer: true,
    use: async (page) => {
      await page.getByRole("button", { name: /Use the computer/ }).click();
      await page
        .getByRole("region", { name: "Screen" })
        .locator(".colloquy-computer img")
        .first()
        .waitFor({ timeout: 60_000 });
      await page.getByRole("button", { name: "Send" }).waitFor({ timeout: 60_000 });
    },
  },
  {
    route: "prompt-lab",
    name: "prompt-playground",
    composer: false,
    fullPage: true,
    use: async (page) => {
      await page.getByRole("button", { name: /^Run \d+ requests$/ }).click();
      await expect
        .poll(() => page.locator('.prompt-lab__cell[data-state="done"]').count(), {
          timeout: 60_000,
        })
        .toBe(4);
    },
  },
  {
    route: "fault-lab",
    name: "fault-lab",
    composer: true,
    use: async (page) => {
      await page.getByRole("textbox", { name: "Message" }).fill("Hello [fault:disconnect-after=5]");
      await page.getByRole("button", { name: "Send" }).click();
      await page.getByRole("alert").first().waitFor({ timeout: 30_000 });
    },
  },
];

/** What breaks the layout rules on the page as it stands, one line per problem. */
async function layoutProblems(page: Page, width: number, composer: boolean): Promise<string[]> {
  return page.evaluate(
    ({ width, composer, touch, touchMin, exempt, column }) => {
      const problems: string[] = [];
      const root = document.documentElement;
      if (root.scrollWidth > window.innerWidth) {
        // Name the outermost element that sticks out, so the message says what to fix.
        const clipped = (element: HTMLElement) => {
          for (let up = element.parentElement; up; up = up.parentElement) {
            if (getComputedStyle(up).overflowX !== "visible") return true;
          }
          return false;
        };
        const culprit = [...document.body.querySelectorAll<HTMLElement>("*")].find(
          (element) =>
            element.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(element),
        );
        const where = culprit ? ` (${culprit.tagName.toLowerCase()}.${culprit.className})` : "";
        problems.push(`scrolls sideways: ${root.scrollWidth}px of ${window.innerWidth}px${where}`);
      }
      if (composer) {
        const box = document.querySelector('textarea[aria-label="Message"]');
        const rect = box?.getBoundingClientRect();
        if (!rect || rect.top < 0 || rect.bottom > window.innerHeight || rect.width < 100) {
          problems.push(`composer off screen: ${JSON.stringify(rect)}`);
        }
      }
      if (touch) {
        for (const control of document.querySelectorAll<HTMLElement>(
          "button, a[href], summary, select, input[type=checkbox], input[type=radio]",
        )) {
          const rect = control.getBoundingClientRect();
          if (rect.width === 0 || control.closest(exempt)) continue;
          const target =
            control instanceof HTMLInputElement
              ? (control.closest("label")?.getBoundingClientRect() ?? rect)
              : rect;
          if (Math.min(target.width, target.height) < touchMin) {
            const name = (control.getAttribute("aria-label") ?? control.textContent ?? "").trim();
            problems.push(
              `small target ${control.tagName.toLowerCase()}.${control.className} "${name.slice(0, 30)}": ${Math.round(target.width)}x${Math.round(target.height)}`,
            );
          }
        }
      }
      if (width >= 1280) {
        for (const content of document.querySelectorAll(".colloquy-message-list__content")) {
          const wide = content.getBoundingClientRect().width;
          if (wide > column + 1) problems.push(`text column ${Math.round(wide)}px > ${column}px`);
        }
      }
      return problems;
    },
    {
      width,
      composer,
      touch: TOUCH_WIDTHS.has(width),
      touchMin: TOUCH_MIN,
      exempt: TOUCH_EXEMPT,
      column: COLUMN_PX,
    },
  );
}

describe("the playground's pages at 320, 390, 768 and 1440 px, light and dark", () => {
  for (const pageCase of PAGES) {
    it(`${pageCase.name}: no sideways scroll, composer on screen, touch targets, a readable column`, async () => {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      try {
        await page.addInitScript(() =>
          window.localStorage.setItem("colloquy-playground:theme", "light"),
        );
        await page.goto(`${playground.url}#/${pageCase.route}`);
        await pageCase.use(page);
        const problems: string[] = [];
        for (const theme of THEMES) {
          if (theme === "dark") await page.getByRole("button", { name: "Dark theme" }).click();
          for (const width of WIDTHS) {
            await page.setViewportSize({ width, height: width < 768 ? 740 : 900 });
            await page.waitForTimeout(150);
            await page.screenshot({
              path: `${SCREENSHOTS}/${pageCase.name}-${width}-${theme}.png`,
              fullPage: pageCase.fullPage ?? false,
            });
            for (const problem of await layoutProblems(page, width, pageCase.composer)) {
              problems.push(`${width}px ${theme}: ${problem}`);
            }
          }
        }
        expect([...new Set(problems)]).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
