/** One run of words that both answers share, or that only one of them has. */
export interface DiffSegment {
  /** `same` in both, `removed` only in the first answer, `added` only in the second. */
  kind: "same" | "removed" | "added";
  /** The words, with the spaces between them. */
  text: string;
}

/** Past this many words on either side the answers are shown as one removal and one insertion. */
const MAX_WORDS = 3000;

const words = (text: string) => text.match(/\s+|[^\s]+/g) ?? [];

function push(segments: DiffSegment[], kind: DiffSegment["kind"], text: string): void {
  const last = segments.at(-1);
  if (last?.kind === kind) last.text += text;
  else segments.push({ kind, text });
}

/**
 * The word-level difference between two answers (longest common subsequence of words and
 * spaces), as runs of shared, removed and added text in reading order.
 */
export function diffWords(before: string, after: string): DiffSegment[] {
  const a = words(before);
  const b = words(after);
  if (a.length > MAX_WORDS || b.length > MAX_WORDS) {
    const whole: DiffSegment[] = [];
    if (before) whole.push({ kind: "removed", text: before });
    if (after) whole.push({ kind: "added", text: after });
    return before === after ? [{ kind: "same", text: before }] : whole;
  }
  // lengths[i][j]: the longest common run of a[i..] and b[j..].
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i]![j] =
        a[i] === b[j]
          ? lengths[i + 1]![j + 1]! + 1
          : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const segments: DiffSegment[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(segments, "same", a[i]!);
      i++;
      j++;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) {
      push(segments, "removed", a[i++]!);
    } else {
      push(segments, "added", b[j++]!);
    }
  }
  while (i < a.length) push(segments, "removed", a[i++]!);
  while (j < b.length) push(segments, "added", b[j++]!);
  return segments;
}
