import { deepEqual } from "../stream/deep-equal.js";
import { isRecord } from "./wire-helpers.js";

/**
 * The fields of a Chat Completions choice that this version does not map to parts (Azure's
 * `content_filter_results` and `content_filter_offsets`, fields newer than this version),
 * kept as sent. One implementation for a completion body's choice and for the choices of a
 * stream's chunks, so a streamed answer keeps what the same answer as a body keeps.
 */

/** Choice fields mapped into parts and message fields: `message` in a body, `delta` in a chunk. */
const CHOICE_MAPPED: ReadonlySet<string> = new Set([
  "index",
  "message",
  "delta",
  "finish_reason",
  "logprobs",
]);

/**
 * `previous` with one value folded in. Records merge key by key, so the empty
 * `content_filter_results: {}` Azure sends on a stream's first and closing chunks keeps the
 * categories reported in between, and a later chunk's verdict on a category replaces an
 * earlier one; any other value replaces what was there.
 */
function mergeValue(previous: unknown, value: unknown): unknown {
  if (!isRecord(previous) || !isRecord(value)) return value;
  const merged: Record<string, unknown> = { ...previous };
  for (const key of Object.keys(value)) merged[key] = mergeValue(previous[key], value[key]);
  return merged;
}

/**
 * A choice's unmapped fields merged into `previous` (the ones kept so far for that choice).
 * Returns `previous` itself when the choice adds nothing new, so a stream's snapshots keep
 * their metadata's identity on every chunk that repeats what is already kept; `undefined`
 * when there is nothing to keep at all.
 */
export function mergeChoiceExtra(
  previous: Readonly<Record<string, unknown>> | undefined,
  choice: Readonly<Record<string, unknown>>,
): Record<string, unknown> | undefined {
  let next: Record<string, unknown> | undefined;
  for (const key of Object.keys(choice)) {
    if (CHOICE_MAPPED.has(key)) continue;
    const current = next ?? previous;
    const merged = mergeValue(current?.[key], choice[key]);
    if (current !== undefined && Object.hasOwn(current, key) && deepEqual(current[key], merged)) {
      continue;
    }
    (next ??= { ...previous })[key] = merged;
  }
  return next ?? (previous as Record<string, unknown> | undefined);
}
