/** UI strings (English defaults and a provider for overrides), for use inside the package; the public list is src/ui/index.ts. */
export { defaultChatErrorStrings, type ChatErrorStrings } from "./chat-error-strings.js";
export { defaultStrings, type UiStrings } from "./default-strings.js";
export { defaultItemViewStrings, type ItemViewStrings } from "./item-view-strings.js";
export {
  defaultMessageActionStrings,
  type MessageActionStrings,
} from "./message-action-strings.js";
export { StringsProvider, useStrings, type StringsProviderProps } from "./strings-context.js";
export { defaultToolStrings, type ToolStrings } from "./tool-strings.js";
export { defaultAudioInputStrings, type AudioInputStrings } from "./audio-input-strings.js";
export { defaultFileChipStrings, type FileChipStrings } from "./file-chip-strings.js";
