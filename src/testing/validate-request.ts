import type { EmulatorApi, EmulatorRequest } from "./emulator-request-model.js";
import { modelInfo } from "./models.js";
import {
  CHAT_PARAMS,
  KIND_WORDS,
  kindOf,
  RANGES,
  RESPONSES_PARAMS,
  RESPONSES_TOOL_TYPES,
} from "./request-params.js";
import { invalid, type RequestError } from "./request-error.js";
import { schemaProblem } from "./schema-rules.js";
import { countTokens } from "./tokens.js";
import { declaredRef } from "./tool-choice.js";
import { toolOutputsProblem } from "./tool-output-pairs.js";

/**
 * Rejects what OpenAI rejects, with its status, `type`, `code` and `param`: unknown models
 * and parameters, wrong types and ranges, invalid schemas, tool calls left without outputs,
 * parameters the model does not support, and input beyond the model's context window.
 * Where the reference leaves the exact answer open, the stricter one is chosen.
 */

export type { RequestError } from "./request-error.js";

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function paramsProblem(api: EmulatorApi, body: Json): RequestError | undefined {
  const table = api === "chat" ? CHAT_PARAMS : RESPONSES_PARAMS;
  for (const [name, value] of Object.entries(body)) {
    const kinds = table[name];
    if (!kinds) {
      return api === "chat"
        ? invalid(`Unrecognized request argument supplied: ${name}`, null, null)
        : invalid(`Unknown parameter: '${name}'.`, name, "unknown_parameter");
    }
    if (value === null) continue;
    const kind = kindOf(value);
    const fits = kinds.some((want) => want === kind || (want === "number" && kind === "integer"));
    if (!fits) {
      const word = kinds.map((want) => KIND_WORDS[want]).join(" or ");
      return invalid(
        `Invalid type for '${name}': expected ${word}, but got ${kind === "null" ? "null" : KIND_WORDS[kind]} instead.`,
        name,
        "invalid_type",
      );
    }
    const range = RANGES[name];
    if (range && typeof value === "number") {
      const numberWord = kinds.includes("integer") ? "integer" : "decimal";
      if (value < range[0]) {
        return invalid(
          `Invalid '${name}': ${numberWord} below minimum value. Expected a value >= ${range[0]}, but got ${value} instead.`,
          name,
          `${numberWord}_below_min_value`,
        );
      }
      if (value > range[1]) {
        return invalid(
          `Invalid '${name}': ${numberWord} above maximum value. Expected a value <= ${range[1]}, but got ${value} instead.`,
          name,
          `${numberWord}_above_max_value`,
        );
      }
    }
  }
  return undefined;
}

function modelProblem(api: EmulatorApi, body: Json): RequestError | undefined {
  if (body.model === undefined) {
    return invalid("Missing required parameter: 'model'.", "model", "missing_required_parameter");
  }
  const model = String(body.model);
  const info = modelInfo(model);
  if (!info) {
    return {
      status: 404,
      error: {
        message: `The model \`${model}\` does not exist or you do not have access to it.`,
        type: "invalid_request_error",
        param: null,
        code: "model_not_found",
      },
    };
  }
  const limitName = ["max_output_tokens", "max_completion_tokens", "max_tokens"].find(
    (name) => typeof body[name] === "number",
  );
  if (limitName && (body[limitName] as number) > info.maxOutputTokens) {
    return invalid(
      `${limitName} is too large: ${String(body[limitName])}. This model supports at most ${info.maxOutputTokens} completion tokens, whereas you provided ${String(body[limitName])}.`,
      limitName,
      "invalid_value",
    );
  }
  const unsupported = (param: string, extra = "") =>
    invalid(
      `Unsupported parameter: '${param}' is not supported with this model.${extra}`,
      param,
      "unsupported_parameter",
    );
  if (info.reasoning) {
    if (api === "chat" && body.max_tokens !== undefined) {
      return unsupported("max_tokens", " Use 'max_completion_tokens' instead.");
    }
    // The Responses API refuses any temperature on a reasoning model (as recorded); Chat
    // Completions accepts the default 1 only.
    if (api === "responses" && typeof body.temperature === "number") {
      return invalid(
        "Unsupported parameter: 'temperature' is not supported with this model.",
        "temperature",
        null,
      );
    }
    if (typeof body.temperature === "number" && body.temperature !== 1) {
      return invalid(
        `Unsupported value: 'temperature' does not support ${body.temperature} with this model. Only the default (1) value is supported.`,
        "temperature",
        "unsupported_value",
      );
    }
  } else {
    if (api === "chat" && body.reasoning_effort !== undefined) {
      return unsupported("reasoning_effort");
    }
    const reasoning = isObject(body.reasoning) ? body.reasoning : {};
    if (api === "responses" && reasoning.effort !== undefined && reasoning.effort !== null) {
      return unsupported("reasoning.effort");
    }
  }
  return undefined;
}

