import { mkdirSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ColloquyChatElement } from "../../src/element/index.js";
import { chromiumLaunchOptions } from "../support/chromium.js";
import {
  buildStandaloneScripts,
  startServeProcess,
  type ServeProcess,
} from "./support/colloquy-serve-process.js";
import {
  chatHandles,
  eventsOfType,
  recordEvents,
  typeAndSend,
  type ChatHandles,
} from "./support/element-page.js";

// examples/plain-html as a user runs it: `colloquy serve --emulator --static examples/plain-html`,
// the page loading the standalone script from /colloquy/colloquy-chat.js, no build step of its own.
let server: ServeProcess;
let browser: Browser;
let page: Page;
let chat: ChatHandles;
let pageErrors: string[];

beforeAll(async () => {
  await buildStandaloneScripts();
  server = await startServeProcess(["--emulator", "--static", "examples/plain-html"]);
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(server.url);
  chat = chatHandles(page, "chat");
  await chat.textbox.waitFor();
  await recordEvents(page);
});

afterEach(async () => {
  await page.close();
  expect(pageErrors).toEqual([]);
});

/** Runs `body` in the page with the element whose id is `id`. */
function onElement<T>(id: string, body: (element: ColloquyChatElement) => T | Promise<T>) {
  return page.evaluate(
    ([elementId, source]) => {
      const element = document.getElementById(elementId!) as ColloquyChatElement;
      return (new Function("element", `return (${source})(element);`) as typeof body)(element);
    },
    [id, body.toString()] as const,
  );
}

