import axe from "axe-core";
import { createRoot, type Root } from "react-dom/client";
import { act, type ReactNode } from "react";
import { commands, page } from "vitest/browser";
import { messageFromResponse, type Message, type Part } from "../../src/core/index.js";
import { ThemeRoot, type ColloquyTheme } from "../../src/ui/index.js";
import "../../src/ui/styles.css";

/** The two themes every component is checked in. */
export const THEMES = ["light", "dark"] as const satisfies readonly ColloquyTheme[];

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A mounted component inside a themed root. */
export interface Mounted {
  /** The `.colloquy` root. */
  root: HTMLElement;
  /** Re-renders with new content. */
  rerender: (node: ReactNode) => Promise<void>;
  /** Unmounts and removes the host element. */
  unmount: () => Promise<void>;
}

/** Renders `node` in a `.colloquy` root of the given theme, in a fixed-width frame. */
export async function mount(node: ReactNode, theme: ColloquyTheme, width = 720): Promise<Mounted> {
  const host = document.createElement("div");
  host.style.width = `${width}px`;
  document.body.style.margin = "0";
  document.body.append(host);
  let reactRoot: Root | undefined;
  const wrap = (content: ReactNode) => (
    <ThemeRoot theme={theme} style={{ padding: 16 }}>
      <main>{content}</main>
    </ThemeRoot>
  );
  await act(async () => {
    reactRoot = createRoot(host);
    reactRoot.render(wrap(node));
  });
  const root = host.firstElementChild as HTMLElement;
  return {
    root,
    rerender: async (next) => {
      await act(async () => reactRoot!.render(wrap(next)));
    },
    unmount: async () => {
      await act(async () => reactRoot!.unmount());
      host.remove();
    },
  };
}

/** Runs axe on an element and returns the violations, described well enough to fix. */
export async function axeViolations(element: Element): Promise<string[]> {
  // Contrast is measured on the painted colours, so a fade-in still running
  // (the lightbox, a new image) would read as low contrast.
  await settledAnimations();
  const results = await axe.run(element, { resultTypes: ["violations"] });
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(" "))
        .join(", ")})`,
  );
}

/** Waits for every finite CSS animation and transition in the document to end. */
export async function settledAnimations(): Promise<void> {
  const finite = document
    .getAnimations()
    .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity);
  await Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
}

/** Waits until every image under `element` has loaded (or failed). */
export async function imagesLoaded(element: Element): Promise<void> {
  await Promise.all(
    Array.from(element.querySelectorAll("img")).map((img) =>
      img.complete
        ? img.decode().catch(() => undefined)
        : new Promise((resolve) => {
            img.addEventListener("load", resolve, { once: true });
            img.addEventListener("error", resolve, { once: true });
          }),
    ),
  );
}

/** Saves a screenshot of `element` to test-results/screenshots/<name>.png. */
export async function saveScreenshot(element: Element, name: string): Promise<void> {
  await imagesLoaded(element);
  const box = element.getBoundingClientRect();
  // The frame must hold the whole element, or the capture is cut at the viewport's edge.
  await page.viewport(Math.ceil(box.right) + 16, Math.max(480, Math.ceil(box.bottom) + 16));
  await page.screenshot({ element, path: `../../test-results/screenshots/${name}.png` });
}

/** The final response objects of a Responses API recording, one per exchange. */
export async function recordedResponses(file: string): Promise<Record<string, unknown>[]> {
  const exchanges = await commands.readCaptureExchanges("responses", file);
  const responses: Record<string, unknown>[] = [];
  for (const exchange of exchanges) {
    if (exchange.kind === "json" && exchange.json && typeof exchange.json === "object") {
      const body = exchange.json as Record<string, unknown>;
      if (body.object === "response") responses.push(body);
    } else if (exchange.sse) {
      for (const event of sseEvents(exchange.sse)) {
        if (event.type === "response.completed" && event.response) {
          responses.push(event.response as Record<string, unknown>);
        }
      }
    }
  }
  return responses;
}

/** The JSON payloads of an SSE body, in order. */
export function sseEvents(sse: string): Record<string, unknown>[] {
  return sse
    .split(/\r?\n/)
    .filter((line) => line.startsWith("data:"))
    .map((line) => line.slice(5).trim())
    .filter((data) => data !== "" && data !== "[DONE]")
    .flatMap((data) => {
      try {
        return [JSON.parse(data) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}

/** The assistant messages of a Responses API recording, converted by the core. */
export async function recordedMessages(file: string): Promise<Message[]> {
  return (await recordedResponses(file)).map((response) => messageFromResponse(response).value);
}

/** Every part of a given type across a recording's messages. */
export async function recordedParts<T extends Part["type"]>(
  file: string,
  type: T,
): Promise<Extract<Part, { type: T }>[]> {
  const messages = await recordedMessages(file);
  return messages.flatMap((message) =>
    message.parts.filter((part): part is Extract<Part, { type: T }> => part.type === type),
  );
}
