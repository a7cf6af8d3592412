import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
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
import {
  LOOK_PROMPT,
  LOOK_TOLERANCE_PIXELS,
  captureChatLook,
  compareLooks,
} from "./support/chat-look.js";
import { onWatchedPage } from "./support/watched-page.js";

const appDir = join(EXAMPLES_DIR, "next-app-router");
let server: RunningProcess;
let origin: string;
let browser: Browser;
let buildOutput: string;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  installExample(appDir, inject("colloquyTarball"));
  // `next build` type-checks the app (strict) and prerenders every static page.
  buildOutput = await runToEnd("npx", ["next", "build"], { cwd: appDir, env: offlineEnv() });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = await startProcess("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: appDir,
    env: offlineEnv(),
    url: `${origin}/`,
  });
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens a page of the example, runs `act`, then checks the page logged no problem at all. */
async function onPage(path: string, shot: string, act: (page: Page) => Promise<void>) {
  await onWatchedPage(browser, join(SCREENSHOTS, `next-${shot}.png`), async (page) => {
    await page.goto(`${origin}${path}`);
    await act(page);
  });
}

async function send(page: Page, text: string) {
  await page.getByRole("textbox", { name: "Message" }).waitFor();
  await page.getByRole("textbox", { name: "Message" }).fill(text);
  await page.getByRole("button", { name: "Send" }).click();
}

/** Waits for `<Chat>`'s streamed answer to finish, and returns its text. */
async function chatAnswer(page: Page): Promise<string> {
  const answer = page.locator('.colloquy-message[data-role="assistant"]').last();
  await expect.poll(() => answer.innerText(), { timeout: 30_000 }).not.toBe("");
  await page.getByRole("button", { name: "Send" }).waitFor({ timeout: 30_000 });
  return answer.innerText();
}

describe("the Next.js App Router example, built from the packed package", () => {
  it("builds with strict type checking, the route handler included", () => {
    expect(buildOutput).toMatch(/Finished TypeScript|Linting and checking validity of types/);
    expect(buildOutput).toContain("/api/openai/[...path]");
  });

  it("serves the home page, linking every example page", async () => {
    await onPage("/", "home", async (page) => {
      expect(await page.locator("main a").count()).toBe(4);
    });
  });

  it("streams an answer into <Chat> through the route handler, without a 403", async () => {
    await onPage("/chat", "chat", async (page) => {
      await send(page, "Hello! Show me what markdown you can write.");
      expect((await chatAnswer(page)).length).toBeGreaterThan(20);
    });
  });

  it("renders <Chat> on a Tailwind v4 page exactly as the playground does", async () => {
    const reference = inject("playgroundLook");
    await onPage("/chat", "chat-look", async (page) => {
      await send(page, LOOK_PROMPT);
      await chatAnswer(page);
      // Tailwind's preflight sets `list-style: none` on every list; the kit's lists keep theirs.
      const markers = await page
        .locator('.colloquy-message[data-role="assistant"] .colloquy-markdown__list')
        .evaluateAll((lists) => lists.map((list) => getComputedStyle(list).listStyleType));
      expect(markers.length).toBeGreaterThan(0);
      expect(markers).not.toContain("none");
      const look = await captureChatLook(page, SCREENSHOTS, "next-tailwind");
      for (const piece of ["question", "answer"] as const) {
        const difference = await compareLooks(
          page,
          readFileSync(reference[piece]),
          readFileSync(look[piece]),
        );
        expect(difference.sizes[1], piece).toBe(difference.sizes[0]);
        expect(difference.differing, piece).toBeLessThanOrEqual(LOOK_TOLERANCE_PIXELS);
      }
    });
  });

  it("lets a Tailwind utility on <Chat> override the kit's own rule", async () => {
    await onPage("/chat", "chat-utility", async (page) => {
      // The page gives <Chat> `p-2` (0.5rem); the kit's own padding is 0.75rem.
      const chat = page.locator(".colloquy-chat");
      await chat.waitFor();
      expect(await chat.evaluate((element) => getComputedStyle(element).paddingTop)).toBe("8px");
    });
  });

  it("streams an answer drawn part by part from useChat", async () => {
    await onPage("/custom", "use-chat-parts", async (page) => {
      await send(page, "Hello there, how does streaming work?");
      const answer = page.locator('li[data-role="assistant"]').last();
      await expect.poll(() => answer.innerText(), { timeout: 30_000 }).not.toBe("");
      await page.getByRole("button", { name: "Send" }).waitFor({ timeout: 30_000 });
      expect((await answer.innerText()).length).toBeGreaterThan(20);
    });
  });

  it("fills in a zod-typed recipe from useStructuredOutput", async () => {
    await onPage("/structured", "structured-output", async (page) => {
      await send(page, "A recipe for pancakes");
      await expect
        .poll(() => page.getByTestId("status").innerText(), { timeout: 30_000 })
        .toBe("success");
      const recipe = page.getByRole("article", { name: "Recipe" });
      expect(await recipe.locator("h2").innerText()).not.toBe("");
      expect(await recipe.locator("li").count()).toBeGreaterThan(0);
    });
  });

  it("renders the Server Component page on the server, then chats in the browser", async () => {
    const html = await (await fetch(`${origin}/server`)).text();
    expect(html).toContain("Rendered by a Server Component");
    expect(html).toContain("colloquy-chat");
    await onPage("/server", "server-component", async (page) => {
      await page.getByRole("heading", { name: "Rendered by a Server Component" }).waitFor();
      await send(page, "Hello from a Server Component page");
      expect((await chatAnswer(page)).length).toBeGreaterThan(20);
    });
  });
});
