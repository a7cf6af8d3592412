import type { ReactNode } from "react";
import type { ApplyPatchCallOutputPart, ApplyPatchCallPart } from "../../core/index.js";
import { useStrings } from "../strings/index.js";
import { DiffView } from "./diff-view.js";
import { ToolCard, ToolSection } from "./tool-card.js";

/** Props of {@link ApplyPatchCall}. */
export interface ApplyPatchCallProps {
  /** The apply_patch call. */
  part: ApplyPatchCallPart;
  /** The client's report of applying it, when known. */
  output?: ApplyPatchCallOutputPart;
  /** Extra class names on the card. */
  className?: string;
}

/** An apply_patch operation: the file path, what is done to it, and the diff. */
export function ApplyPatchCall({ part, output, className }: ApplyPatchCallProps): ReactNode {
  const strings = useStrings();
  const operation = part.item.operation;
  const diff = "diff" in operation ? operation.diff : "";
  const state = output ? (output.item.status === "failed" ? "failed" : "completed") : part.state;
  return (
    <ToolCard
      kind="apply-patch-call"
      state={state}
      eyebrow={strings.patchOperation(operation.type)}
      title={<code>{operation.path}</code>}
      label={`${strings.patchOperation(operation.type)} ${operation.path}`}
      className={className}
      data-operation={operation.type}
    >
      {diff !== "" ? (
        <ToolSection label={strings.diff} section="diff">
          <DiffView diff={diff} label={strings.diff} streaming={part.state === "in-progress"} />
        </ToolSection>
      ) : null}
      {output?.item.output ? (
        <ToolSection label={strings.output} section="output">
          <p className="colloquy-tool-card__note">{output.item.output}</p>
        </ToolSection>
      ) : null}
    </ToolCard>
  );
}
