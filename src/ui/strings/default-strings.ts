import { defaultAudioInputStrings, type AudioInputStrings } from "./audio-input-strings.js";
import { defaultToolStrings, type ToolStrings } from "./tool-strings.js";
import { defaultItemViewStrings, type ItemViewStrings } from "./item-view-strings.js";
import { defaultChatErrorStrings, type ChatErrorStrings } from "./chat-error-strings.js";
import {
  defaultMessageActionStrings,
  type MessageActionStrings,
} from "./message-action-strings.js";
import type { FileChipStrings } from "./file-chip-strings.js";

/**
 * Every string the UI components show or announce, in English. Override any of them
 * with `<StringsProvider strings={{ ... }}>`; entries that take values are functions.
 * The file chip's strings are optional here: their defaults load with the chip
 * (`defaultFileChipStrings`), and a provider's override still wins.
 */
export interface UiStrings
  extends
    MessageActionStrings,
    ChatErrorStrings,
    ItemViewStrings,
    ToolStrings,
    AudioInputStrings,
    Partial<FileChipStrings> {
  // Generic actions
  /** Button that copies text to the clipboard. */
  copy: string;
  /** Confirmation shown after copying. */
  copied: string;
  /** Shown when the clipboard refused the copy. */
  copyFailed: string;
  /** Copy code button label, naming the language when known. */
  copyCode: (language?: string) => string;
  /** Approve a pending action (tool call, MCP call, safety check). */
  approve: string;
  /** Deny a pending action. */
  deny: string;
  /** Send the composed message. */
  send: string;
  /** Stop the streaming response. */
  stop: string;
  /** Attach a file or image. */
  attach: string;
  /** Remove an attachment, naming it when known. */
  removeAttachment: (name?: string) => string;
  /** Download a file or image. */
  download: string;
  /** Close a dialog, popover or preview. */
  close: string;
  /** Previous item (gallery, pager). */
  previous: string;
  /** Next item. */
  next: string;
  /** Retry after an error. */
  retry: string;
  /** Regenerate a response. */
  regenerate: string;
  /** Edit a message. */
  edit: string;
  /** Cancel an edit or an action. */
  cancel: string;
  /** Show more of a truncated thing. */
  showMore: string;
  /** Show less. */
  showLess: string;
  /** Expand a collapsed section. */
  expand: string;
  /** Collapse an expanded section. */
  collapse: string;
  /** Placeholder of the composer's text box. */
  composerPlaceholder: string;
  /** Accessible label of the composer's text box. */
  composerLabel: string;
  /** Drop zone hint while dragging files over the composer. */
  dropFilesHere: string;

  // Images and files
  /** Generic accessible name of an image. */
  image: string;
  /** Alt text of an image, numbered within a gallery. */
  imageNumbered: (index: number, total: number) => string;
  /** Alt text of a generated image, with its prompt when known. */
  generatedImage: (prompt?: string) => string;
  /** A generated image still being made. */
  generatingImage: string;
  /** A partial preview of a generated image. */
  partialImage: (index: number) => string;
  /** Image generation failed. */
  imageFailed: string;
  /** Placeholder for a remote image that was not loaded (external images disabled). */
  externalImageBlocked: string;
  /** Link text for opening a blocked external image. */
  openImage: string;
  /** Text of the link an external image is shown as until clicked: its host and alt text. */
  imageFrom: (host: string, alt: string) => string;
  /** Tooltip of that link. */
  loadImage: string;
  /** Generic accessible name of a file. */
  file: string;
  /** Audio clip label. */
  audio: string;
  /** Audio transcript heading. */
  transcript: string;

  // Reasoning
  /** Reasoning while it streams. */
  thinking: string;
  /** Reasoning done, with a measured duration in whole seconds. */
  thoughtFor: (seconds: number) => string;
  /** Reasoning done, duration unknown. */
  thought: string;
  /** Reasoning whose content is hidden (encrypted only, no summary). */
  reasoningHidden: string;
  /** Label of the reasoning panel. */
  reasoning: string;

  // Citations and search
  /** Heading of the sources list. */
  sources: string;
  /** Accessible label of an inline citation marker. */
  citation: (index: number, title?: string) => string;
  /** Web search in progress. */
  searching: string;
  /** Web search in progress for a query. */
  searchingFor: (query: string) => string;
  /** Web search done. */
  searched: string;
  /** Web search done, with its queries. */
  searchedFor: (query: string) => string;
  /** A page the search opened. */
  openedPage: (url: string) => string;
  /** A text search inside an opened page. */
  findInPage: (pattern: string) => string;
  /** Web search failed. */
  searchFailed: string;
  /** File search in progress. */
  searchingFiles: string;
  /** File search done. */
  searchedFiles: string;
  /** File search result count. */
  resultCount: (count: number) => string;
  /** Relevance score of a file search result. */
  score: (score: number) => string;
  /** A file search finished without returned results (results not included in the response). */
  noResults: string;
  /** A cited file without a name. */
  citedFile: (fileId: string) => string;

  // Messages
  /** Label of the user role. */
  roleUser: string;
  /** Label of the assistant role. */
  roleAssistant: string;
  /** Label of the system role. */
  roleSystem: string;
  /** Label of the developer role. */
  roleDeveloper: string;
  /** Accessible name of the message list. */
  conversation: string;
  /** Button that scrolls to the newest message. */
  jumpToLatest: string;
  /** The model refused. */
  refusal: string;
  /** A message that is still streaming. */
  streaming: string;
  /** A message that stopped early. */
  incomplete: string;
  /** A message the user stopped. */
  aborted: string;
  /** A part that could not be shown (its renderer failed to load or to draw). */
  partFailed: (type: string) => string;

  // Logprobs and usage
  /** Probability of a token in percent. */
  probability: (percent: string) => string;
  /** Heading of the alternatives tooltip. */
  alternatives: string;
  /** Accessible label of the log probability view. */
  tokenProbabilities: string;
  /** Token usage heading. */
  tokenUsage: string;
  /** Input tokens label. */
  inputTokens: string;
  /** Cached input tokens label. */
  cachedTokens: string;
  /** Output tokens label. */
  outputTokens: string;
  /** Reasoning tokens label. */
  reasoningTokens: string;
  /** Total tokens label. */
  totalTokens: string;
  /** Compact usage summary. */
  tokensCompact: (input: string, output: string) => string;

  // Markdown
  /** Label of a code block without a language. */
  code: string;
  /** Label of a task list checkbox. */
  taskDone: string;
  /** Label of an unchecked task list item. */
  taskOpen: string;
  /** Shown instead of a link whose URL was not allowed. */
  blockedLink: string;
  /** Suffix announced for links that open in a new tab. */
  opensInNewTab: string;
  /** Accessible name of a scrollable table. */
  table: string;
  /** Accessible name of a scrollable code block, naming the language when known. */
  codeBlock: (language?: string) => string;
}

