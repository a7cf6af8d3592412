/**
 * Replaces every occurrence of each secret (and its URL-encoded form) with `[redacted]`, so
 * an upstream that echoes the key back cannot leak it through the proxy.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    // Short strings would redact ordinary words; real keys are long.
    if (secret.length < 8) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      result = result.split(form).join("[redacted]");
    }
  }
  return result;
}
