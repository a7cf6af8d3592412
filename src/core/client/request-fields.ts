/** Small helpers both request builders share. */

/** Sets `key` only when `value` is defined, so the body holds only what was asked for. */
export function set(body: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) body[key] = value;
}

/** The record without its undefined fields. */
export function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

/** The body with `extraBody` merged over it (compatible servers' own fields win). */
export function mergeExtra(
  body: Record<string, unknown>,
  extra: Record<string, unknown> | undefined,
): Record<string, unknown> {
  return extra ? { ...body, ...extra } : body;
}

/** A converter warning (a string or a `{ message }`) as text. */
export function warningText(warning: unknown): string {
  if (typeof warning === "string") return warning;
  if (warning && typeof warning === "object" && "message" in warning) {
    return String((warning as { message: unknown }).message);
  }
  return JSON.stringify(warning);
}
