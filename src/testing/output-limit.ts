import type { EmulatorRequest } from "./emulator-request-model.js";
import type { OutputItem } from "./output-items.js";
import { countTokens, splitTokens } from "./tokens.js";

/**
 * Applies the request's output token limit to planned items, as a real model runs out of
 * budget: reasoning spends first, then text and arguments are cut at a token boundary, the
 * cut item is `incomplete` and nothing after it is produced.
 */

/** The items that fit, the reasoning tokens spent, and whether the limit cut the output. */
export interface LimitedOutput {
  /** Items within the limit. */
  items: OutputItem[];
  /** Reasoning tokens within the limit. */
  reasoningTokens: number;
  /** True when the limit cut the output short. */
  incomplete: boolean;
}

function cut(text: string, tokens: number): string {
  return splitTokens(text).slice(0, tokens).join("");
}

/** `items` within `request.maxOutputTokens` (everything when the request sets no limit). */
export function limitOutput(
  request: EmulatorRequest,
  items: OutputItem[],
  reasoningTokens: number,
): LimitedOutput {
  const limit = request.maxOutputTokens;
  if (limit === undefined) return { items, reasoningTokens, incomplete: false };
  const spent = Math.min(reasoningTokens, limit);
  let budget = limit - spent;
  const kept: OutputItem[] = [];
  for (const item of items) {
    if (item.type === "message") {
      const content = item.content as { type: string; text?: string }[];
      const text = content.map((part) => part.text ?? "").join("");
      const tokens = countTokens(text);
      if (tokens > budget) {
        const cutContent = content.map((part) =>
          part.type === "output_text"
            ? { ...part, text: cut(part.text ?? "", budget), annotations: [] }
            : part,
        );
        kept.push({ ...item, status: "incomplete", content: cutContent });
        return { items: kept, reasoningTokens: spent, incomplete: true };
      }
      budget -= tokens;
    } else if (typeof item.arguments === "string") {
      const tokens = countTokens(item.arguments);
      if (tokens > budget) {
        kept.push({ ...item, status: "incomplete", arguments: cut(item.arguments, budget) });
        return { items: kept, reasoningTokens: spent, incomplete: true };
      }
      budget -= tokens;
    }
    kept.push(item);
  }
  const incomplete = spent < reasoningTokens;
  return {
    items: incomplete ? kept.filter((item) => item.type === "reasoning") : kept,
    reasoningTokens: spent,
    incomplete,
  };
}
