import type { ApiChoice } from "../core/client/types.js";
import type { ColloquyTheme } from "../ui/theme/index.js";
import type { LauncherPosition } from "./launcher.js";

/** The attributes `<colloquy-chat>` watches; a change after connecting re-renders the chat. */
export const OBSERVED_ATTRIBUTES = [
  "endpoint",
  "model",
  "api",
  "instructions",
  "placeholder",
  "theme",
  "storage-id",
  "locale",
  "launcher",
  "open",
  "position",
] as const;

/** One of the watched attribute names. */
export type ObservedAttribute = (typeof OBSERVED_ATTRIBUTES)[number];

/** The `api` attribute read as an API choice; anything else is `undefined` (automatic). */
export function parseApi(value: string | null): ApiChoice | undefined {
  return value === "responses" || value === "chat" || value === "auto" ? value : undefined;
}

/** The `theme` attribute read as a palette; missing or unknown follows the OS. */
export function parseTheme(value: string | null): ColloquyTheme {
  return value === "light" || value === "dark" ? value : "system";
}

/** The `position` attribute read as a corner; missing or unknown is bottom right. */
export function parsePosition(value: string | null): LauncherPosition {
  return value === "bottom-left" ? "bottom-left" : "bottom-right";
}
