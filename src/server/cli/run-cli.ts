import { HELP, parseCliArguments } from "./cli-arguments.js";
import { serve, type CliEnvironment, type RunningServe } from "./serve-command.js";

/**
 * Runs `colloquy` with `argv` (without node and the script): prints help, or starts the
 * server and returns it. Throws on bad arguments or configuration.
 */
export async function runCli(
  argv: readonly string[],
  io: CliEnvironment,
): Promise<RunningServe | undefined> {
  const command = parseCliArguments(argv);
  if (command.command === "help") {
    io.log(HELP.trimEnd());
    return undefined;
  }
  return serve(command.args, io);
}
