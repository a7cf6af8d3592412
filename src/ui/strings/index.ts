/** UI strings: English defaults and a provider for overrides. */
export * from "./default-strings.js";
export * from "./strings-context.js";
export {
  defaultMessageActionStrings,
  type MessageActionStrings,
} from "./message-action-strings.js";
export { defaultChatErrorStrings, type ChatErrorStrings } from "./chat-error-strings.js";
export { defaultItemViewStrings, type ItemViewStrings } from "./item-view-strings.js";
export { defaultToolStrings, type ToolStrings } from "./tool-strings.js";
export { defaultAudioInputStrings, type AudioInputStrings } from "./audio-input-strings.js";
export { defaultFileChipStrings, type FileChipStrings } from "./file-chip-strings.js";
