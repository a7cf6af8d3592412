import { z } from "zod";

/**
 * Shapes of the request bodies the proxy accepts. They check what policy depends on (model,
 * tools, token limits) and the types of the well-known parameters; fields they do not know
 * pass through untouched, so new OpenAI parameters work without a proxy release.
 */

const toolSchema = z.looseObject({ type: z.string().min(1) });
const optionalInt = z.number().int().nullable().optional();

const contentPartsSchema = z.array(z.looseObject({ type: z.string() }));

const inputItemSchema = z
  .looseObject({
    type: z.string().optional(),
    role: z.enum(["user", "assistant", "system", "developer"]).optional(),
    content: z.union([z.string(), contentPartsSchema]).optional(),
  })
  .refine((item) => item.type !== undefined || item.role !== undefined, {
    message: "each input item needs a 'type' (e.g. function_call_output) or a 'role' (e.g. user)",
  });

/**
 * Body of `POST /v1/responses`. Compiled (`z.compile`): every answer's time to first byte
 * waits for this check, and in the proxy's request path the compiled one takes about a
 * quarter of the interpreted one's time (~20 µs against ~75, bench/proxy), same issues.
 */
export const responsesRequestSchema = z.compile(
  z.looseObject({
    model: z.string().min(1),
    input: z.union([z.string(), z.array(inputItemSchema)]).optional(),
    instructions: z.string().nullable().optional(),
    stream: z.boolean().nullable().optional(),
    background: z.boolean().nullable().optional(),
    max_output_tokens: z.number().int().positive().nullable().optional(),
    max_tool_calls: optionalInt,
    temperature: z.number().min(0).max(2).nullable().optional(),
    top_p: z.number().min(0).max(1).nullable().optional(),
    top_logprobs: optionalInt,
    tools: z.array(toolSchema).optional(),
    tool_choice: z.union([z.string(), z.looseObject({ type: z.string() })]).optional(),
    parallel_tool_calls: z.boolean().nullable().optional(),
    previous_response_id: z.string().nullable().optional(),
    conversation: z
      .union([z.string(), z.looseObject({ id: z.string() })])
      .nullable()
      .optional(),
    store: z.boolean().nullable().optional(),
    metadata: z.record(z.string(), z.string()).nullable().optional(),
    reasoning: z.looseObject({}).nullable().optional(),
    text: z.looseObject({}).nullable().optional(),
    include: z.array(z.string()).nullable().optional(),
    truncation: z.enum(["auto", "disabled"]).nullable().optional(),
    user: z.string().optional(),
    safety_identifier: z.string().optional(),
    prompt_cache_key: z.string().optional(),
    service_tier: z.string().nullable().optional(),
    stream_options: z.looseObject({}).nullable().optional(),
  }),
);

/** A validated `POST /v1/responses` body. */
export type ResponsesRequestBody = z.infer<typeof responsesRequestSchema>;

const chatMessageSchema = z.looseObject({
  role: z.enum(["system", "developer", "user", "assistant", "tool", "function"]),
  content: z
    .union([z.string(), z.array(z.looseObject({ type: z.string() }))])
    .nullable()
    .optional(),
  name: z.string().optional(),
  tool_call_id: z.string().optional(),
  tool_calls: z.array(z.looseObject({})).optional(),
});

/** Body of `POST /v1/chat/completions`, compiled for the same reason. */
export const chatCompletionsRequestSchema = z.compile(
  z.looseObject({
    model: z.string().min(1),
    messages: z.array(chatMessageSchema).min(1),
    stream: z.boolean().nullable().optional(),
    stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullable().optional(),
    max_tokens: z.number().int().positive().nullable().optional(),
    max_completion_tokens: z.number().int().positive().nullable().optional(),
    temperature: z.number().min(0).max(2).nullable().optional(),
    top_p: z.number().min(0).max(1).nullable().optional(),
    n: z.number().int().min(1).max(128).nullable().optional(),
    stop: z
      .union([z.string(), z.array(z.string())])
      .nullable()
      .optional(),
    presence_penalty: z.number().min(-2).max(2).nullable().optional(),
    frequency_penalty: z.number().min(-2).max(2).nullable().optional(),
    logit_bias: z.record(z.string(), z.number()).nullable().optional(),
    logprobs: z.boolean().nullable().optional(),
    top_logprobs: optionalInt,
    seed: optionalInt,
    response_format: z.looseObject({ type: z.string() }).optional(),
    tools: z.array(toolSchema).optional(),
    tool_choice: z.union([z.string(), z.looseObject({ type: z.string() })]).optional(),
    parallel_tool_calls: z.boolean().optional(),
    modalities: z.array(z.string()).nullable().optional(),
    reasoning_effort: z.string().nullable().optional(),
    store: z.boolean().nullable().optional(),
    metadata: z.record(z.string(), z.string()).nullable().optional(),
    user: z.string().optional(),
    safety_identifier: z.string().optional(),
    service_tier: z.string().nullable().optional(),
    web_search_options: z.looseObject({}).optional(),
    prediction: z.looseObject({}).nullable().optional(),
    audio: z.looseObject({}).nullable().optional(),
  }),
);

/** A validated `POST /v1/chat/completions` body. */
export type ChatCompletionsRequestBody = z.infer<typeof chatCompletionsRequestSchema>;

/** Formats a zod path the way OpenAI names params: `messages[0].role`. */
export function formatParam(path: readonly PropertyKey[]): string | null {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? null : out;
}
