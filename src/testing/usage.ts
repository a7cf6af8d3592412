import type { EmulatorRequest } from "./emulator-request-model.js";
import type { Plan } from "./plan.js";
import { countTokens, splitTokens } from "./tokens.js";

/** Token counts of one response, before they are shaped for either API. */
export interface TokenCounts {
  /** Prompt tokens. */
  input: number;
  /** Prompt tokens served from the prompt cache. */
  cached: number;
  /** Completion tokens, reasoning included. */
  output: number;
  /** Reasoning tokens. */
  reasoning: number;
  /** Audio output tokens (Chat audio output), part of `output`. */
  audio: number;
  /** Predicted tokens (Chat `prediction`) that the output used. */
  acceptedPrediction: number;
  /** Predicted tokens the output did not use (billed as output, as OpenAI does). */
  rejectedPrediction: number;
}

/** How much of a predicted output the real output reused, token by token. */
function predictionCounts(prediction: string | undefined, output: string) {
  if (prediction === undefined) return { accepted: 0, rejected: 0 };
  const available = new Map<string, number>();
  for (const token of splitTokens(output)) available.set(token, (available.get(token) ?? 0) + 1);
  let accepted = 0;
  const predicted = splitTokens(prediction);
  for (const token of predicted) {
    const left = available.get(token) ?? 0;
    if (left > 0) {
      accepted++;
      available.set(token, left - 1);
    }
  }
  return { accepted, rejected: predicted.length - accepted };
}

function outputText(plan: Plan): string {
  return plan.items
    .map((item) => {
      if (item.type === "message") {
        const content = item.content as { text?: string; refusal?: string }[];
        return content.map((part) => part.text ?? part.refusal ?? "").join("");
      }
      if (typeof item.arguments === "string") return item.arguments;
      if (typeof item.code === "string") return item.code;
      if (typeof item.input === "string") return item.input;
      const operation = item.operation as { diff?: string } | undefined;
      if (typeof operation?.diff === "string") return operation.diff;
      return "";
    })
    .join("");
}

/**
 * Counts tokens the way the scripted model "spent" them. Follow-up turns report a quarter
 * of the prompt as cached, so cached-token displays have something to show.
 */
export function countUsage(request: EmulatorRequest, plan: Plan): TokenCounts {
  const input = countTokens(request.inputText) + 4 * Math.max(1, request.inputCount);
  const cached = request.inputCount > 1 ? Math.floor(input / 4) : 0;
  const text = outputText(plan);
  const prediction = predictionCounts(request.prediction, text);
  // Speech costs about four audio tokens per word of its transcript.
  const audio = request.audioOutput ? 4 * countTokens(text) * Math.max(1, request.n) : 0;
  const output =
    countTokens(text) * Math.max(1, request.n) + plan.reasoningTokens + prediction.rejected + audio;
  return {
    input,
    cached,
    output,
    audio,
    reasoning: plan.reasoningTokens,
    acceptedPrediction: prediction.accepted,
    rejectedPrediction: prediction.rejected,
  };
}

/** Usage in the Responses API's shape. */
export function responsesUsage(counts: TokenCounts): Record<string, unknown> {
  return {
    input_tokens: counts.input,
    input_tokens_details: { cached_tokens: counts.cached },
    output_tokens: counts.output,
    output_tokens_details: { reasoning_tokens: counts.reasoning },
    total_tokens: counts.input + counts.output,
  };
}

/** Usage in the Chat Completions API's shape. */
export function chatUsage(counts: TokenCounts): Record<string, unknown> {
  return {
    prompt_tokens: counts.input,
    completion_tokens: counts.output,
    total_tokens: counts.input + counts.output,
    prompt_tokens_details: { cached_tokens: counts.cached, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: counts.reasoning,
      audio_tokens: counts.audio,
      accepted_prediction_tokens: counts.acceptedPrediction,
      rejected_prediction_tokens: counts.rejectedPrediction,
    },
  };
}
