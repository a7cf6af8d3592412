import type { ReactNode } from "react";

/** How a diff line changes the file. */
export type DiffLineKind = "added" | "removed" | "context" | "hunk";

/** One line of a diff, classified. */
export interface DiffLine {
  /** What the line does. */
  kind: DiffLineKind;
  /** The line without its leading marker. */
  text: string;
}

/** Classifies the lines of a unified-style diff (`+`, `-`, ` `, `@@`). */
export function parseDiff(diff: string): DiffLine[] {
  const lines = diff.endsWith("\n") ? diff.slice(0, -1).split("\n") : diff.split("\n");
  return lines.map((line): DiffLine => {
    if (line.startsWith("@@")) return { kind: "hunk", text: line };
    if (line.startsWith("+")) return { kind: "added", text: line.slice(1) };
    if (line.startsWith("-")) return { kind: "removed", text: line.slice(1) };
    return { kind: "context", text: line.startsWith(" ") ? line.slice(1) : line };
  });
}

const MARKERS: Record<DiffLineKind, string> = { added: "+", removed: "-", context: " ", hunk: "" };

/** Props of {@link DiffView}. */
export interface DiffViewProps {
  /** The diff text. */
  diff: string;
  /** Accessible name of the (scrollable) block. */
  label: string;
  /** Marks a diff that is still streaming. */
  streaming?: boolean;
}

/** A diff with added and removed lines coloured, markers kept so it reads without colour. */
export function DiffView({ diff, label, streaming }: DiffViewProps): ReactNode {
  return (
    <pre
      className="colloquy-diff"
      tabIndex={0}
      aria-label={label}
      data-streaming={streaming ? "" : undefined}
    >
      <code>
        {parseDiff(diff).map((line, index) => (
          <span key={index} className="colloquy-diff__line" data-kind={line.kind}>
            <span className="colloquy-diff__marker" aria-hidden="true">
              {MARKERS[line.kind]}
            </span>
            {line.text}
            {"\n"}
          </span>
        ))}
      </code>
    </pre>
  );
}
