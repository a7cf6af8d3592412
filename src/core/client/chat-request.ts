import { toChatCompletionsMessages } from "../convert/to-chat-completions-messages.js";
import type { Message } from "../model/message.js";
import { toChatTools } from "../tools/to-wire-tools.js";
import { mergeExtra, set, warningText, withoutUndefined } from "./request-fields.js";
import type { BuiltRequest, RequestParams, ResponseFormat, ToolChoice } from "./types.js";

/** What a Chat Completions request needs besides messages and params. */
export interface ChatRequestContext {
  /** Stream the response. */
  stream: boolean;
}

/**
 * Builds a Chat Completions request (pure). Params that only the Responses API can express
 * are dropped with a warning rather than sent to fail upstream.
 */
export function buildChatRequest(
  messages: readonly Message[],
  params: RequestParams,
  context: ChatRequestContext,
): BuiltRequest {
  const warnings: string[] = [];
  const converted = toChatCompletionsMessages(messages);
  warnings.push(...converted.warnings.map(warningText));
  const wireMessages: unknown[] = params.instructions
    ? [{ role: "system", content: params.instructions }, ...converted.value]
    : [...converted.value];
  const body: Record<string, unknown> = { model: params.model, messages: wireMessages };
  if (context.stream) {
    body.stream = true;
    if (params.streamUsage !== false) body.stream_options = { include_usage: true };
  }
  set(body, "temperature", params.temperature);
  set(body, "top_p", params.topP);
  set(body, "frequency_penalty", params.frequencyPenalty);
  set(body, "presence_penalty", params.presencePenalty);
  set(body, "seed", params.seed);
  set(body, "stop", params.stop);
  set(body, "n", params.n);
  set(body, "max_completion_tokens", params.maxTokens);
  set(body, "logprobs", params.logprobs);
  set(body, "top_logprobs", params.topLogprobs);
  set(body, "reasoning_effort", params.reasoning?.effort);
  set(body, "service_tier", params.serviceTier);
  set(body, "prompt_cache_key", params.promptCacheKey);
  set(body, "prediction", params.prediction);
  set(body, "modalities", params.modalities);
  set(body, "audio", params.audio);
  set(body, "parallel_tool_calls", params.parallelToolCalls);
  set(body, "store", params.store);
  set(body, "metadata", params.metadata);
  set(body, "user", params.user);
  set(body, "verbosity", params.verbosity);
  if (params.tools?.length) {
    const tools = toChatTools(params.tools);
    warnings.push(...tools.warnings);
    if (tools.value.length) body.tools = tools.value;
  }
  set(body, "tool_choice", chatToolChoice(params.toolChoice));
  set(body, "response_format", chatResponseFormat(params.responseFormat));
  const unsupported: [keyof RequestParams, string][] = [
    ["include", "include"],
    ["truncation", "truncation"],
    ["contextManagement", "contextManagement"],
    ["background", "background"],
    ["previousResponseId", "previousResponseId"],
  ];
  for (const [key, label] of unsupported) {
    if (params[key] !== undefined) {
      warnings.push(`${label} needs the Responses API; it was not sent to Chat Completions.`);
    }
  }
  if (params.reasoning?.summary) {
    warnings.push("reasoning.summary needs the Responses API; only the effort was sent.");
  }
  return {
    api: "chat",
    path: "/chat/completions",
    body: mergeExtra(body, params.extraBody),
    warnings,
  };
}

function chatToolChoice(choice: ToolChoice | undefined): unknown {
  if (choice === undefined || typeof choice === "string" || choice === null) return choice;
  const record = choice as Record<string, unknown>;
  if (record.type === "function" && typeof record.name === "string") {
    return { type: "function", function: { name: record.name } };
  }
  if (record.type === "custom" && typeof record.name === "string") {
    return { type: "custom", custom: { name: record.name } };
  }
  return choice;
}

function chatResponseFormat(format: ResponseFormat | undefined): unknown {
  if (!format || format.type !== "json_schema") return format;
  return {
    type: "json_schema",
    json_schema: withoutUndefined({
      name: format.name,
      description: format.description,
      schema: format.schema,
      strict: format.strict ?? true,
    }),
  };
}
