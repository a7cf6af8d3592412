import type { Usage } from "../../core/model/usage.js";

type Raw = Record<string, unknown>;

const num = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value : undefined;
const obj = (value: unknown): Raw =>
  typeof value === "object" && value !== null ? (value as Raw) : {};

/**
 * Normalises a usage object of either API (`input_tokens` / `prompt_tokens` naming) into
 * colloquy's `Usage`, or returns undefined when `raw` is not a usage object.
 */
export function normaliseUsage(raw: unknown): Usage | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const usage = raw as Raw;
  const input = num(usage["input_tokens"]) ?? num(usage["prompt_tokens"]);
  const output = num(usage["output_tokens"]) ?? num(usage["completion_tokens"]);
  if (input === undefined && output === undefined) return undefined;
  const inputDetails = obj(usage["input_tokens_details"] ?? usage["prompt_tokens_details"]);
  const outputDetails = obj(usage["output_tokens_details"] ?? usage["completion_tokens_details"]);
  const result: Usage = {
    inputTokens: input ?? 0,
    outputTokens: output ?? 0,
    totalTokens: num(usage["total_tokens"]) ?? (input ?? 0) + (output ?? 0),
    raw: usage,
  };
  const optional: [keyof Usage, number | undefined][] = [
    ["cachedInputTokens", num(inputDetails["cached_tokens"])],
    ["reasoningTokens", num(outputDetails["reasoning_tokens"])],
    ["audioInputTokens", num(inputDetails["audio_tokens"])],
    ["audioOutputTokens", num(outputDetails["audio_tokens"])],
    ["acceptedPredictionTokens", num(outputDetails["accepted_prediction_tokens"])],
    ["rejectedPredictionTokens", num(outputDetails["rejected_prediction_tokens"])],
  ];
  for (const [key, value] of optional) {
    if (value !== undefined) (result as unknown as Record<string, number>)[key] = value;
  }
  return result;
}

/**
 * Finds the usage in a payload of either API: a Responses object (`usage`), a Responses
 * stream event carrying the final response (`response.usage`), or a Chat completion or chunk.
 */
export function usageFromPayload(payload: unknown): Usage | undefined {
  const value = obj(payload);
  return normaliseUsage(value["usage"]) ?? normaliseUsage(obj(value["response"])["usage"]);
}
