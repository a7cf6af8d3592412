import { mkdirSync } from "node:fs";
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

const appDir = join(EXAMPLES_DIR, "node-express");
let server: RunningProcess;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  installExample(appDir, inject("colloquyTarball"));
  await runToEnd("npm", ["run", "build"], { cwd: appDir, env: offlineEnv() });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = await startProcess("node", ["server.js"], {
    cwd: appDir,
    env: offlineEnv({ PORT: String(port) }),
    url: `${origin}/`,
  });
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the Express example, with the proxy mounted by toNodeHandler", () => {
  it("streams an answer into the static page through the mounted proxy", async () => {
    await onWatchedPage(browser, join(SCREENSHOTS, "express-page.png"), async (page) => {
      await page.goto(`${origin}/`);
      await page.getByRole("textbox", { name: "Message" }).fill("Hello there, how does streaming work?");
      await page.getByRole("button", { name: "Send" }).click();
      const answer = page.locator('li[data-role="assistant"]').last();
      await expect.poll(() => answer.innerText(), { timeout: 30_000 }).not.toMatch(/^…?$/);
      await expect
        .poll(() => page.getByRole("button", { name: "Send" }).isEnabled(), { timeout: 30_000 })
        .toBe(true);
      expect((await answer.innerText()).length).toBeGreaterThan(20);
    });
  });

  it("leaves every other path to Express", async () => {
    const response = await fetch(`${origin}/no-such-page`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Cannot GET /no-such-page");
  });
});
