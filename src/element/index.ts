/**
 * colloquy/element: `<colloquy-chat>`, the drop-in chat as a custom element for any page
 * (plain HTML, Vue, Svelte, Angular, server-rendered sites). Importing it registers the tag.
 */
import { defineColloquyChat } from "./define-element.js";

export { ColloquyChatElement } from "./colloquy-chat-element.js";
export { COLLOQUY_CHAT_TAG, defineColloquyChat } from "./define-element.js";
export { CHAT_PARTS } from "./element-parts.js";
export { defaultElementStrings } from "./element-strings.js";
export type { ColloquyChatStrings, ElementStrings } from "./element-strings.js";
export type {
  ColloquyChatEventMap,
  ColloquyErrorDetail,
  ColloquyFeedbackDetail,
  ColloquyMessageDetail,
  ColloquyToolCallDetail,
} from "./events.js";
export type { ColloquyChatJsxProps } from "./element-types.js";
export type { LauncherPosition } from "./launcher.js";

defineColloquyChat();
