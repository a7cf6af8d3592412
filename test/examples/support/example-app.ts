import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { REPO_ROOT, installWithTarball } from "../../support/packed-package.js";

/** Where the examples live. */
export const EXAMPLES_DIR = join(REPO_ROOT, "examples");

/** Where the run writes its screenshots (gitignored with the rest of test-results/). */
export const SCREENSHOTS = join(REPO_ROOT, "test-results/examples");

/**
 * The environment an example runs in: no OpenAI key or base URL, so its proxy always answers
 * from the built-in emulator (the tests never reach the network), and no telemetry.
 */
export function offlineEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extra };
  for (const name of ["OPENAI_API_KEY", "OPENAI_BASE_URL", "AZURE_OPENAI_ENDPOINT"]) {
    delete env[name];
  }
  return env;
}

/** A port nobody listens on right now, on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("No port was assigned.");
  return address.port;
}

/**
 * Installs an example from the packed tarball and checks that its lockfile came through
 * untouched: the examples' installs must be reproducible.
 */
export function installExample(appDir: string, tarball: string): void {
  const lockfile = join(appDir, "package-lock.json");
  const before = readFileSync(lockfile, "utf8");
  installWithTarball(appDir, tarball);
  if (readFileSync(lockfile, "utf8") !== before) {
    throw new Error(`Installing ${appDir} changed its package-lock.json; run npm install there.`);
  }
}

/** A process an example started, with what it printed. */
export interface RunningProcess {
  /** Everything it wrote to stdout and stderr so far. */
  output: () => string;
  /** Stops it and every process it started. */
  stop: () => Promise<void>;
}

/**
 * Starts `command` in its own process group (so `stop` ends the whole tree, e.g. npx and the
 * server it runs) and waits until `url` answers, or fails with the process's output.
 */
export async function startProcess(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; url: string; timeoutMs?: number },
): Promise<RunningProcess> {
  const child: ChildProcess = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-child.pid!, "SIGTERM");
    const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`${command} ${args.join(" ")} exited early:\n${output}`);
    }
    try {
      const response = await fetch(options.url);
      await response.body?.cancel();
      if (response.status < 500) return { output: () => output, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`${options.url} did not answer in time. Output:\n${output}`);
}

/** Runs a command to completion in an example, failing with its output. */
export async function runToEnd(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<string> {
  const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} failed (${code}):\n${output}`);
  return output;
}
