import type { ChatClient } from "../../../src/core/index.js";
import { createChatClient } from "../../../src/core/index.js";
import { PLAYGROUND_ENDPOINT, PLAYGROUND_MODEL } from "../connection.js";

/** What the fault lab puts under test: which hook, over which API. */
export type SurfaceName =
  | "chat-responses"
  | "chat-completions"
  | "structured"
  | "tools-responses"
  | "tools-completions"
  | "saved-background";

/** One surface: its label, the kind of UI it renders and the API its client calls. */
export interface Surface {
  /** Shown next to the surface's radio button. */
  label: string;
  /**
   * `chat` is the drop-in `<Chat>`, `tools` a `useChat` + `useToolCalls` loop, `saved` a
   * `<Chat>` whose conversation is saved in the page and whose answers run in the background.
   */
  kind: "chat" | "structured" | "tools" | "saved";
  /** The API the client calls. */
  api: "responses" | "chat";
}

/** Every surface, in the order the lab offers them. */
export const SURFACES: Readonly<Record<SurfaceName, Surface>> = {
  "chat-responses": { label: "useChat, Responses API", kind: "chat", api: "responses" },
  "chat-completions": { label: "useChat, Chat Completions", kind: "chat", api: "chat" },
  structured: { label: "useStructuredOutput", kind: "structured", api: "responses" },
  "tools-responses": { label: "Tool loop, Responses API", kind: "tools", api: "responses" },
  "tools-completions": { label: "Tool loop, Chat Completions", kind: "tools", api: "chat" },
  "saved-background": {
    label: "useChat, saved + background (reload mid-answer)",
    kind: "saved",
    api: "responses",
  },
};

/** The lab's settings: the surface and how the client behaves on failure. */
export interface LabSettings {
  /** The surface under test. */
  surface: SurfaceName;
  /** Client timeout in seconds (the whole request, until its last byte); 0 for none. */
  timeoutSeconds: number;
  /** Let the client retry 429, 5xx and unreachable servers by itself before showing an error. */
  autoRetry: boolean;
}

/** Timeouts the lab offers, in seconds (0: none). A stalled stream needs one to end. */
export const TIMEOUT_CHOICES = [0, 3, 10, 30] as const;

/** What the lab starts with: every fault reaches the screen. */
export const DEFAULT_SETTINGS: LabSettings = {
  surface: "chat-responses",
  timeoutSeconds: 0,
  autoRetry: false,
};

/** The client for these settings, talking to the playground's proxy. */
export function labClient(settings: LabSettings): ChatClient {
  const { api } = SURFACES[settings.surface];
  return createChatClient({
    baseURL: PLAYGROUND_ENDPOINT,
    api,
    model: PLAYGROUND_MODEL,
    // Off by default: a retried 429 or 503 recovers before anyone sees the fault.
    maxRetries: settings.autoRetry ? 2 : 0,
    ...(settings.timeoutSeconds > 0 ? { timeout: settings.timeoutSeconds * 1000 } : {}),
  });
}

/** A key that changes with every setting, so a change starts a fresh conversation. */
export function settingsKey(settings: LabSettings): string {
  return `${settings.surface}:${settings.timeoutSeconds}:${settings.autoRetry}`;
}

const SETTINGS_KEY = "colloquy-fault-lab-settings";

/** The settings this tab last used, so a reload comes back to the same surface. */
export function savedSettings(): LabSettings {
  try {
    const saved = JSON.parse(sessionStorage.getItem(SETTINGS_KEY) ?? "null") as LabSettings | null;
    if (saved && saved.surface in SURFACES) return { ...DEFAULT_SETTINGS, ...saved };
  } catch {
    // Unreadable or blocked storage: start from the defaults.
  }
  return DEFAULT_SETTINGS;
}

/** Remembers the settings for this tab. */
export function saveSettings(settings: LabSettings): void {
  try {
    sessionStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Storage full or blocked: the settings only last until the reload.
  }
}
