import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/** A message as the page shows it: the attributes every `<Message>` carries. */
export interface ShownMessage {
  /** `data-message-id`. */
  id: string;
  /** `data-role`. */
  role: string;
  /** `data-state`: the message status. */
  state: string;
}

/** How long the page may take for one step on a busy machine (never asserted as a duration). */
export const STEP_TIMEOUT = 30_000;

/**
 * Polls `read` until it returns `expected` (cells run concurrently, where `expect.poll`
 * is not available); fails with the last value seen.
 */
export async function waitForValue<T>(read: () => Promise<T>, expected: T): Promise<void> {
  const deadline = Date.now() + STEP_TIMEOUT;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (Object.is(last, expected)) return;
    if (Date.now() > deadline) {
      throw new Error(`Waited for ${String(expected)}, the page still shows ${String(last)}.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Opens the fault lab on `surface`, with a client timeout in seconds (0: none). */
export async function openFaultLab(
  page: Page,
  url: string,
  surface: string,
  timeoutSeconds = 0,
): Promise<void> {
  await page.goto(`${url}#/fault-lab`);
  const settings = page.getByRole("region", { name: "Fault settings" });
  await settings.locator(`input[name="fault-lab-surface"][value="${surface}"]`).check();
  if (timeoutSeconds > 0) {
    await settings.getByLabel("Client timeout").selectOption(String(timeoutSeconds));
  }
}

/** Every message in the conversation, in order. */
export function shownMessages(page: Page): Promise<ShownMessage[]> {
  return page.locator("article.colloquy-message[data-message-id]").evaluateAll((elements) =>
    elements.map((element) => ({
      id: (element as HTMLElement).dataset["messageId"] ?? "",
      role: (element as HTMLElement).dataset["role"] ?? "",
      state: (element as HTMLElement).dataset["state"] ?? "",
    })),
  );
}

/** The text of a message's body (what the user reads, without the role label). */
export function messageText(page: Page, id: string): Promise<string> {
  return page
    .locator(`article.colloquy-message[data-message-id="${id}"] .colloquy-message__body`)
    .innerText()
    .then((text) => text.trim());
}

/** The error banner: an alert that offers Retry (a failed message's own alert has no button). */
export function errorBanner(page: Page): Locator {
  return page.getByRole("alert").filter({ has: page.getByRole("button", { name: "Retry" }) });
}

/** Types into the composer and sends. */
export async function sendMessage(page: Page, text: string): Promise<void> {
  await page.getByRole("textbox", { name: "Message" }).fill(text);
  await page.getByRole("button", { name: "Send" }).click();
}

/** Waits until the chat is idle: nothing streaming, the composer offers Send again. */
export async function waitUntilIdle(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Send" }).waitFor({ timeout: STEP_TIMEOUT });
  await waitForValue(
    () => page.locator('article.colloquy-message[data-state="in-progress"]').count(),
    0,
  );
}

/** Waits for the error banner and returns its text. */
export async function waitForError(page: Page): Promise<string> {
  const banner = errorBanner(page);
  await banner.waitFor({ timeout: STEP_TIMEOUT });
  // The headline and the message behind "Details" (closed, so not in innerText).
  const text = await banner.evaluate((element) =>
    [...element.querySelectorAll("span, details p")].map((node) => node.textContent).join(" "),
  );
  return text.trim();
}

/** Presses the banner's Retry button and waits for the banner to go. */
export async function pressRetry(page: Page): Promise<void> {
  const banner = errorBanner(page);
  await banner.getByRole("button", { name: "Retry" }).click();
}

/** Fails the test unless every id is unique. */
export function expectUniqueIds(messages: readonly ShownMessage[]): void {
  expect(new Set(messages.map((m) => m.id)).size).toBe(messages.length);
}
