/**
 * The top-level parameters each API accepts and their JSON types, from OpenAI's API
 * reference. A parameter outside the list is rejected as OpenAI rejects it, so a typo or a
 * parameter of the other API fails offline as it would in production.
 */

/** A parameter's accepted JSON type(s). */
export type ParamKind = "string" | "boolean" | "number" | "integer" | "array" | "object";

/** Accepted kinds per top-level parameter. */
export type ParamTable = Record<string, readonly ParamKind[]>;

const SHARED: ParamTable = {
  model: ["string"],
  metadata: ["object"],
  parallel_tool_calls: ["boolean"],
  prompt_cache_key: ["string"],
  prompt_cache_retention: ["string"],
  safety_identifier: ["string"],
  service_tier: ["string"],
  store: ["boolean"],
  stream: ["boolean"],
  stream_options: ["object"],
  temperature: ["number"],
  tool_choice: ["string", "object"],
  tools: ["array"],
  top_logprobs: ["integer"],
  top_p: ["number"],
  user: ["string"],
};

/** Parameters of `POST /v1/responses`. */
export const RESPONSES_PARAMS: ParamTable = {
  ...SHARED,
  background: ["boolean"],
  context_management: ["array"],
  conversation: ["string", "object"],
  include: ["array"],
  input: ["string", "array"],
  instructions: ["string"],
  max_output_tokens: ["integer"],
  max_tool_calls: ["integer"],
  previous_response_id: ["string"],
  prompt: ["object"],
  reasoning: ["object"],
  text: ["object"],
  truncation: ["string"],
};

/** Parameters of `POST /v1/chat/completions`. */
export const CHAT_PARAMS: ParamTable = {
  ...SHARED,
  audio: ["object"],
  frequency_penalty: ["number"],
  function_call: ["string", "object"],
  functions: ["array"],
  logit_bias: ["object"],
  logprobs: ["boolean"],
  max_completion_tokens: ["integer"],
  max_tokens: ["integer"],
  messages: ["array"],
  modalities: ["array"],
  n: ["integer"],
  prediction: ["object"],
  presence_penalty: ["number"],
  reasoning_effort: ["string"],
  response_format: ["object"],
  seed: ["integer"],
  stop: ["string", "array"],
  verbosity: ["string"],
  web_search_options: ["object"],
};

/** Numeric ranges OpenAI checks, as [minimum, maximum]. */
export const RANGES: Record<string, [number, number]> = {
  temperature: [0, 2],
  top_p: [0, 1],
  top_logprobs: [0, 20],
  n: [1, 128],
  frequency_penalty: [-2, 2],
  presence_penalty: [-2, 2],
  max_output_tokens: [16, Number.POSITIVE_INFINITY],
  max_completion_tokens: [1, Number.POSITIVE_INFINITY],
  max_tokens: [1, Number.POSITIVE_INFINITY],
  max_tool_calls: [1, Number.POSITIVE_INFINITY],
};

/** How OpenAI names a JSON kind in `invalid_type` messages. */
export const KIND_WORDS: Record<ParamKind, string> = {
  string: "a string",
  boolean: "a boolean",
  number: "a decimal",
  integer: "an integer",
  array: "an array",
  object: "an object",
};

/** The JSON kind of `value` (`number` for non-integers). */
export function kindOf(value: unknown): ParamKind | "null" {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value as ParamKind;
}

/** Tool types the Responses API accepts in `tools`. */
export const RESPONSES_TOOL_TYPES = new Set([
  "function",
  "custom",
  "file_search",
  "web_search",
  "web_search_preview",
  "web_search_2025_08_26",
  "web_search_preview_2025_03_11",
  "computer_use_preview",
  "computer",
  "code_interpreter",
  "image_generation",
  "mcp",
  "local_shell",
  "shell",
  "apply_patch",
  "tool_search",
]);
