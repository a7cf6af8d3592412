/**
 * Turning tool arguments and results into readable text. Pure, so a streaming call can be
 * re-formatted on every delta without surprises.
 */

/** Arguments ready to show: pretty JSON when the text parses, the raw text while it does not. */
export interface FormattedToolInput {
  /** The text to show. */
  text: string;
  /** True when `text` is the pretty-printed parse of complete JSON. */
  parsed: boolean;
}

/**
 * Pretty-prints JSON arguments once (and whenever) they parse; while they are still
 * streaming in, and for free-text custom tool input, the text is shown as received.
 */
export function formatToolInput(text: string): FormattedToolInput {
  const trimmed = text.trim();
  if (trimmed === "") return { text: "", parsed: false };
  if (!/^[[{"]|^-?\d|^(true|false|null)$/.test(trimmed)) return { text, parsed: false };
  try {
    return { text: JSON.stringify(JSON.parse(trimmed), null, 2), parsed: true };
  } catch {
    return { text, parsed: false };
  }
}

/**
 * A tool result as text: strings that hold JSON are pretty-printed, other strings are shown
 * as they are, and structured values become indented JSON.
 */
export function formatToolOutput(value: unknown): string {
  if (value === undefined) return "";
  if (typeof value === "string") {
    const formatted = formatToolInput(value);
    return formatted.parsed ? formatted.text : value;
  }
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    // Circular or BigInt-bearing values cannot be serialised; their string form still says something.
    return String(value);
  }
}
