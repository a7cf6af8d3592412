import { useState, type KeyboardEvent, type ReactNode } from "react";
import "./json-tree.css";

/** Props of {@link JsonTree}. */
export interface JsonTreeProps {
  /** The parsed JSON object or array. */
  value: object;
  /** Accessible name of the tree. */
  label: string;
}

const isContainer = (value: unknown): value is object =>
  typeof value === "object" && value !== null;

function summary(value: object): string {
  return Array.isArray(value) ? `[${value.length}]` : `{${Object.keys(value).length}}`;
}

function Leaf({ value }: { value: unknown }): ReactNode {
  const kind = value === null ? "null" : typeof value;
  return (
    <span className="prompt-lab__json-value" data-kind={kind}>
      {JSON.stringify(value)}
    </span>
  );
}

function JsonNode({ name, value }: { name: string; value: unknown }): ReactNode {
  const [open, setOpen] = useState(true);
  if (!isContainer(value)) {
    return (
      <li className="prompt-lab__json-node">
        <span className="prompt-lab__json-key">{name}:</span> <Leaf value={value} />
      </li>
    );
  }
  // Arrow keys as in a tree view: right opens, left closes; Enter and Space toggle (a button).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "ArrowRight") setOpen(true);
    else if (event.key === "ArrowLeft") setOpen(false);
    else return;
    event.preventDefault();
  };
  return (
    <li className="prompt-lab__json-node">
      <button
        type="button"
        className="prompt-lab__json-toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        onKeyDown={onKeyDown}
      >
        <span className="prompt-lab__json-chevron" aria-hidden="true" />
        <span className="prompt-lab__json-key">{name}</span>{" "}
        <span className="prompt-lab__muted">{summary(value)}</span>
      </button>
      {open ? <JsonChildren value={value} /> : null}
    </li>
  );
}

function JsonChildren({ value }: { value: object }): ReactNode {
  return (
    <ul className="prompt-lab__json-children">
      {Object.entries(value).map(([key, child]) => (
        <JsonNode key={key} name={key} value={child} />
      ))}
    </ul>
  );
}

/** Structured output as a tree: objects and arrays open and close, by mouse or keyboard. */
export function JsonTree({ value, label }: JsonTreeProps): ReactNode {
  return (
    <div className="prompt-lab__json" role="group" aria-label={label}>
      <ul className="prompt-lab__json-children" data-root="">
        <JsonNode name={Array.isArray(value) ? "array" : "object"} value={value} />
      </ul>
    </div>
  );
}
