/** Token counts for one response, normalised across both APIs. */
export interface Usage {
  /** Tokens in the prompt (`prompt_tokens` / `input_tokens`). */
  inputTokens: number;
  /** Tokens generated (`completion_tokens` / `output_tokens`), reasoning included. */
  outputTokens: number;
  /** inputTokens + outputTokens, as reported. */
  totalTokens: number;
  /** Prompt tokens served from the prompt cache. */
  cachedInputTokens?: number;
  /** Prompt tokens written to the cache, where the API reports it. */
  cacheWriteInputTokens?: number;
  /** Output tokens spent on hidden reasoning. */
  reasoningTokens?: number;
  /** Audio tokens in the prompt. */
  audioInputTokens?: number;
  /** Audio tokens generated. */
  audioOutputTokens?: number;
  /** Predicted-output tokens that matched. */
  acceptedPredictionTokens?: number;
  /** Predicted-output tokens that were discarded. */
  rejectedPredictionTokens?: number;
  /** The usage object exactly as the API sent it, for fields not mapped above. */
  raw?: Record<string, unknown>;
}

/** One sampled token with its log probability (and the alternatives when requested). */
export interface TokenLogprob {
  /** The token text. */
  token: string;
  /** Natural log of its probability. */
  logprob: number;
  /** UTF-8 bytes of the token, when sent. */
  bytes?: number[] | null;
  /** The most likely alternatives at this position, when `top_logprobs` was requested. */
  topLogprobs?: { token: string; logprob: number; bytes?: number[] | null }[];
}
