import type { Usage } from "../../../src/core/index.js";

/** US dollars per million tokens: input, cached input, output. Approximate list prices. */
const PRICES: Record<string, { input: number; cached: number; output: number }> = {
  "gpt-4.1": { input: 2, cached: 0.5, output: 8 },
  "gpt-4.1-mini": { input: 0.4, cached: 0.1, output: 1.6 },
  "gpt-4.1-nano": { input: 0.1, cached: 0.025, output: 0.4 },
  "gpt-4o": { input: 2.5, cached: 1.25, output: 10 },
  "gpt-4o-mini": { input: 0.15, cached: 0.075, output: 0.6 },
  "gpt-5": { input: 1.25, cached: 0.125, output: 10 },
  "gpt-5-mini": { input: 0.25, cached: 0.025, output: 2 },
  "gpt-5-nano": { input: 0.05, cached: 0.005, output: 0.4 },
  "o4-mini": { input: 1.1, cached: 0.275, output: 4.4 },
  "computer-use-preview": { input: 3, cached: 3, output: 12 },
};

/** The price entry for a model name, ignoring a date suffix (`gpt-4.1-mini-2025-04-14`). */
function priceOf(model: string) {
  const base = model.replace(/-\d{4}-\d{2}-\d{2}$/, "");
  return PRICES[base];
}

/**
 * An estimate in US dollars of what a response cost, from its usage and list prices;
 * undefined for models without a known price. Reasoning tokens are billed as output.
 */
export function estimateCost(model: string, usage: Usage | undefined): number | undefined {
  const price = priceOf(model);
  if (!price || !usage) return undefined;
  const cached = usage.cachedInputTokens ?? 0;
  const input = Math.max(0, usage.inputTokens - cached);
  return (input * price.input + cached * price.cached + usage.outputTokens * price.output) / 1e6;
}

/** A cost as people read it: `$0.00042`, `$0.0123`, `$1.20`. */
export function formatCost(dollars: number): string {
  if (dollars >= 1) return `$${dollars.toFixed(2)}`;
  return `$${dollars.toPrecision(2)}`;
}
