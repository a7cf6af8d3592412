import { existsSync, mkdirSync, readFileSync } from "node:fs";
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

const appDir = join(EXAMPLES_DIR, "vite-react");
let proxy: RunningProcess;
let devServer: RunningProcess;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  installExample(appDir, inject("colloquyTarball"));
  // `colloquy serve --emulator` on one port, Vite's dev server in front of it with the
  // standard `server.proxy` entry, as the example's README runs them.
  const proxyPort = await freePort();
  proxy = await startProcess(
    "npx",
    ["colloquy", "serve", "--emulator", "--host", "127.0.0.1", "--port", String(proxyPort)],
    { cwd: appDir, env: offlineEnv(), url: `http://127.0.0.1:${proxyPort}/api/openai/v1/models` },
  );
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  devServer = await startProcess(
    "npx",
    ["vite", "--host", "127.0.0.1", "--port", String(port), "--strictPort"],
    { cwd: appDir, env: offlineEnv({ COLLOQUY_PORT: String(proxyPort) }), url: `${origin}/` },
  );
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  await devServer?.stop();
  await proxy?.stop();
});

async function chatOn(
  hash: string,
  shot: string,
  text: string,
  after: (page: Page) => Promise<void> = async () => undefined,
): Promise<void> {
  await onWatchedPage(browser, join(SCREENSHOTS, `vite-${shot}.png`), async (page) => {
    await page.goto(`${origin}/${hash}`);
    await send(page, text);
    const answer = page.locator('.colloquy-message[data-role="assistant"]').last();
    await expect.poll(() => answer.innerText(), { timeout: 30_000 }).not.toBe("");
    await page.getByRole("button", { name: "Send" }).waitFor({ timeout: 30_000 });
    expect((await answer.innerText()).length).toBeGreaterThan(20);
    await after(page);
  });
}

async function send(page: Page, text: string) {
  await page.getByRole("textbox", { name: "Message" }).fill(text);
  await page.getByRole("button", { name: "Send" }).click();
}

describe("the Vite react-ts example, through the dev server's proxy", () => {
  it("streams an answer into <Chat> through `server.proxy`, without a 403", async () => {
    await chatOn("#/chat", "chat", "Hello! Show me what markdown you can write.");
  });

  it("renders <Chat> under the template's index.css exactly as the playground does", async () => {
    const reference = inject("playgroundLook");
    await chatOn("#/chat", "chat-look", LOOK_PROMPT, async (page) => {
      const look = await captureChatLook(page, SCREENSHOTS, "vite-index-css");
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

  it("fits <Chat> in the box the page's class gives it, padding included (border-box)", async () => {
    await chatOn("#/chat", "chat-box", "Hello there", async (page) => {
      // App.css gives `.chat` a height of 70vh; the kit's padding must sit inside it.
      const sizes = await page.evaluate(() => ({
        chat: document.querySelector(".colloquy-chat")!.getBoundingClientRect().height,
        expected: window.innerHeight * 0.7,
        boxSizing: getComputedStyle(document.querySelector(".colloquy-chat")!).boxSizing,
      }));
      expect(sizes.boxSizing).toBe("border-box");
      expect(Math.abs(sizes.chat - sizes.expected)).toBeLessThan(1);
    });
  });

  it("keeps the page's text-align:center on #root and its code rule out of the chat", async () => {
    await chatOn("#/chat", "chat-leaks", LOOK_PROMPT, async (page) => {
      const styles = await page.evaluate(() => {
        const answer = document.querySelectorAll('.colloquy-message[data-role="assistant"]');
        const last = answer[answer.length - 1]!;
        const style = (selector: string) => getComputedStyle(last.querySelector(selector)!);
        return {
          rootAlign: getComputedStyle(document.getElementById("root")!).textAlign,
          paragraphAlign: style(".colloquy-markdown__paragraph").textAlign,
          inlineCodePadding: style(".colloquy-markdown__inline-code").paddingLeft,
          blockCodeBackground: style(".colloquy-markdown__pre code").backgroundColor,
          blockCodePadding: style(".colloquy-markdown__pre code").paddingLeft,
        };
      });
      expect(styles.rootAlign).toBe("center");
      expect(styles.paragraphAlign).toBe("start");
      expect(styles.inlineCodePadding).not.toBe("8px");
      expect(styles.blockCodeBackground).toBe("rgba(0, 0, 0, 0)");
      expect(styles.blockCodePadding).toBe("0px");
    });
  });

  it("streams an answer with useChat, MessageList and Composer, styled as in <Chat>", async () => {
    const look = (page: Page) =>
      page.evaluate(() => {
        const send = getComputedStyle(document.querySelector('button[type="submit"]')!);
        const list = document.querySelector(".colloquy-message-list")!;
        return {
          scoped: list.closest(".colloquy") !== null,
          accent: getComputedStyle(list).getPropertyValue("--colloquy-color-accent").trim(),
          send: [send.backgroundColor, send.borderRadius, send.paddingLeft].join(" "),
        };
      });
    let inChat: Awaited<ReturnType<typeof look>> | undefined;
    await chatOn("#/chat", "chat-controls", "Hello", async (page) => {
      inChat = await look(page);
    });
    await chatOn("#/custom", "use-chat", "Hello there, how does streaming work?", async (page) => {
      const alone = await look(page);
      expect(alone.scoped).toBe(true);
      expect(alone.accent).not.toBe("");
      expect(alone).toEqual(inChat);
    });
  });

  it("builds <Chat> and useChat for production with @tanstack/react-query absent", async () => {
    expect(existsSync(join(appDir, "node_modules/@tanstack/react-query"))).toBe(false);
    // The template's `tsc -b && vite build`: the app type-checks and bundles without it.
    await runToEnd("npm", ["run", "build"], { cwd: appDir, env: offlineEnv() });
    expect(existsSync(join(appDir, "dist/index.html"))).toBe(true);
  });
});
