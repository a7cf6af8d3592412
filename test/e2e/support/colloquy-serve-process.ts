import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../../../", import.meta.url));

/** A `colloquy serve` running as its own process. */
export interface ServeProcess {
  /** The page origin with a trailing slash, e.g. `http://127.0.0.1:40123/`. */
  url: string;
  /** Everything the process printed, for failure messages. */
  output: () => string;
  /** Stops the process (SIGTERM, then SIGKILL if it lingers). */
  close: () => Promise<void>;
}

/**
 * Builds the standalone `<colloquy-chat>` scripts into dist/, as the second step of
 * `npm run build` does, so the page gets the element of these sources. In a process of its
 * own: under the test runner NODE_ENV is `test`, which would build React's development JSX.
 */
export async function buildStandaloneScripts(): Promise<void> {
  const { NODE_ENV: _testMode, ...env } = process.env;
  const child = spawn(
    process.execPath,
    [
      "node_modules/vite/bin/vite.js",
      "build",
      "-c",
      "vite.element.config.ts",
      "--logLevel",
      "error",
    ],
    { cwd: repo, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let printed = "";
  child.stdout.on("data", (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (printed += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`The standalone element build failed (${code}):\n${printed}`);
}

/**
 * Starts `colloquy serve` from the sources (what `bin/colloquy.js` runs in a checkout) on
 * 127.0.0.1 and a port the system picks, with `args` after `serve`. Resolves once it prints
 * where it listens.
 */
export async function startServeProcess(args: readonly string[]): Promise<ServeProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "src/server/cli/main.ts",
      "serve",
      "--host",
      "127.0.0.1",
      "--port",
      "0",
      ...args,
    ],
    { cwd: repo, env: { PATH: process.env.PATH ?? "" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let printed = "";
  child.stdout?.on("data", (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (printed += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`colloquy serve did not start in 60 s:\n${printed}`)),
      60_000,
    );
    const look = () => {
      const match = /proxy listening at (http:\/\/127\.0\.0\.1:\d+)\//.exec(printed);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout?.on("data", look);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`colloquy serve exited with ${code}:\n${printed}`));
    });
  });
  return {
    url: `${origin}/`,
    output: () => printed,
    close: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
