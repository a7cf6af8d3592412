/**
 * Finding the proxy's secrets (API keys) in whatever leaves it, in every form an upstream
 * could echo one back: as written, in any letter case, with any of its characters escaped
 * (`\u0073`, `%73`, `\x73`, so JSON, URL and JS escapes, whole or mixed), as hex, and inside
 * base64 or base64url at any alignment. A match becomes `[redacted]`.
 */

/** What replaces a secret. */
export const REDACTED = "[redacted]";

/** Shorter strings would redact ordinary words; real keys are far longer. */
const MIN_SECRET_LENGTH = 8;

const hex2 = (code: number) => code.toString(16).padStart(2, "0");

/** Regex source matching `text` literally. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

/** One character as written or escaped: `s`, `\u0073`, `%73`, `\x73` (case-free by the flag). */
function characterForms(char: string): string {
  const code = char.charCodeAt(0);
  if (code > 0x7f) return literal(char);
  return `(?:${literal(char)}|\\\\u00${hex2(code)}|%${hex2(code)}|\\\\x${hex2(code)})`;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function base64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64[(n >> 18) & 63]! + BASE64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63]! : "=";
    out += i + 2 < bytes.length ? BASE64[n & 63]! : "=";
  }
  return out;
}

/**
 * The base64 text that any base64 holding `secret` contains, for each of the three byte
 * alignments: the characters that depend only on the secret's bytes (the ones shared with
 * neighbouring bytes are left off at both ends).
 */
function base64Cores(secret: Uint8Array): string[] {
  const cores: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const padded = new Uint8Array(shift + secret.length);
    padded.set(secret, shift);
    const encoded = base64(padded).replace(/=+$/, "");
    // Leading characters mix in the padding bytes; trailing ones the bytes after the secret.
    const start = shift === 0 ? 0 : shift + 1;
    const total = shift + secret.length;
    const end = Math.floor((total * 8) / 6);
    cores.push(encoded.slice(start, end));
  }
  return cores;
}

/** A compiled matcher for a set of secrets, and the longest text one match can span. */
export interface SecretMatcher {
  /** Global, case-insensitive: every form of every secret. */
  readonly pattern: RegExp;
  /** Characters the longest match can span: how much of a stream's tail to hold back. */
  readonly longest: number;
}

function compile(secrets: readonly string[]): SecretMatcher | undefined {
  const alternatives: string[] = [];
  let longest = 0;
  for (const secret of new Set(secrets)) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    const bytes = new TextEncoder().encode(secret);
    alternatives.push([...secret].map(characterForms).join(""));
    alternatives.push([...bytes].map(hex2).join(""));
    for (const core of base64Cores(bytes)) {
      alternatives.push(literal(core));
      alternatives.push(literal(core.replace(/\+/g, "-").replace(/\//g, "_")));
    }
    // The longest form: every character escaped as `\u00hh` (6 characters each).
    longest = Math.max(longest, secret.length * 6);
  }
  if (alternatives.length === 0) return undefined;
  return { pattern: new RegExp(alternatives.join("|"), "gi"), longest };
}

const compiled = new WeakMap<readonly string[], SecretMatcher | null>();

/** The matcher for `secrets` (compiled once per array), or undefined when none is long enough. */
export function secretMatcher(secrets: readonly string[]): SecretMatcher | undefined {
  let matcher = compiled.get(secrets);
  if (matcher === undefined) {
    matcher = compile(secrets) ?? null;
    compiled.set(secrets, matcher);
  }
  return matcher ?? undefined;
}

/** Replaces every form of every secret in `text` with `[redacted]`. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  const matcher = secretMatcher(secrets);
  if (!matcher) return text;
  matcher.pattern.lastIndex = 0;
  return text.replace(matcher.pattern, REDACTED);
}