/** The English strings every component uses unless overridden. */
export const defaultStrings: UiStrings = {
  ...defaultToolStrings,
  ...defaultMessageActionStrings,
  ...defaultChatErrorStrings,
  ...defaultItemViewStrings,
  ...defaultAudioInputStrings,
  copy: "Copy",
  copied: "Copied",
  copyFailed: "Copy failed",
  copyCode: (language) => (language ? `Copy ${language} code` : "Copy code"),
  approve: "Approve",
  deny: "Deny",
  send: "Send",
  stop: "Stop",
  attach: "Attach",
  removeAttachment: (name) => (name ? `Remove attachment ${name}` : "Remove attachment"),
  download: "Download",
  close: "Close",
  previous: "Previous",
  next: "Next",
  retry: "Retry",
  regenerate: "Regenerate",
  edit: "Edit",
  cancel: "Cancel",
  showMore: "Show more",
  showLess: "Show less",
  expand: "Expand",
  collapse: "Collapse",
  composerPlaceholder: "Send a message",
  composerLabel: "Message",
  dropFilesHere: "Drop files here",

  image: "Image",
  imageNumbered: (index, total) => `Image ${index} of ${total}`,
  generatedImage: (prompt) => (prompt ? `Generated image: ${prompt}` : "Generated image"),
  generatingImage: "Generating image",
  partialImage: (index) => `Preview ${index + 1}`,
  imageFailed: "Image generation failed",
  externalImageBlocked: "External image not loaded",
  openImage: "Open image",
  imageFrom: (host, alt) => (alt ? `${alt} (image from ${host})` : `Image from ${host}`),
  loadImage: "Load the image (it is fetched from that host)",
  file: "File",
  audio: "Audio",
  transcript: "Transcript",

  thinking: "Thinking",
  thoughtFor: (seconds) => `Thought for ${seconds} ${seconds === 1 ? "second" : "seconds"}`,
  thought: "Thought",
  reasoningHidden: "Reasoning is hidden",
  reasoning: "Reasoning",

  sources: "Sources",
  citation: (index, title) => (title ? `Source ${index}: ${title}` : `Source ${index}`),
  searching: "Searching the web",
  searchingFor: (query) => `Searching for “${query}”`,
  searched: "Searched the web",
  searchedFor: (query) => `Searched for “${query}”`,
  openedPage: (url) => `Opened ${url}`,
  findInPage: (pattern) => `Looked for “${pattern}” in the page`,
  searchFailed: "Search failed",
  searchingFiles: "Searching files",
  searchedFiles: "Searched files",
  resultCount: (count) => (count === 1 ? "1 result" : `${count} results`),
  score: (score) => `Score ${score.toFixed(2)}`,
  noResults: "No results returned",
  citedFile: (fileId) => `File ${fileId}`,

  roleUser: "You",
  roleAssistant: "Assistant",
  roleSystem: "System",
  roleDeveloper: "Developer",
  conversation: "Conversation",
  jumpToLatest: "Jump to latest",
  refusal: "Refused",
  streaming: "Responding",
  incomplete: "Response incomplete",
  aborted: "Stopped",
  partFailed: (type) => `This ${type} could not be shown. Reload the page to try again.`,

  probability: (percent) => `${percent}%`,
  alternatives: "Alternatives",
  tokenProbabilities: "Token probabilities",
  tokenUsage: "Token usage",
  inputTokens: "Input",
  cachedTokens: "Cached",
  outputTokens: "Output",
  reasoningTokens: "Reasoning",
  totalTokens: "Total",
  tokensCompact: (input, output) => `${input} in · ${output} out`,

  code: "Code",
  taskDone: "Done",
  taskOpen: "Not done",
  blockedLink: "link removed",
  opensInNewTab: "(opens in a new tab)",
  table: "Table",
  codeBlock: (language) => (language ? `${language} code` : "Code"),
};
