import { mkdirSync, readFileSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumLaunchOptions } from "../support/chromium.js";
import { renderPicturePng } from "../../src/testing/render-picture.js";
import {
  buildPlayground,
  startPlayground,
  type RunningPlayground,
} from "./support/playground-server.js";

/**
 * The code interpreter's answer in the built playground's `<Chat>`, behind the proxy and the
 * emulator: the file it cites is a chip, and clicking the chip's button downloads the file's
 * bytes through the proxy (`GET /api/openai/v1/containers/{id}/files/{file_id}/content`) under
 * the cited file name.
 */

const SCREENSHOTS = "test-results/screenshots";
const CONTENT_PATH = /^\/api\/openai\/v1\/containers\/cntr_[^/]+\/files\/cfile_[^/]+\/content$/;

let playground: RunningPlayground;
let browser: Browser;

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

/** Opens the chat page in `colorScheme` and asks for the code interpreter's plot. */
async function askForPlot(colorScheme: "light" | "dark"): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: 900, height: 800 },
    colorScheme,
    acceptDownloads: true,
  });
  await page.goto(`${playground.url}#/chat`);
  const box = page.getByRole("textbox", { name: "Message" });
  await box.waitFor();
  await box.fill("Plot a sine with python");
  await page.getByRole("button", { name: "Send" }).click();
  await page.getByRole("button", { name: "Download plot.png" }).waitFor({ timeout: 30_000 });
  await page.getByRole("button", { name: "Send" }).waitFor({ timeout: 30_000 });
  return page;
}

describe("the code interpreter's file in <Chat>", () => {
  it("downloads through the proxy under the cited name when the chip's button is clicked", async () => {
    const page = await askForPlot("light");
    try {
      const answer = page.locator('.colloquy-message[data-role="assistant"]').last();
      const chip = answer.locator(".colloquy-file-chip");
      expect(await chip.count()).toBe(1);
      expect(await chip.locator(".colloquy-file-chip__name").innerText()).toBe("plot.png");
      // The model's sandbox: link is gone: the chip took its place.
      expect(await answer.innerText()).not.toContain("sandbox:");
      expect(await answer.locator('a[href^="sandbox:"]').count()).toBe(0);
      // The file the model wrote is not a source of the answer: no sources list repeats it.
      expect(await answer.locator(".colloquy-sources").count()).toBe(0);

      const response = page.waitForResponse((r) => CONTENT_PATH.test(new URL(r.url()).pathname));
      const download = page.waitForEvent("download");
      // Keyboard only: focus the button and press Enter.
      await page.getByRole("button", { name: "Download plot.png" }).focus();
      await page.keyboard.press("Enter");
      const served = await response;
      expect(served.request().method()).toBe("GET");
      expect(served.status()).toBe(200);
      expect(served.headers()["content-type"]).toBe("image/png");

      // The bytes saved are the plot the emulator's code interpreter wrote, as the proxy served them.
      const saved = await download;
      expect(saved.suggestedFilename()).toBe("plot.png");
      const bytes = readFileSync((await saved.path())!);
      expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      expect(Buffer.compare(bytes, Buffer.from(renderPicturePng({ size: 64, seed: "plot" })))).toBe(
        0,
      );
      expect(Number(served.headers()["content-length"] ?? bytes.length)).toBe(bytes.length);
      expect(await chip.locator('[role="alert"]').count()).toBe(0);
      await chip.screenshot({ path: `${SCREENSHOTS}/e2e-file-chip-light.png` });
      await answer
        .locator('[data-part-type="text"]')
        .screenshot({ path: `${SCREENSHOTS}/e2e-file-chip-answer-light.png` });
    } finally {
      await page.close();
    }
  });

  it("says the file is gone when the proxy answers 404, and keeps the button to retry", async () => {
    const page = await askForPlot("dark");
    try {
      await page.route(
        (url) => CONTENT_PATH.test(url.pathname),
        (route) => route.fulfill({ status: 404, contentType: "application/json", body: "{}" }),
      );
      const answer = page.locator('.colloquy-message[data-role="assistant"]').last();
      await answer
        .locator('[data-part-type="text"]')
        .screenshot({ path: `${SCREENSHOTS}/e2e-file-chip-answer-dark.png` });
      await page.getByRole("button", { name: "Download plot.png" }).click();
      const alert = answer.locator('.colloquy-file-chip [role="alert"]');
      await alert.waitFor({ timeout: 10_000 });
      expect(await alert.innerText()).toMatch(/plot\.png is no longer available/);
      await answer
        .locator(".colloquy-file-chip")
        .screenshot({ path: `${SCREENSHOTS}/e2e-file-chip-error-dark.png` });
    } finally {
      await page.close();
    }
  });
});
