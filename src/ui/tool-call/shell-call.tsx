import type { ReactNode } from "react";
import type { ShellCallOutputPart, ShellCallPart } from "../../core/index.js";
import { useStrings } from "../strings/index.js";
import { ToolCard, ToolCode, ToolSection } from "./tool-card.js";

/** Props of {@link ShellCall}. */
export interface ShellCallProps {
  /** The shell call (hosted `shell_call` or `local_shell_call`). */
  part: ShellCallPart;
  /** Its output, when it has arrived, shown in the same card. */
  output?: ShellCallOutputPart;
  /** Extra class names on the card. */
  className?: string;
}

/** The commands of a shell call, whichever of the two shell tools produced it. */
export function shellCommands(part: ShellCallPart): string[] {
  const action = part.item.action as { commands?: unknown; command?: unknown };
  if (Array.isArray(action.commands)) return action.commands.map(String);
  // local_shell_call sends one argv; show it as one command line.
  if (Array.isArray(action.command)) return [action.command.map(String).join(" ")];
  return [];
}

/** A shell call: the commands it runs, then (when given) their outputs with exit codes. */
export function ShellCall({ part, output, className }: ShellCallProps): ReactNode {
  const strings = useStrings();
  const commands = shellCommands(part);
  const action = part.item.action as { working_directory?: string | null };
  return (
    <ToolCard
      kind="shell-call"
      state={part.state}
      title={strings.shell}
      eyebrow={action.working_directory ?? undefined}
      label={strings.shell}
      className={className}
    >
      <ToolSection label={strings.commands} section="commands">
        <ToolCode
          text={commands.map((command) => `$ ${command}`).join("\n")}
          language="shell"
          label={strings.commands}
        />
      </ToolSection>
      {output ? <ShellOutputBody part={output} /> : null}
    </ToolCard>
  );
}

/** Props of {@link ShellCallOutput}. */
export interface ShellCallOutputProps {
  /** The shell call output item. */
  part: ShellCallOutputPart;
  /** Extra class names on the card. */
  className?: string;
}

/** A shell call's output on its own: stdout, stderr and exit code per command. */
export function ShellCallOutput({ part, className }: ShellCallOutputProps): ReactNode {
  const strings = useStrings();
  return (
    <ToolCard
      kind="shell-call-output"
      state={part.state}
      title={strings.output}
      label={strings.shellOutput}
      className={className}
    >
      <ShellOutputBody part={part} />
    </ToolCard>
  );
}

function ShellOutputBody({ part }: { part: ShellCallOutputPart }): ReactNode {
  const strings = useStrings();
  const output = part.item.output as unknown;
  if (typeof output === "string") {
    return (
      <ToolSection label={strings.output} section="output">
        <ToolCode text={output} label={strings.output} />
      </ToolSection>
    );
  }
  if (!Array.isArray(output)) return null;
  return (
    <>
      {output.map((entry, index) => {
        const result = entry as {
          stdout?: string;
          stderr?: string;
          outcome?: { type?: string; exit_code?: number };
        };
        const outcome = result.outcome;
        const failed = outcome?.type === "timeout" || (outcome?.exit_code ?? 0) !== 0;
        return (
          <ToolSection
            key={index}
            section="output"
            label={
              <>
                {strings.output}
                {outcome ? (
                  <span
                    className="colloquy-tool-card__exit"
                    data-tone={failed ? "danger" : "success"}
                  >
                    {outcome.type === "timeout"
                      ? strings.timedOut
                      : strings.exitCode(outcome.exit_code ?? 0)}
                  </span>
                ) : null}
              </>
            }
          >
            {result.stdout ? <ToolCode text={result.stdout} label={strings.stdout} /> : null}
            {result.stderr ? (
              <div className="colloquy-tool-card__stderr">
                <ToolCode text={result.stderr} label={strings.stderr} />
              </div>
            ) : null}
          </ToolSection>
        );
      })}
    </>
  );
}