describe("<colloquy-chat> on a plain HTML page served by colloquy serve --static", () => {
  it("renders in a shadow root and streams an answer from the emulator in steps", async () => {
    expect(await onElement("chat", (element) => element.shadowRoot !== null)).toBe(true);
    await page.evaluate(() => {
      const chatElement = document.getElementById("chat")!;
      const lengths: number[] = [];
      (window as unknown as { lengths: number[] }).lengths = lengths;
      new MutationObserver(() => {
        const answers = chatElement.shadowRoot!.querySelectorAll(
          '.colloquy-message[data-role="assistant"]',
        );
        const length = answers[answers.length - 1]?.textContent?.length ?? 0;
        if (lengths.at(-1) !== length) lengths.push(length);
      }).observe(chatElement.shadowRoot!, { subtree: true, childList: true, characterData: true });
    });
    await typeAndSend(chat, "Hello! Show me some markdown. [fault:slow=20]");
    const answer = chat.assistantMessages.last();
    await expect
      .poll(() => answer.getAttribute("data-state"), { timeout: 30_000 })
      .toBe("complete");
    expect(await answer.locator("strong").count()).toBeGreaterThan(0);
    const lengths = await page.evaluate(() => (window as unknown as { lengths: number[] }).lengths);
    // Streamed: the answer grew through several lengths on screen, not at once.
    expect(lengths.filter((length) => length > 0).length).toBeGreaterThan(3);
  });

  it("fires colloquy-message with the finished assistant message, bubbling out of the shadow root", async () => {
    await typeAndSend(chat, "Hello");
    await expect
      .poll(() => eventsOfType(page, "colloquy-message"), { timeout: 30_000 })
      .toHaveLength(1);
    const [event] = await eventsOfType(page, "colloquy-message");
    expect(event).toMatchObject({ target: "chat", custom: true, bubbles: true, composed: true });
    const message = event!.detail["message"] as { role: string; status: string; id: string };
    expect(message.role).toBe("assistant");
    expect(message.status).toBe("complete");
    expect(await chat.assistantMessages.last().getAttribute("data-message-id")).toBe(message.id);
  });

  it("fires colloquy-feedback with the rating, then the comment, when the user rates an answer", async () => {
    await typeAndSend(chat, "Hello");
    const answer = chat.assistantMessages.last();
    await expect
      .poll(() => answer.getAttribute("data-state"), { timeout: 30_000 })
      .toBe("complete");
    const messageId = await answer.getAttribute("data-message-id");
    await chat.element.getByRole("button", { name: "Good response" }).last().click();
    await expect.poll(() => eventsOfType(page, "colloquy-feedback")).toHaveLength(1);
    mkdirSync("test-results/screenshots", { recursive: true });
    await answer.screenshot({ path: "test-results/screenshots/element-feedback.png" });
    await chat.element.getByRole("textbox", { name: "Tell us more (optional)" }).fill("Clear");
    await chat.element.getByRole("textbox", { name: "Tell us more (optional)" }).press("Enter");
    await expect.poll(() => eventsOfType(page, "colloquy-feedback")).toHaveLength(2);
    const [rated, commented] = await eventsOfType(page, "colloquy-feedback");
    expect(rated).toMatchObject({ target: "chat", custom: true, bubbles: true, composed: true });
    expect(rated!.detail).toMatchObject({ messageId, rating: "up" });
    expect(typeof rated!.detail["responseId"]).toBe("string");
    expect(commented!.detail).toMatchObject({ messageId, rating: "up", comment: "Clear" });
  });

  it("shows no rating buttons without the feedback attribute", async () => {
    await onElement("chat", (element) => element.removeAttribute("feedback"));
    await typeAndSend(chat, "Hello");
    await expect
      .poll(() => chat.assistantMessages.last().getAttribute("data-state"), { timeout: 30_000 })
      .toBe("complete");
    expect(await chat.element.getByRole("button", { name: "Good response" }).count()).toBe(0);
  });

  it("fires colloquy-error with the Error when the stream breaks, and the chat shows it", async () => {
    await typeAndSend(chat, "Hello [fault:disconnect-after=3]");
    await expect
      .poll(() => eventsOfType(page, "colloquy-error"), { timeout: 30_000 })
      .toHaveLength(1);
    const [event] = await eventsOfType(page, "colloquy-error");
    expect(event).toMatchObject({ target: "chat", custom: true, bubbles: true, composed: true });
    const error = event!.detail["error"] as { isError: boolean; message: string };
    expect(error.isError).toBe(true);
    expect(error.message).not.toBe("");
    await chat.element.locator(".colloquy-chat__error").waitFor();
  });

  it("fires colloquy-tool-call with the parsed arguments, and respond() lets the answer continue", async () => {
    // The page's script gives #chat a get_weather tool and answers the call itself.
    await typeAndSend(chat, "What is the weather in Paris? Use the tool.");
    await expect
      .poll(() => eventsOfType(page, "colloquy-tool-call"), { timeout: 30_000 })
      .toHaveLength(1);
    const [event] = await eventsOfType(page, "colloquy-tool-call");
    expect(event).toMatchObject({ target: "chat", custom: true, bubbles: true, composed: true });
    expect(event!.detail).toMatchObject({
      toolName: "get_weather",
      state: "input-available",
      respond: "function",
    });
    expect(typeof event!.detail["toolCallId"]).toBe("string");
    expect(typeof event!.detail["messageId"]).toBe("string");
    expect(event!.detail["input"]).toEqual({ city: expect.any(String) });
    // The page's answer went back to the model, which used it in its next answer.
    await expect
      .poll(() => chat.assistantMessages.last().innerText(), { timeout: 30_000 })
      .toContain('"sky":"clear"');
  });

  it("honours attribute changes: placeholder, theme, model and locale", async () => {
    await onElement("chat", (element) => element.setAttribute("placeholder", "Type here"));
    await expect.poll(() => chat.textbox.getAttribute("placeholder")).toBe("Type here");
    await onElement("chat", (element) => {
      element.placeholder = "Or here";
    });
    await expect.poll(() => chat.textbox.getAttribute("placeholder")).toBe("Or here");

    const surface = () =>
      onElement("chat", (element) => {
        const root = element.shadowRoot!.querySelector(".colloquy-chat")!;
        return getComputedStyle(root).color;
      });
    await onElement("chat", (element) => element.setAttribute("theme", "light"));
    const light = await surface();
    await onElement("chat", (element) => element.setAttribute("theme", "dark"));
    await expect.poll(surface).not.toBe(light);

    await onElement("chat", (element) => element.setAttribute("model", "gpt-4.1-nano"));
    const request = page.waitForRequest((req) => req.url().includes("/api/openai/v1/"));
    await typeAndSend(chat, "Hello");
    expect((await request).postDataJSON()).toMatchObject({ model: "gpt-4.1-nano" });

    await onElement("chat", (element) => element.setAttribute("locale", "fr"));
    expect(
      await onElement("chat", (element) =>
        element.shadowRoot!.querySelector(".colloquy-element")!.getAttribute("lang"),
      ),
    ).toBe("fr");
  });

  it("send() answers like typing, stop() keeps what arrived, clear() empties the conversation", async () => {
    const result = await onElement("chat", (element) => element.send("Hello there"));
    expect(result).toBeTruthy();
    await expect.poll(() => chat.assistantMessages.count()).toBe(1);
    expect(await chat.assistantMessages.last().getAttribute("data-state")).toBe("complete");

    void onElement("chat", (element) => {
      void element.send("Tell me about streaming, slowly. [fault:slow=200]");
    });
    await chat.stop.waitFor({ timeout: 30_000 });
    await expect.poll(() => chat.assistantMessages.count()).toBe(2);
    await expect
      .poll(() => chat.assistantMessages.last().innerText(), { timeout: 30_000 })
      .not.toBe("");
    await onElement("chat", (element) => element.stop());
    await expect
      .poll(() => chat.assistantMessages.last().getAttribute("data-state"), { timeout: 10_000 })
      .toBe("aborted");
    await chat.send.waitFor();

    await onElement("chat", (element) => element.clear());
    await expect.poll(() => chat.messages.count()).toBe(0);
  });

  it("keeps the inline chat's and the launcher's conversations apart", async () => {
    await typeAndSend(chat, "Hello from the inline chat");
    await expect
      .poll(() => eventsOfType(page, "colloquy-message"), { timeout: 30_000 })
      .toHaveLength(1);
    const support = chatHandles(page, "support");
    await page.locator("#support").getByRole("button", { name: "Open chat" }).click();
    await support.textbox.waitFor();
    expect(await support.messages.count()).toBe(0);
    await typeAndSend(support, "Hello from the launcher");
    await expect
      .poll(() => eventsOfType(page, "colloquy-message"), { timeout: 30_000 })
      .toHaveLength(2);
    const targets = (await eventsOfType(page, "colloquy-message")).map((event) => event.target);
    expect(targets).toEqual(["chat", "support"]);
    expect(await chat.messages.count()).toBe(2);
    expect(await support.messages.count()).toBe(2);
    expect(await support.messages.first().innerText()).toContain("Hello from the launcher");
  });

  it("takes properties a page set before the element was defined", async () => {
    // A string, so the test runner leaves the page's dynamic import alone.
    const seen = (await page.evaluate(`(async () => {
      const early = document.createElement("colloquy-chat-late");
      early.placeholder = "Set before define";
      early.tools = [];
      early.storageId = "early-conversation";
      early.launcher = true;
      early.open = true;
      early.position = "bottom-left";
      early.feedback = true;
      document.body.append(early);
      const { defineColloquyChat } = await import("/colloquy/colloquy-chat.js");
      defineColloquyChat("colloquy-chat-late");
      await new Promise((resolve) => setTimeout(resolve, 200));
      return {
        attribute: early.getAttribute("placeholder"),
        textbox: early.shadowRoot?.querySelector("textarea")?.getAttribute("placeholder"),
        tools: Array.isArray(early.tools),
        reflected: ["storage-id", "launcher", "open", "position", "feedback"].map((name) =>
          early.getAttribute(name),
        ),
      };
    })()`)) as unknown;
    expect(seen).toEqual({
      attribute: "Set before define",
      textbox: "Set before define",
      tools: true,
      // Every watched attribute's property is re-applied on upgrade, hyphenated ones included.
      reflected: ["early-conversation", "", "", "bottom-left", ""],
    });
  });
});
