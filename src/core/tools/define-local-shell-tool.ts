import type * as R from "openai/resources/responses/responses";
import type { ShellCallPart } from "../model/builtin-tool-parts.js";
import type { ClientRunCallPart } from "./client-run-calls.js";
import type { ClientRunToolDefinition } from "./client-run-types.js";
import type { ToolExecuteContext } from "./types.js";

/** One command the model asks the app to run, from a `shell_call` or a `local_shell_call`. */
export interface ShellCommand {
  /** The command line (a `local_shell_call`'s argv joined with spaces). */
  command: string;
  /** `local_shell` only: the command as an argv list, to run without a shell. */
  argv?: readonly string[];
  /** `local_shell` only: environment variables to set. */
  env?: Readonly<Record<string, string>>;
  /** `local_shell` only: the directory to run in. */
  workingDirectory?: string;
  /** `local_shell` only: the user to run as. */
  user?: string;
  /** How long the command may run, in milliseconds, when the model set a limit. */
  timeoutMs?: number;
  /** `shell` only: the most characters of output the model wants back. */
  maxOutputLength?: number;
}

/** What running one command gave. */
export interface ShellCommandResult {
  /** Standard output. */
  stdout: string;
  /** Standard error. */
  stderr?: string;
  /** The exit code (default 0). */
  exitCode?: number;
  /** True when the command was stopped for running past its time limit. */
  timedOut?: boolean;
}

/** What `defineLocalShellTool` takes. */
export interface DefineLocalShellToolOptions {
  /**
   * The tool type to declare: `shell` (the current one, several commands per call) or
   * `local_shell` (one argv per call, for codex models). Default `shell`.
   */
  type?: "shell" | "local_shell";
  /** Runs one command on the app's machine. Throwing reports the call as failed (exit code 1, the message on stderr). */
  run: (
    command: ShellCommand,
    context: ToolExecuteContext,
  ) => ShellCommandResult | Promise<ShellCommandResult>;
  /**
   * Whether a person must approve the call's commands before they run: true by default, since
   * the model's commands run with the app's rights. False, or a predicate on the commands.
   */
  needsApproval?: boolean | ((commands: readonly ShellCommand[]) => boolean | Promise<boolean>);
}

/** The commands a shell call asks for, in order. */
export function shellCommandsOf(part: ShellCallPart): ShellCommand[] {
  const item = part.item;
  if (item.type === "local_shell_call") {
    const action = item.action;
    return [
      withoutUndefined({
        command: action.command.join(" "),
        argv: action.command,
        env: action.env,
        workingDirectory: action.working_directory ?? undefined,
        user: action.user ?? undefined,
        timeoutMs: action.timeout_ms ?? undefined,
      }),
    ];
  }
  const action = item.action;
  return action.commands.map((command) =>
    withoutUndefined({
      command,
      timeoutMs: action.timeout_ms ?? undefined,
      maxOutputLength: action.max_output_length ?? undefined,
    }),
  );
}

/**
 * Defines a shell the model may use on the app's machine: each `shell_call` (or
 * `local_shell_call`) waits for a person's approval by default, then `run` runs its commands
 * in order and the runner sends back the `shell_call_output` (or `local_shell_call_output`).
 * A refusal goes back as an output with exit code 1 saying the user refused. Only calls the
 * app must run are handled; a hosted shell runs in OpenAI's container.
 */
export function defineLocalShellTool(
  options: DefineLocalShellToolOptions,
): ClientRunToolDefinition<ShellCallPart> {
  const type = options.type ?? "shell";
  const rule = options.needsApproval ?? true;
  return Object.freeze({
    kind: "client-run" as const,
    type,
    name: type,
    handles: (part: ClientRunCallPart): part is ShellCallPart => part.type === "shell-call",
    needsApproval:
      typeof rule === "function" ? (part: ShellCallPart) => rule(shellCommandsOf(part)) : rule,
    execute: async (part: ShellCallPart, context: ToolExecuteContext) => {
      const commands = shellCommandsOf(part);
      const results: ShellCommandResult[] = [];
      for (const command of commands) results.push(await options.run(command, context));
      if (part.item.type === "local_shell_call") {
        const result = results[0] ?? { stdout: "" };
        return {
          type: "local_shell_call_output",
          call_id: part.item.call_id,
          output: JSON.stringify({
            stdout: result.stdout,
            stderr: result.stderr ?? "",
            exit_code: result.exitCode ?? 0,
          }),
        };
      }
      const maxOutputLength = (part.item as R.ResponseFunctionShellToolCall).action
        .max_output_length;
      return {
        type: "shell_call_output",
        call_id: part.item.call_id,
        output: results.map((result) => ({
          stdout: result.stdout,
          stderr: result.stderr ?? "",
          outcome: result.timedOut
            ? { type: "timeout" }
            : { type: "exit", exit_code: result.exitCode ?? 0 },
        })),
        ...(typeof maxOutputLength === "number" ? { max_output_length: maxOutputLength } : {}),
      };
    },
    toWire: () => [{ type }],
  });
}

function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}