function toolsProblem(api: EmulatorApi, body: Json): RequestError | undefined {
  const tools = Array.isArray(body.tools) ? body.tools : [];
  for (const [index, tool] of tools.entries()) {
    const at = `tools[${index}]`;
    if (!isObject(tool))
      return invalid(`Invalid type for '${at}': expected an object.`, at, "invalid_type");
    const type = String(tool.type);
    const types = api === "chat" ? new Set(["function", "custom"]) : RESPONSES_TOOL_TYPES;
    if (!types.has(type)) {
      return invalid(
        `Invalid value: '${type}'. Supported values are: ${[...types].map((t) => `'${t}'`).join(", ")}.`,
        `${at}.type`,
        "invalid_value",
      );
    }
    if (type !== "function") continue;
    const spec = api === "chat" ? (isObject(tool.function) ? tool.function : {}) : tool;
    const prefix = api === "chat" ? `${at}.function` : at;
    if (typeof spec.name !== "string") {
      return invalid(
        `Missing required parameter: '${prefix}.name'.`,
        `${prefix}.name`,
        "missing_required_parameter",
      );
    }
    if (!/^[a-zA-Z0-9_-]{1,64}$/.test(spec.name)) {
      return invalid(
        `Invalid '${prefix}.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`,
        `${prefix}.name`,
        "invalid_value",
      );
    }
    // A strict function without parameters is checked as an empty object schema, which
    // OpenAI refuses for its missing `additionalProperties: false` (as recorded).
    const strict = spec.strict === true;
    if (spec.parameters === undefined && !strict) continue;
    const parameters = spec.parameters ?? { type: "object", properties: {} };
    const problem = schemaProblem(parameters, strict);
    if (problem) {
      return invalid(
        `Invalid schema for function '${spec.name}': ${problem}`,
        `${prefix}.parameters`,
        "invalid_function_parameters",
      );
    }
  }
  return toolChoiceProblem(api, body, tools.filter(isObject));
}

function toolChoiceProblem(api: EmulatorApi, body: Json, tools: Json[]): RequestError | undefined {
  const choice = body.tool_choice;
  if (choice === undefined || choice === null) return undefined;
  if (typeof choice === "string") {
    if (!["none", "auto", "required"].includes(choice)) {
      return invalid(
        `Invalid value: '${choice}'. Supported values are: 'none', 'auto', and 'required'.`,
        "tool_choice",
        "invalid_value",
      );
    }
    if (choice !== "none" && tools.length === 0 && api === "chat") {
      return invalid(
        "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.",
        "tool_choice",
        null,
      );
    }
    return undefined;
  }
  if (!isObject(choice) || choice.type === "allowed_tools") return undefined;
  const wanted = declaredRef(choice);
  const declared = tools.map(declaredRef);
  const found = declared.some(
    (tool) => tool.type === wanted.type && (wanted.name === undefined || wanted.name === tool.name),
  );
  if (found) return undefined;
  const what = wanted.name === undefined ? wanted.type : `${wanted.type} '${wanted.name}'`;
  return invalid(
    `Tool choice '${what}' not found in 'tools' parameter.`,
    "tool_choice",
    "invalid_value",
  );
}

function formatProblem(api: EmulatorApi, body: Json): RequestError | undefined {
  const spec =
    api === "chat"
      ? isObject(body.response_format) && body.response_format.type === "json_schema"
        ? isObject(body.response_format.json_schema)
          ? body.response_format.json_schema
          : {}
        : undefined
      : isObject(body.text) && isObject(body.text.format) && body.text.format.type === "json_schema"
        ? body.text.format
        : undefined;
  if (!spec) return undefined;
  const param = api === "chat" ? "response_format" : "text.format.schema";
  if (spec.schema === undefined) {
    const at = api === "chat" ? "response_format.json_schema.schema" : "text.format.schema";
    return invalid(`Missing required parameter: '${at}'.`, at, "missing_required_parameter");
  }
  const problem = schemaProblem(spec.schema, spec.strict === true);
  if (!problem) return undefined;
  return invalid(
    `Invalid schema for response_format '${String(spec.name ?? "response")}': ${problem}`,
    param,
    "invalid_json_schema",
  );
}

const CHAT_ROLES = ["system", "assistant", "user", "function", "tool", "developer"];

