import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { join } from "node:path";

/** The stack of stack-process.ts running in a child process. */
export interface SpawnedStack {
  /** Base URL for colloquy clients: `<proxy>/api/openai/v1`. */
  baseURL: string;
  /** Stops the child (closing its stdin lets it shut its servers down). */
  close(): Promise<void>;
}

/** Starts the emulator + proxy in a child Node process and waits for its URLs. */
export async function spawnStack(): Promise<SpawnedStack> {
  const script = join(import.meta.dirname, "stack-process.ts");
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once("line", (first) => {
      lines.close();
      resolve(first);
    });
    child.once("exit", (code) =>
      reject(new Error(`The stack process exited early (code ${code}).`)),
    );
  });
  const { baseURL } = JSON.parse(line) as { baseURL: string };
  return {
    baseURL,
    close: async () => {
      child.stdin.end();
      await exited;
    },
  };
}
