// Vitest global setup of the examples project: the playground's own rendering of a chat, the
// reference every example's <Chat> is compared with (screenshots in test-results/examples).
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { chromiumLaunchOptions } from "../../support/chromium.js";
import {
  buildPlaygroundInto,
  startRestartablePlayground,
} from "../../e2e/support/restartable-playground.js";
import { LOOK_PROMPT, captureChatLook, type ChatLook } from "./chat-look.js";
import { SCREENSHOTS } from "./example-app.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The playground's question and answer, as PNG files: how the kit looks at home. */
    playgroundLook: ChatLook;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dist = mkdtempSync(join(tmpdir(), "colloquy-playground-look-"));
  try {
    await buildPlaygroundInto(dist);
    const playground = await startRestartablePlayground(dist);
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${playground.url}#/chat`);
      await page.getByRole("textbox", { name: "Message" }).fill(LOOK_PROMPT);
      await page.getByRole("button", { name: "Send" }).click();
      await page.locator('.colloquy-message[data-role="assistant"] table').waitFor();
      await page.getByRole("button", { name: "Send" }).waitFor({ timeout: 30_000 });
      project.provide("playgroundLook", await captureChatLook(page, SCREENSHOTS, "playground"));
    } finally {
      await browser.close();
      await playground.close();
    }
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
}