function messagesProblem(body: Json): RequestError | undefined {
  if (body.messages === undefined) {
    return invalid(
      "Missing required parameter: 'messages'.",
      "messages",
      "missing_required_parameter",
    );
  }
  const messages = body.messages as unknown[];
  if (messages.length === 0) {
    return invalid(
      "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      "messages",
      "empty_array",
    );
  }
  let pending: { index: number; ids: Set<string> } | undefined;
  for (const [index, message] of messages.entries()) {
    const role = isObject(message) ? String(message.role) : "undefined";
    if (!CHAT_ROLES.includes(role)) {
      return invalid(
        `Invalid value: '${role}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`,
        `messages[${index}].role`,
        "invalid_value",
      );
    }
    const entry = message as Json;
    if (role === "tool") {
      const id = String(entry.tool_call_id);
      if (!pending || !pending.ids.delete(id)) {
        return invalid(
          "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
          `messages.[${index}].role`,
          null,
        );
      }
      continue;
    }
    if (pending && pending.ids.size > 0) return unanswered(pending);
    pending = undefined;
    if (role === "assistant" && Array.isArray(entry.tool_calls) && entry.tool_calls.length > 0) {
      const ids = entry.tool_calls.map((call) => String(isObject(call) ? call.id : ""));
      pending = { index, ids: new Set(ids) };
    }
  }
  if (pending && pending.ids.size > 0) return unanswered(pending);
  return undefined;
}

function unanswered(pending: { index: number; ids: Set<string> }): RequestError {
  return invalid(
    `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...pending.ids].join(", ")}`,
    `messages.[${pending.index}].role`,
    null,
  );
}

/**
 * The first problem with `body` on `api`, or undefined when OpenAI would accept it.
 * `conversation` is the Responses input with what `previous_response_id` carries prepended.
 */
export function validateBody(
  api: EmulatorApi,
  body: Json,
  conversation: Json[] = [],
): RequestError | undefined {
  return (
    paramsProblem(api, body) ??
    modelProblem(api, body) ??
    (api === "chat" ? messagesProblem(body) : toolOutputsProblem(conversation)) ??
    (api === "chat" ? audioProblem(body) : undefined) ??
    toolsProblem(api, body) ??
    formatProblem(api, body) ??
    backgroundProblem(api, body)
  );
}

/**
 * Audio output needs the `audio` options and a model that speaks, and audio input
 * (`input_audio` content) a model that listens. OpenAI's exact wording is not documented;
 * the emulator refuses all three, as the stricter choice.
 */
function audioProblem(body: Json): RequestError | undefined {
  const heard = audioInputAt(body);
  if (heard !== undefined && !modelInfo(String(body.model))?.audio) {
    return invalid(
      `Invalid content type. 'input_audio' is only supported by audio models; the model \`${String(body.model)}\` does not take audio input. Use an audio model such as gpt-audio, or send text.`,
      heard,
      "invalid_value",
    );
  }
  if (!Array.isArray(body.modalities) || !body.modalities.includes("audio")) return undefined;
  if (!isObject(body.audio)) {
    return invalid("Missing required parameter: 'audio'.", "audio", "missing_required_parameter");
  }
  if (modelInfo(String(body.model))?.audio) return undefined;
  return invalid(
    `Invalid value: 'audio'. The model \`${String(body.model)}\` does not support audio output; use an audio model such as gpt-audio.`,
    "modalities",
    "invalid_value",
  );
}

/** Where the first `input_audio` content part of a Chat request is, as OpenAI names a param. */
function audioInputAt(body: Json): string | undefined {
  if (!Array.isArray(body.messages)) return undefined;
  for (const [index, message] of body.messages.entries()) {
    const content = isObject(message) ? message.content : undefined;
    if (!Array.isArray(content)) continue;
    const part = content.findIndex((block) => isObject(block) && block.type === "input_audio");
    if (part >= 0) return `messages.[${index}].content.[${part}].type`;
  }
  return undefined;
}

function backgroundProblem(api: EmulatorApi, body: Json): RequestError | undefined {
  if (api !== "responses" || body.background !== true || body.store !== false) return undefined;
  return invalid(
    "Background mode requires store=true. Remove store: false or background: true.",
    "background",
    "invalid_value",
  );
}

/** The error for input beyond the model's context window, or undefined when it fits. */
export function contextProblem(request: EmulatorRequest): RequestError | undefined {
  const window = modelInfo(request.model)?.contextWindow;
  if (window === undefined) return undefined;
  const tokens = countTokens(request.inputText);
  if (tokens <= window) return undefined;
  return request.api === "chat"
    ? invalid(
        `This model's maximum context length is ${window} tokens. However, your messages resulted in ${tokens} tokens. Please reduce the length of the messages.`,
        "messages",
        "context_length_exceeded",
      )
    : invalid(
        "Your input exceeds the context window of this model. Please adjust your input and try again.",
        "input",
        "context_length_exceeded",
      );
}
