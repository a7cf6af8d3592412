import { mkdirSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from "vitest";
import { chromiumLaunchOptions } from "../support/chromium.js";
import {
  buildPlayground,
  startPlayground,
  type RunningPlayground,
} from "./support/playground-server.js";

const SCREENSHOTS = "test-results/screenshots";

let playground: RunningPlayground;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await buildPlayground();
  playground = await startPlayground();
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  await playground?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterEach(async () => {
  await page.close();
});

async function open(route: string): Promise<void> {
  await page.goto(`${playground.url}#/${route}`);
  await page.getByRole("textbox", { name: "Message" }).waitFor();
}

async function send(text: string): Promise<void> {
  await page.getByRole("textbox", { name: "Message" }).fill(text);
  await page.getByRole("button", { name: "Send" }).click();
}

const assistantMessages = () => page.locator('.colloquy-message[data-role="assistant"]');

describe("the built playground", () => {
  it("streams a markdown answer into the chat", async () => {
    await open("chat");
    await send("Hello! Show me what markdown you can write.");
    const answer = assistantMessages().last();
    await expect
      .poll(() => answer.locator("strong").count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await page.getByRole("button", { name: "Send" }).waitFor({ timeout: 30_000 });
    expect(await answer.locator("table, pre, h1, h2, h3").count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-chat.png` });
  });

  it("shows numbered citations for a web search answer", async () => {
    await open("web-search");
    await page.getByRole("button", { name: /James Webb/ }).click();
    const markers = page.locator(".colloquy-citation__marker");
    await expect.poll(() => markers.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Send" }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-web-search.png` });
  });

  it("shows a partial and then the final image in the gallery", async () => {
    await open("images");
    // Record every state the gallery's image passes through, however brief.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seenStates: string[] }).seenStates = seen;
      new MutationObserver(() => {
        for (const figure of document.querySelectorAll(
          '[aria-label="Gallery"] .colloquy-generated-image',
        )) {
          const state = figure.getAttribute("data-state") ?? "";
          if (seen.at(-1) !== state) seen.push(state);
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    // Events 250 ms apart, so every state is on screen long enough to be seen, however busy the machine.
    await send("Draw an image of a lighthouse at dusk [fault:slow=250]");
    const final = page.locator(
      '[aria-label="Gallery"] .colloquy-generated-image[data-state="complete"] img',
    );
    await final.first().waitFor({ timeout: 30_000 });
    const seen = await page.evaluate(
      () => (window as unknown as { seenStates: string[] }).seenStates,
    );
    expect(seen).toContain("partial");
    expect(seen.at(-1)).toBe("complete");
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-image-gallery.png` });
  });

  it("stops an answer mid-stream and keeps what arrived", async () => {
    await open("chat");
    await send("Tell me about streaming, in detail.");
    const stop = page.getByRole("button", { name: "Stop" });
    await stop.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => assistantMessages().last().innerText(), { timeout: 30_000 })
      .not.toBe("");
    await stop.click();
    await page.getByRole("button", { name: "Send" }).waitFor({ timeout: 10_000 });
    await expect
      .poll(() => assistantMessages().last().getAttribute("data-state"), { timeout: 10_000 })
      .toBe("aborted");
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-stopped.png` });
  });

  it("shows an injected fault as an error, and retry recovers", async () => {
    await open("chat");
    await send("Hello [fault:disconnect-after=5]");
    const alert = page.locator(".colloquy-chat__error");
    await alert.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-fault.png` });
    await alert.getByRole("button", { name: "Retry" }).click();
    await expect.poll(() => alert.count(), { timeout: 30_000 }).toBe(0);
    const answer = assistantMessages().last();
    await expect
      .poll(() => answer.locator("strong").count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await page.getByRole("button", { name: "Send" }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-fault-recovered.png` });
  });
});

describe("the built playground's other pages", () => {
  it("runs every variant over every input in the prompt playground", async () => {
    await page.goto(`${playground.url}#/prompt-lab`);
    await page.getByRole("button", { name: "Run 4 requests" }).click();
    const results = page.getByRole("region", { name: "Results" });
    await expect
      .poll(() => results.locator('.prompt-lab__cell[data-state="done"]').count(), {
        timeout: 60_000,
      })
      .toBe(4);
    expect(await results.getByText("Est. cost").count()).toBe(4);
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-prompt-lab.png`, fullPage: true });
  });

  it("steps through a computer-use loop with app-side screenshots", async () => {
    await page.goto(`${playground.url}#/computer`);
    await page.getByRole("button", { name: /Use the computer/ }).click();
    const screen = page.getByRole("region", { name: "Screen" });
    await screen.locator(".colloquy-computer img").first().waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Send" }).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-computer-use.png`, fullPage: true });
  });
});
