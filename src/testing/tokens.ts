/** Token-ish splitting and deterministic log probabilities for scripted text. */

/** One token's log probability, in the shape both APIs use. */
export interface TokenLogprob {
  /** The token text. */
  token: string;
  /** Its log probability (always below 0). */
  logprob: number;
  /** Its UTF-8 bytes. */
  bytes: number[];
  /** The most likely alternatives, when asked for. */
  top_logprobs: { token: string; logprob: number; bytes: number[] }[];
}

/**
 * Splits text into pieces the size of model tokens: a word with its leading space, long
 * words in slices of at most six characters, runs of whitespace on their own.
 */
export function splitTokens(text: string): string[] {
  return text.match(/\s*[^\s]{1,6}|\s+/g) ?? [];
}

/** The number of tokens `text` would stream as. */
export function countTokens(text: string): number {
  return splitTokens(text).length;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const encoder = new TextEncoder();

/** A deterministic log probability for `token`, with `top` alternatives (itself first). */
export function tokenLogprob(token: string, top: number): TokenLogprob {
  const logprob = -((hash(token) % 2000) / 1000 + 0.0001);
  const alternatives = [" the", " a", " and", ".", ",", " to", " of", " in", "!", " is"];
  const topLogprobs =
    top > 0
      ? [
          { token, logprob, bytes: [...encoder.encode(token)] },
          ...alternatives
            .filter((alt) => alt !== token)
            .slice(0, top - 1)
            .map((alt, index) => ({
              token: alt,
              logprob: logprob - 1.5 - index,
              bytes: [...encoder.encode(alt)],
            })),
        ]
      : [];
  return { token, logprob, bytes: [...encoder.encode(token)], top_logprobs: topLogprobs };
}
