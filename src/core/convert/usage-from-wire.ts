import type { Usage } from "../model/usage.js";
import { isRecord } from "./wire-helpers.js";

/** Token usage from either API's wire shape to our `Usage`. */

function num(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

function setIfNumber(usage: Usage, key: keyof Usage, value: unknown): void {
  const n = num(value);
  if (n !== undefined) (usage as unknown as Record<string, number>)[key] = n;
}

/** Chat Completions `usage` -> `Usage`; `undefined` when the completion had none. */
export function usageFromChatCompletions(raw: unknown): Usage | undefined {
  if (!isRecord(raw)) return undefined;
  const input = num(raw.prompt_tokens) ?? 0;
  const output = num(raw.completion_tokens) ?? 0;
  const usage: Usage = {
    inputTokens: input,
    outputTokens: output,
    totalTokens: num(raw.total_tokens) ?? input + output,
  };
  const prompt = isRecord(raw.prompt_tokens_details) ? raw.prompt_tokens_details : {};
  const completion = isRecord(raw.completion_tokens_details) ? raw.completion_tokens_details : {};
  setIfNumber(usage, "cachedInputTokens", prompt.cached_tokens);
  setIfNumber(usage, "cacheWriteInputTokens", prompt.cache_write_tokens);
  setIfNumber(usage, "audioInputTokens", prompt.audio_tokens);
  setIfNumber(usage, "reasoningTokens", completion.reasoning_tokens);
  setIfNumber(usage, "audioOutputTokens", completion.audio_tokens);
  setIfNumber(usage, "acceptedPredictionTokens", completion.accepted_prediction_tokens);
  setIfNumber(usage, "rejectedPredictionTokens", completion.rejected_prediction_tokens);
  usage.raw = raw;
  return usage;
}

/** Responses API `usage` -> `Usage`; `undefined` when the response had none. */
export function usageFromResponses(raw: unknown): Usage | undefined {
  if (!isRecord(raw)) return undefined;
  const input = num(raw.input_tokens) ?? 0;
  const output = num(raw.output_tokens) ?? 0;
  const usage: Usage = {
    inputTokens: input,
    outputTokens: output,
    totalTokens: num(raw.total_tokens) ?? input + output,
  };
  const inputDetails = isRecord(raw.input_tokens_details) ? raw.input_tokens_details : {};
  const outputDetails = isRecord(raw.output_tokens_details) ? raw.output_tokens_details : {};
  setIfNumber(usage, "cachedInputTokens", inputDetails.cached_tokens);
  setIfNumber(usage, "cacheWriteInputTokens", inputDetails.cache_write_tokens);
  setIfNumber(usage, "reasoningTokens", outputDetails.reasoning_tokens);
  usage.raw = raw;
  return usage;
}
