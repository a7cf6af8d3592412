import { useId, useState, type ReactNode } from "react";
import { answerText } from "./answer-text.js";
import type { LabConfig } from "./lab-config.js";
import type { CellResult } from "./run-cell.js";
import { diffWords, type DiffSegment } from "./word-diff.js";
import "./answer-diff.css";

/** Props of {@link AnswerDiff}. */
export interface AnswerDiffProps {
  /** The lab's setup (its variants and rows). */
  config: LabConfig;
  /** The result of one variant on one row. */
  resultOf: (row: number, variantId: string) => CellResult | undefined;
}

function DiffText({ row, segments }: { row: number; segments: DiffSegment[] }): ReactNode {
  if (segments.every((segment) => segment.kind === "same")) {
    return <p className="prompt-lab__muted">The two answers are the same, word for word.</p>;
  }
  return (
    <>
      <p className="prompt-lab__diff-text" data-testid={`diff-${row}`}>
        {segments.map((segment, index) =>
          segment.kind === "same" ? (
            <span key={index}>{segment.text}</span>
          ) : segment.kind === "removed" ? (
            <del key={index} className="prompt-lab__del">
              {segment.text}
            </del>
          ) : (
            <ins key={index} className="prompt-lab__ins">
              {segment.text}
            </ins>
          ),
        )}
      </p>
    </>
  );
}

/**
 * Two variants' answers compared word by word, row by row: what the second says that the
 * first does not is inserted (`<ins>`), what it leaves out is removed (`<del>`).
 */
export function AnswerDiff({ config, resultOf }: AnswerDiffProps): ReactNode {
  const id = useId();
  const [picked, setPicked] = useState<[string, string]>(["", ""]);
  const known = (variantId: string) => config.variants.some((v) => v.id === variantId);
  const left = known(picked[0]) ? picked[0] : (config.variants[0]?.id ?? "");
  const right = known(picked[1]) ? picked[1] : (config.variants[1]?.id ?? "");
  const choose = (side: 0 | 1, value: string) =>
    setPicked(side === 0 ? [value, right] : [left, value]);
  const picker = (side: 0 | 1, label: string, value: string) => (
    <label className="prompt-lab__inline">
      {label}
      <select
        className="prompt-lab__select"
        value={value}
        onChange={(event) => choose(side, event.target.value)}
      >
        {config.variants.map((variant) => (
          <option key={variant.id} value={variant.id}>
            {variant.name}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="prompt-lab__diff" aria-labelledby={`${id}-title`}>
      <div className="prompt-lab__section-head">
        <h2 id={`${id}-title`}>Compare answers</h2>
        <div className="prompt-lab__toolbar-group">
          {picker(0, "From", left)}
          {picker(1, "To", right)}
        </div>
      </div>
      <p className="prompt-lab__muted">
        <del className="prompt-lab__del">Struck</del> words are only in the first answer,{" "}
        <ins className="prompt-lab__ins">marked</ins> words only in the second.
      </p>
      {config.rows.map((_, row) => {
        const before = resultOf(row, left);
        const after = resultOf(row, right);
        const ready = before?.status === "done" && after?.status === "done";
        return (
          <div key={row} className="prompt-lab__diff-row">
            <h3>Input {row + 1}</h3>
            {ready ? (
              <DiffText
                row={row}
                segments={diffWords(answerText(before.message), answerText(after.message))}
              />
            ) : (
              <p className="prompt-lab__muted">Run both variants to compare their answers.</p>
            )}
          </div>
        );
      })}
    </section>
  );
}
