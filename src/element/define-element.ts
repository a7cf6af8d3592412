import { ColloquyChatElement } from "./colloquy-chat-element.js";

/** The tag `colloquy/element` registers. */
export const COLLOQUY_CHAT_TAG = "colloquy-chat";

/**
 * Registers `<colloquy-chat>` (or the element under another tag name) unless that name is
 * taken already, so loading the script twice is harmless. Does nothing where there is no
 * `customElements` (a server render).
 */
export function defineColloquyChat(tagName: string = COLLOQUY_CHAT_TAG): void {
  if (typeof customElements === "undefined" || customElements.get(tagName)) return;
  // A second tag needs a class of its own: one constructor may be registered once.
  const element =
    tagName === COLLOQUY_CHAT_TAG ? ColloquyChatElement : class extends ColloquyChatElement {};
  customElements.define(tagName, element);
}
