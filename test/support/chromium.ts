import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Debian's Chromium; the machine cannot download Playwright's own browsers. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags for Debian's Chromium here: no sandbox (CI runs as root), nothing that reaches for the network. */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * A fake microphone (a beeping test tone) that is granted without a prompt, so a test can
 * record through getUserMedia and MediaRecorder as a user would.
 */
export const FAKE_MEDIA_FLAGS = [
  "--use-fake-device-for-media-stream",
  "--use-fake-ui-for-media-stream",
];

/**
 * Launch options for Playwright on Debian's Chromium. Playwright gives every launch a
 * fresh profile of its own, so no `--user-data-dir` here (it refuses one in `args`).
 */
export function chromiumLaunchOptions(extra: string[] = []): {
  executablePath: string;
  headless: boolean;
  args: string[];
} {
  return { executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS, ...extra] };
}

/** Arguments for starting Chromium by hand, with a fresh profile directory. */
export function chromiumCommandLine(extra: string[] = []): string[] {
  const userDataDir = mkdtempSync(join(tmpdir(), "colloquy-chromium-"));
  return [...CHROMIUM_FLAGS, `--user-data-dir=${userDataDir}`, ...extra];
}
