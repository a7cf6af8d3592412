import { toResponsesInput } from "../convert/to-responses-input.js";
import type { Message } from "../model/message.js";
import { toResponsesTools } from "../tools/to-wire-tools.js";
import { mergeExtra, set, warningText, withoutUndefined } from "./request-fields.js";
import type { BuiltRequest, RequestParams, ResponseFormat } from "./types.js";

/** What a Responses request needs besides messages and params. */
export interface ResponsesRequestContext {
  /** Stream the response. */
  stream: boolean;
}

/**
 * Builds a Responses API request (pure). Chat-only params are dropped with a warning rather
 * than sent to fail upstream.
 */
export function buildResponsesRequest(
  messages: readonly Message[],
  params: RequestParams,
  context: ResponsesRequestContext,
): BuiltRequest {
  const warnings: string[] = [];
  let previousResponseId = params.previousResponseId;
  if (!previousResponseId && params.conversationState === "previous-response-id") {
    previousResponseId = findLast(
      messages,
      (m) => m.role === "assistant" && !!m.metadata.responseId,
    )?.metadata.responseId;
  }
  // With a previous response id the converter sends only what came after that response.
  const converted = toResponsesInput(messages, { previousResponseId });
  warnings.push(...converted.warnings.map(warningText));
  const body: Record<string, unknown> = { model: params.model, input: converted.value };
  if (context.stream) body.stream = true;
  set(body, "instructions", params.instructions);
  set(body, "previous_response_id", previousResponseId);
  set(body, "temperature", params.temperature);
  set(body, "top_p", params.topP);
  set(body, "max_output_tokens", params.maxTokens);
  set(body, "top_logprobs", params.topLogprobs);
  const include = [...(params.include ?? [])];
  if (params.logprobs && !include.includes("message.output_text.logprobs")) {
    include.push("message.output_text.logprobs");
  }
  if (include.length) body.include = include;
  if (params.reasoning) {
    body.reasoning = withoutUndefined({
      effort: params.reasoning.effort,
      summary: params.reasoning.summary,
    });
  }
  set(body, "service_tier", params.serviceTier);
  set(body, "prompt_cache_key", params.promptCacheKey);
  set(body, "parallel_tool_calls", params.parallelToolCalls);
  set(body, "truncation", params.truncation);
  set(body, "context_management", params.contextManagement);
  set(body, "background", params.background);
  set(body, "store", params.store);
  set(body, "metadata", params.metadata);
  set(body, "user", params.user);
  if (params.tools?.length) body.tools = toResponsesTools(params.tools);
  set(body, "tool_choice", params.toolChoice);
  const format = responsesTextFormat(params.responseFormat);
  if (format || params.verbosity) {
    body.text = withoutUndefined({ format, verbosity: params.verbosity });
  }
  const chatOnly: [keyof RequestParams, string][] = [
    ["prediction", "prediction"],
    ["modalities", "modalities"],
    ["audio", "audio"],
    ["frequencyPenalty", "frequencyPenalty"],
    ["presencePenalty", "presencePenalty"],
    ["seed", "seed"],
    ["stop", "stop"],
    ["n", "n"],
  ];
  for (const [key, label] of chatOnly) {
    if (params[key] !== undefined) {
      warnings.push(
        `${label} is a Chat Completions parameter; it was not sent to the Responses API.`,
      );
    }
  }
  return {
    api: "responses",
    path: "/responses",
    body: mergeExtra(body, params.extraBody),
    warnings,
  };
}

function responsesTextFormat(format: ResponseFormat | undefined): unknown {
  if (!format || format.type !== "json_schema") return format;
  return withoutUndefined({
    type: "json_schema",
    name: format.name,
    description: format.description,
    schema: format.schema,
    strict: format.strict ?? true,
  });
}

function findLast<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return items[i];
  return undefined;
}
