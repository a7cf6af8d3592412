import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { chromiumLaunchOptions } from "../support/chromium.js";
import {
  EXAMPLES_DIR,
  SCREENSHOTS,
  freePort,
  installExample,
  offlineEnv,
  runToEnd,
  startProcess,
  type RunningProcess,
} from "./support/example-app.js";
import { onWatchedPage } from "./support/watched-page.js";

const appDir = join(EXAMPLES_DIR, "vue-element");
let proxy: RunningProcess;
let preview: RunningProcess;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  installExample(appDir, inject("colloquyTarball"));
  // The example's own build: `vue-tsc --noEmit && vite build`, so the element typing checks.
  await runToEnd("npm", ["run", "build"], { cwd: appDir, env: offlineEnv() });
  const proxyPort = await freePort();
  proxy = await startProcess(
    "npx",
    ["colloquy", "serve", "--emulator", "--host", "127.0.0.1", "--port", String(proxyPort)],
    { cwd: appDir, env: offlineEnv(), url: `http://127.0.0.1:${proxyPort}/api/openai/v1/models` },
  );
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // The built app, served by `vite preview` with the same /api/openai proxy entry as dev.
  preview = await startProcess(
    "npx",
    ["vite", "preview", "--host", "127.0.0.1", "--port", String(port), "--strictPort"],
    { cwd: appDir, env: offlineEnv({ COLLOQUY_PORT: String(proxyPort) }), url: `${origin}/` },
  );
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  await proxy?.stop();
});

describe("the Vue 3 example with <colloquy-chat>, built and served by vite preview", () => {
  it("type-checks with vue-tsc and builds for production", () => {
    expect(existsSync(join(appDir, "dist/index.html"))).toBe(true);
  });

  it("renders the element in its shadow root, streams an answer and runs the page's @colloquy-message listener", async () => {
    await onWatchedPage(browser, join(SCREENSHOTS, "vue-element.png"), async (page) => {
      await page.goto(`${origin}/`);
      const chat = page.locator("colloquy-chat");
      await page.getByRole("textbox", { name: "Message" }).waitFor({ timeout: 30_000 });
      expect(await chat.evaluate((element) => element.shadowRoot !== null)).toBe(true);
      await page.getByRole("textbox", { name: "Message" }).fill("Hello! Show me some markdown.");
      await page.getByRole("button", { name: "Send" }).click();
      const answer = chat.locator('.colloquy-message[data-role="assistant"]').last();
      await expect
        .poll(() => answer.getAttribute("data-state"), { timeout: 30_000 })
        .toBe("complete");
      expect((await answer.innerText()).length).toBeGreaterThan(20);
      const messageId = await answer.getAttribute("data-message-id");
      await expect
        .poll(() => page.locator(".events").innerText(), { timeout: 10_000 })
        .toContain(`answer finished: ${messageId}`);
      // The feedback attribute reached the element: the answer has its rating buttons.
      expect(await chat.getByRole("button", { name: "Good response" }).count()).toBeGreaterThan(0);
    });
  });

  it("passes :tools.prop to the element and answers the call in its @colloquy-tool-call listener", async () => {
    await onWatchedPage(browser, join(SCREENSHOTS, "vue-element-tool.png"), async (page) => {
      await page.goto(`${origin}/`);
      await page.getByRole("textbox", { name: "Message" }).waitFor({ timeout: 30_000 });
      await page
        .getByRole("textbox", { name: "Message" })
        .fill("What is the weather in Paris? Use the tool.");
      await page.getByRole("button", { name: "Send" }).click();
      await expect
        .poll(() => page.locator(".events").innerText(), { timeout: 30_000 })
        .toContain("tool call: get_weather");
      const answer = page.locator('colloquy-chat .colloquy-message[data-role="assistant"]').last();
      await expect.poll(() => answer.innerText(), { timeout: 30_000 }).toContain('"sky":"clear"');
    });
  });
});
