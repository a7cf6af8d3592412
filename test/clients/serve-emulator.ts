import { parseCliArguments } from "../../src/server/cli/cli-arguments.js";
import { serve, type RunningServe } from "../../src/server/cli/serve-command.js";

/** A running `colloquy serve --emulator` and the emulator's base URL it printed. */
export interface ServedEmulator {
  /** The emulator's OpenAI base URL, e.g. `http://127.0.0.1:54321/emulator/v1`. */
  url: string;
  /** Stops the server. */
  close: RunningServe["close"];
}

/**
 * Starts `colloquy serve --emulator` in process on a loopback port chosen at run time, with
 * no rate limit (a suite makes more calls a minute than the default allows), and returns the
 * emulator URL from the line it prints, as a user would copy it.
 */
export async function serveEmulator(): Promise<ServedEmulator> {
  const command = parseCliArguments(["serve", "--port", "0", "--emulator", "--rate-limit", "0"]);
  if (command.command !== "serve") throw new Error("expected the serve command");
  const lines: string[] = [];
  const running = await serve(command.args, {
    env: {},
    log: (line) => lines.push(line),
    error: () => undefined,
  });
  const url = lines
    .map((line) => /using the built-in emulator at (\S+)/.exec(line)?.[1])
    .find((found) => found !== undefined);
  if (!url) throw new Error(`colloquy serve printed no emulator URL: ${lines.join(" | ")}`);
  return { url, close: running.close };
}
