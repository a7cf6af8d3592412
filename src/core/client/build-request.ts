import type { Message } from "../model/message.js";
import { toChatTools, toResponsesTools } from "../tools/to-wire-tools.js";
import { chooseApi } from "./choose-api.js";
import type { ClientCodec } from "./codec.js";
import type {
  ApiChoice,
  BuiltRequest,
  RequestParams,
  ResponseFormat,
  ToolChoice,
} from "./types.js";

/** What request building needs besides messages and params. */
export interface BuildContext {
  /** The API choice (resolved here when `auto`). */
  api: ApiChoice;
  /** Stream the response. */
  stream: boolean;
  /** The message converters. */
  codec: Pick<ClientCodec, "toChatMessages" | "toResponsesInput">;
}

/**
 * Builds the HTTP request for messages and params (pure). Params that the chosen API cannot
 * express are dropped with a warning rather than sent to fail upstream.
 */
export function buildRequest(
  messages: readonly Message[],
  params: RequestParams,
  context: BuildContext,
): BuiltRequest {
  const api = chooseApi(context.api, messages, params);
  return api === "chat"
    ? buildChatRequest(messages, params, context)
    : buildResponsesRequest(messages, params, context);
}

function buildChatRequest(
  messages: readonly Message[],
  params: RequestParams,
  context: BuildContext,
): BuiltRequest {
  const warnings: string[] = [];
  const converted = context.codec.toChatMessages(messages);
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

function buildResponsesRequest(
  messages: readonly Message[],
  params: RequestParams,
  context: BuildContext,
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
  const converted = context.codec.toResponsesInput(messages, { previousResponseId });
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

function set(body: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) body[key] = value;
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

function mergeExtra(
  body: Record<string, unknown>,
  extra: Record<string, unknown> | undefined,
): Record<string, unknown> {
  return extra ? { ...body, ...extra } : body;
}

function findLast<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return items[i];
  return undefined;
}

function warningText(warning: unknown): string {
  if (typeof warning === "string") return warning;
  if (warning && typeof warning === "object" && "message" in warning) {
    return String((warning as { message: unknown }).message);
  }
  return JSON.stringify(warning);
}
