import { runCli } from "./run-cli.js";

/** The `colloquy` executable: runs the CLI on this process's arguments and environment. */
async function main(): Promise<void> {
  try {
    const running = await runCli(process.argv.slice(2), {
      env: process.env,
      log: (line) => console.log(line),
      error: (line) => console.error(line),
    });
    if (!running) return;
    const stop = () => {
      void running.close().then(() => process.exit(0));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  } catch (error) {
    console.error(`colloquy: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

void main();
