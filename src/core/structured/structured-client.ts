import { ColloquyError } from "../errors.js";
import { ValidationError } from "../validation-error.js";
import type { Message } from "../model/message.js";
import type {
  ChatClient,
  ChatInput,
  DeepPartial,
  RequestParams,
  StructuredClient,
  StructuredOrToolCalls,
  StructuredOutputOptions,
  StructuredStreamUpdate,
  StructuredWithRaw,
} from "../client/types.js";
import type { ToolCallPart } from "../model/tool-call-part.js";
import { defineTool } from "../tools/function-tool.js";
import { dropNullOptionals, jsonSchemaOf } from "./json-schema.js";
import { toStrictJsonSchema } from "./strict-json-schema.js";
import { createPartialJsonParser, type PartialJsonParser } from "./partial-json.js";
import type { Schema } from "./schema-types.js";
import { describeIssues, validateWithSchema } from "./validate.js";

/**
 * Wraps a client so answers come back as validated values of the schema's type.
 * `json_schema` uses structured outputs (`response_format` / `text.format`),
 * `function_calling` forces a call to a tool whose parameters are the schema, and
 * `json_mode` asks for any JSON object and relies on validation alone. With `tools`, the
 * model may call them instead (with `function_calling` it must call one: the schema's tool or
 * another), and every result is a `StructuredOrToolCalls`.
 */
export function createStructuredClient<T, IncludeRaw extends boolean = false, Result = T>(
  client: ChatClient,
  schema: Schema<T>,
  options: StructuredOutputOptions<IncludeRaw> = {},
): StructuredClient<T, IncludeRaw, Result> {
  const method = options.method ?? "json_schema";
  const tools = options.tools;
  const strict = method === "json_mode" ? false : (options.strict ?? true);
  const name = options.name ?? "output";
  let original: Record<string, unknown> | undefined;
  const originalSchema = () => (original ??= jsonSchemaOf(schema));

  const paramsFor = (params: RequestParams | undefined): RequestParams => {
    const base = { ...params };
    if (tools) base.tools = [...(base.tools ?? []), ...tools];
    if (method === "json_schema") {
      base.responseFormat = {
        type: "json_schema",
        name,
        description: options.description,
        schema: strict ? toStrictJsonSchema(originalSchema()) : originalSchema(),
        strict,
      };
    } else if (method === "function_calling") {
      const own = defineTool({
        name,
        description: options.description,
        parameters: schema,
        strict,
      });
      // Without offered tools the schema's tool is the only one; with them, it joins them.
      base.tools = tools ? [own, ...(base.tools ?? [])] : [own];
      // With other tools the model picks one of them or the schema's: any call, but one call.
      base.toolChoice = tools ? "required" : { type: "function", name };
      base.parallelToolCalls = false;
    } else {
      base.responseFormat = { type: "json_object" };
      // JSON mode requires the word "JSON" in the conversation, and the schema is all the model gets.
      const hint = `Answer with a JSON object that matches this JSON Schema:\n${JSON.stringify(originalSchema())}`;
      base.instructions = base.instructions ? `${base.instructions}\n\n${hint}` : hint;
    }
    return base;
  };

  const outputText = (message: Message): string => {
    if (method === "function_calling") {
      const call = message.parts.find((p) => p.type === "tool-call" && p.toolName === name);
      return call && call.type === "tool-call" ? call.inputText : "";
    }
    let text = "";
    for (const part of message.parts) if (part.type === "text") text += part.text;
    return text;
  };

  /** The calls of the offered tools (not the schema's own tool), when tools were offered. */
  const toolCalls = (message: Message): ToolCallPart[] =>
    tools
      ? message.parts.filter(
          (p): p is ToolCallPart =>
            p.type === "tool-call" && !(method === "function_calling" && p.toolName === name),
        )
      : [];

  const finalResult = async (message: Message): Promise<Result> => {
    const calls = toolCalls(message);
    if (calls.length > 0) {
      return { type: "tool-calls", calls } satisfies StructuredOrToolCalls<T> as Result;
    }
    const value = await finalValue(message);
    return (tools ? { type: "object", value } : value) as Result;
  };

  const finalValue = async (message: Message): Promise<T> => {
    if (message.status === "failed") {
      throw new ColloquyError(
        "api_error",
        `The response failed: ${message.error?.message ?? "no reason given"}.`,
        { snapshot: message },
      );
    }
    const refusal = message.parts.find((p) => p.type === "refusal");
    if (refusal && refusal.type === "refusal") {
      throw new ColloquyError(
        "refusal",
        `The model refused to answer: "${refusal.refusal}". Rephrase the request or handle the refusal.`,
        { snapshot: message },
      );
    }
    const text = outputText(message);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      const cutOff = message.status === "incomplete";
      throw new ColloquyError(
        "invalid_json",
        cutOff
          ? `The answer was cut off (${message.metadata.incompleteReason ?? message.metadata.finishReason ?? "incomplete"}) before the JSON was complete. Raise maxTokens or ask for less.`
          : `The model's answer is not valid JSON (${(error as Error).message}): ${text.slice(0, 200)}`,
        { cause: error, snapshot: message },
      );
    }
    const candidate = strict ? dropNullOptionals(json, originalSchema()) : json;
    const result = await validateWithSchema(schema, candidate);
    if (!result.ok) {
      throw new ValidationError(
        `The model's answer does not match the schema: ${describeIssues(result.issues)}.`,
        result.issues,
        text,
        message,
      );
    }
    return result.value;
  };

  async function invoke(input: ChatInput, params?: RequestParams) {
    const message = await client.invoke(input, paramsFor(params));
    type Answer = IncludeRaw extends true ? StructuredWithRaw<Result> : Result;
    if (!options.includeRaw) return (await finalResult(message)) as Answer;
    try {
      const parsed = await finalResult(message);
      return { raw: message, parsed } satisfies StructuredWithRaw<Result> as Answer;
    } catch (error) {
      // With includeRaw an unparseable answer is data, as the raw message shows what came back.
      if (!isParsingError(error)) throw error;
      return { raw: message, parsed: null, parsingError: error } as Answer;
    }
  }

  async function* stream(
    input: ChatInput,
    params?: RequestParams,
  ): AsyncGenerator<StructuredStreamUpdate<T, Result>> {
    let parser: PartialJsonParser = createPartialJsonParser();
    let seen = "";
    let last: unknown;
    let snapshot: Message | undefined;
    for await (const message of client.stream(input, paramsFor(params))) {
      snapshot = message;
      if (toolCalls(message).length > 0) continue;
      const text = outputText(message);
      if (text.length === seen.length) continue;
      if (!text.startsWith(seen)) {
        parser = createPartialJsonParser();
        seen = "";
      }
      let partial: unknown;
      try {
        partial = parser.push(text.slice(seen.length));
      } catch {
        // Malformed JSON surfaces with the final validation, with the whole text.
        seen = text;
        continue;
      }
      seen = text;
      if (partial !== undefined && partial !== last) {
        last = partial;
        yield { type: "partial", partial: partial as DeepPartial<T>, snapshot: message };
      }
    }
    if (!snapshot) {
      throw new ColloquyError(
        "stream_cut",
        "The stream ended before any event arrived. Retry the request.",
      );
    }
    yield { type: "final", value: await finalResult(snapshot), snapshot };
  }

  return { invoke, stream };
}

function isParsingError(error: unknown): error is ColloquyError {
  return (
    error instanceof ValidationError ||
    (error instanceof ColloquyError && error.code === "invalid_json")
  );
}
