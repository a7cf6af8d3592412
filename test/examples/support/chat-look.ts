import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";

/** The message every look comparison sends: the emulator answers it with every markdown block. */
export const LOOK_PROMPT = "Hello! Show me what markdown you can write.";

/** The two pieces of a chat compared between hosts, each a PNG file's path. */
export interface ChatLook {
  /** The last user message, bubble and all. */
  question: string;
  /** The last answer's markdown: headings, lists, code, table and quote. */
  answer: string;
}

/**
 * Screenshots the last question and answer of the page's `<Chat>` into `dir` as
 * `look-<name>-*.png`. The message list is pinned to one size first, so that the host's
 * layout (its main column, the chat's own height) cannot change where lines wrap, while the
 * host's styles (fonts, resets, text alignment, Tailwind's preflight) still apply: what
 * differs between two looks is then what the host's CSS did to the kit.
 */
export async function captureChatLook(page: Page, dir: string, name: string): Promise<ChatLook> {
  await page.setViewportSize({ width: 1280, height: 2000 });
  await page.evaluate(() => {
    const root = document.querySelector<HTMLElement>(".colloquy-chat");
    const list = document.querySelector<HTMLElement>(".colloquy-chat__messages");
    if (!root || !list) throw new Error("The page shows no <Chat> to compare.");
    // Pinned at the viewport's origin as well: a host heading of fractional height above the
    // chat (the Vite template's 3.2em h1) would otherwise put every line at a subpixel offset.
    Object.assign(root.style, {
      position: "fixed",
      top: "0",
      left: "0",
      zIndex: "2147483647",
      width: "760px",
      height: "auto",
      maxWidth: "none",
      flex: "none",
    });
    Object.assign(list.style, { width: "680px", height: "1500px", flex: "none" });
  });
  // Layout settles, and the list scrolls to its end, before the pictures are taken.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  const look: ChatLook = {
    question: join(dir, `look-${name}-question.png`),
    answer: join(dir, `look-${name}-answer.png`),
  };
  const question = page.locator('.colloquy-message[data-role="user"]').last();
  const answer = page
    .locator('.colloquy-message[data-role="assistant"]')
    .last()
    .locator(".colloquy-markdown")
    .first();
  writeFileSync(look.question, await question.screenshot({ animations: "disabled" }));
  writeFileSync(look.answer, await answer.screenshot({ animations: "disabled" }));
  return look;
}

/** How two screenshots differ. */
export interface LookDifference {
  /** Both pictures' sizes, `WxH`. */
  sizes: [string, string];
  /** How many pixels' colour differs by more than antialiasing does. */
  differing: number;
}

/**
 * The most pixels two looks may differ by: a few antialiased edge pixels of text laid out at
 * another subpixel offset. A list's three bullets alone are about 60 pixels.
 */
export const LOOK_TOLERANCE_PIXELS = 12;

/**
 * Compares two PNG files pixel by pixel in the page's own canvas (no image library needed).
 * A pixel differs when one of its channels is more than 32 out of 255 away.
 */
export async function compareLooks(page: Page, a: Buffer, b: Buffer): Promise<LookDifference> {
  return page.evaluate(
    async ([first, second]) => {
      const load = async (base64: string) => {
        const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext("2d")!;
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [x, y] = [await load(first!), await load(second!)];
      const sizes: [string, string] = [`${x.width}x${x.height}`, `${y.width}x${y.height}`];
      if (sizes[0] !== sizes[1]) return { sizes, differing: x.width * x.height };
      let differing = 0;
      for (let index = 0; index < x.data.length; index += 4) {
        for (let channel = 0; channel < 3; channel++) {
          if (Math.abs(x.data[index + channel]! - y.data[index + channel]!) > 32) {
            differing++;
            break;
          }
        }
      }
      return { sizes, differing };
    },
    [a.toString("base64"), b.toString("base64")],
  );
}
