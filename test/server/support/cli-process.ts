import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { createInterface } from "node:readline";

/** The `colloquy` executable, as `npx colloquy` runs it (the sources through tsx in a checkout). */
export const BIN = resolve(import.meta.dirname, "..", "..", "..", "bin", "colloquy.js");

const children: ChildProcess[] = [];

/** The environment without any upstream configured, so the CLI starts on the emulator. */
export const noKey: Record<string, string | undefined> = {
  OPENAI_API_KEY: undefined,
  OPENAI_BASE_URL: undefined,
  OPENAI_ORG_ID: undefined,
  OPENAI_PROJECT_ID: undefined,
  AZURE_OPENAI_API_KEY: undefined,
  AZURE_OPENAI_ENDPOINT: undefined,
  AZURE_OPENAI_API_VERSION: undefined,
  AZURE_OPENAI_DEPLOYMENT: undefined,
  CI: undefined,
};

/** Stops every CLI process a test started (call from `afterEach`). */
export async function stopCliProcesses(): Promise<void> {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  }
}

/** Spawns the CLI with `env` over this process's environment and keeps it for stopping. */
export function spawnTracked(args: readonly string[], env: Record<string, string | undefined>) {
  const cleanEnv = { ...process.env, ...env };
  for (const [name, value] of Object.entries(cleanEnv))
    if (value === undefined) delete cleanEnv[name];
  const child = spawn(process.execPath, [BIN, ...args], {
    env: cleanEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return child;
}

/** Spawns the CLI and resolves with its first `count` stdout lines. */
export function spawnCli(
  args: readonly string[],
  env: Record<string, string | undefined>,
  count: number,
): Promise<string[]> {
  const child = spawnTracked(args, env);
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
  const lines: string[] = [];
  return new Promise<string[]>((resolveLines, reject) => {
    const reader = createInterface({ input: child.stdout! });
    reader.on("line", (line) => {
      lines.push(line);
      if (lines.length === count) resolveLines(lines);
    });
    child.once("exit", (code) =>
      reject(new Error(`colloquy exited (${code}) after ${JSON.stringify(lines)}: ${stderr}`)),
    );
  });
}

/** Runs the CLI to its end: its exit code and what it printed on stderr. */
export function runCliToExit(
  args: readonly string[],
  env: Record<string, string | undefined>,
): Promise<{ code: number | null; stderr: string }> {
  const child = spawnTracked(args, env);
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
  child.stdout!.resume();
  return new Promise((resolveExit) => child.once("exit", (code) => resolveExit({ code, stderr })));
}

/** The proxy URL from the CLI's "listening at" line. */
export const listeningUrl = (line: string | undefined): string =>
  /listening at (\S+)/.exec(line ?? "")![1]!;

/** A loopback port free right now (for `--port <n>`). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}
