import type { Locator, Page } from "playwright-core";

/** One event an element fired, as the page's listener on `document` saw it. */
export interface RecordedEvent {
  /** The event's type. */
  type: string;
  /** The id of the element that fired it. */
  target: string;
  /** Whether the event was a `CustomEvent` that bubbles and crosses the shadow root. */
  custom: boolean;
  bubbles: boolean;
  composed: boolean;
  /** The detail, with functions replaced by `"function"` and errors by their fields. */
  detail: Record<string, unknown>;
}

const EVENT_TYPES = [
  "colloquy-message",
  "colloquy-error",
  "colloquy-tool-call",
  "colloquy-feedback",
];

/**
 * Records every `colloquy-*` event on `document` (so only events that bubble and are
 * composed are seen) into `window.recordedEvents`.
 */
export async function recordEvents(page: Page): Promise<void> {
  await page.evaluate((types) => {
    const seen: unknown[] = [];
    (window as unknown as { recordedEvents: unknown[] }).recordedEvents = seen;
    for (const type of types) {
      document.addEventListener(type, (event) => {
        const detail = (event as CustomEvent).detail as Record<string, unknown>;
        const plain: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(detail ?? {})) {
          if (typeof value === "function") plain[key] = "function";
          else if (value instanceof Error) {
            plain[key] = {
              isError: true,
              message: value.message,
              code: (value as { code?: unknown }).code,
            };
          } else plain[key] = JSON.parse(JSON.stringify(value ?? null));
        }
        seen.push({
          type,
          target: (event.target as Element).id,
          custom: event instanceof CustomEvent,
          bubbles: event.bubbles,
          composed: event.composed,
          detail: plain,
        });
      });
    }
  }, EVENT_TYPES);
}

/** The events recorded so far. */
export function recordedEvents(page: Page): Promise<RecordedEvent[]> {
  return page.evaluate(
    () => (window as unknown as { recordedEvents: RecordedEvent[] }).recordedEvents,
  );
}

/** The recorded events of one type. */
export async function eventsOfType(page: Page, type: string): Promise<RecordedEvent[]> {
  return (await recordedEvents(page)).filter((event) => event.type === type);
}

/** The parts of one `<colloquy-chat>` a test drives (locators pierce its open shadow root). */
export interface ChatHandles {
  element: Locator;
  textbox: Locator;
  send: Locator;
  stop: Locator;
  assistantMessages: Locator;
  messages: Locator;
}

/** Locators inside the `<colloquy-chat>` whose id is `id`. */
export function chatHandles(page: Page, id: string): ChatHandles {
  const element = page.locator(`#${id}`);
  return {
    element,
    textbox: element.getByRole("textbox", { name: "Message" }),
    send: element.getByRole("button", { name: "Send" }),
    stop: element.getByRole("button", { name: "Stop" }),
    assistantMessages: element.locator('.colloquy-message[data-role="assistant"]'),
    messages: element.locator(".colloquy-message"),
  };
}

/** Types `text` into the chat and sends it, as a user would. */
export async function typeAndSend(chat: ChatHandles, text: string): Promise<void> {
  await chat.textbox.fill(text);
  await chat.send.click();
}
