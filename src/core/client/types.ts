import type * as R from "openai/resources/responses/responses";
import type * as C from "openai/resources/chat/completions/completions";
import type * as Shared from "openai/resources/shared";
import type { ColloquyError } from "../errors.js";
import type { Message } from "../model/message.js";
import type { ToolCallPart } from "../model/tool-call-part.js";
import type { MessageInput } from "../convert/to-messages.js";
import type { MessageStreamEvent, StreamUpdate } from "../stream/types.js";
import type { AnyToolDefinition } from "../tools/types.js";
import type { AnyClientRunToolDefinition } from "../tools/client-run-types.js";
import type { Schema } from "../structured/schema-types.js";

/** Which OpenAI API a request goes to. `auto` picks Responses only when a feature needs it. */
export type ApiChoice = "responses" | "chat" | "auto";

/** The API a built request actually targets. */
export type ResolvedApi = "responses" | "chat";

/**
 * What the client accepts as a conversation: a string (one user message), a `Message`,
 * `[role, content]` tuples, Chat Completions messages, Responses input items, or a list of
 * any of these (see `toMessages`).
 */
export type ChatInput = MessageInput | readonly MessageInput[];

/** A built-in tool in OpenAI's own shape (Responses API), passed through as given. */
export type BuiltinTool = Exclude<R.Tool, R.FunctionTool>;

/**
 * A tool given in a request: a `defineTool` / `defineCustomTool` definition, a client-run
 * built-in (`defineApplyPatchTool`, `defineLocalShellTool`, `defineToolSearch`) or a built-in
 * tool object.
 */
export type ToolInput =
  AnyToolDefinition | AnyClientRunToolDefinition | BuiltinTool | R.FunctionTool;

/** Which tool the model must, may or must not call. A tool name forces that function. */
export type ToolChoice =
  | "auto"
  | "none"
  | "required"
  | { type: "function"; name: string }
  | R.ResponseCreateParams["tool_choice"];

/** Text output format: plain text, JSON mode, or a JSON Schema (structured outputs). */
export type ResponseFormat =
  | { type: "text" }
  | { type: "json_object" }
  | {
      type: "json_schema";
      /** The schema's name, shown to the model. */
      name: string;
      /** The JSON Schema. */
      schema: Record<string, unknown>;
      /** What the output is for. */
      description?: string;
      /** Enforce the schema exactly (default true). */
      strict?: boolean;
    };

/** How earlier turns reach the Responses API. */
export type ConversationState = "stateless" | "previous-response-id";

/**
 * Request parameters, camelCase, mapped to each API's own field names by `buildRequest`.
 * Anything set on the client is a default; per-call params override it.
 */
export interface RequestParams {
  /** The model, e.g. `gpt-4.1-mini`. Required on the client or per call. */
  model?: string;
  /** System instructions (Responses `instructions`; a leading system message on Chat). */
  instructions?: string;
  /** Sampling temperature. */
  temperature?: number;
  /** Nucleus sampling. */
  topP?: number;
  /** Chat: penalise tokens by how often they already appeared, -2 to 2 (`frequency_penalty`). */
  frequencyPenalty?: number;
  /** Chat: penalise tokens that already appeared at all, -2 to 2 (`presence_penalty`). */
  presencePenalty?: number;
  /** Chat: best-effort deterministic sampling for the same seed and parameters. */
  seed?: number;
  /** Chat: up to 4 sequences where the model stops generating. */
  stop?: string | string[];
  /**
   * Chat: how many alternative answers to generate. Choice 0 is the message; the others are
   * in `message.metadata.alternatives`.
   */
  n?: number;
  /** Output token cap: `max_completion_tokens` (Chat) / `max_output_tokens` (Responses). */
  maxTokens?: number;
  /** Return token log probabilities (Chat `logprobs`; Responses includes `message.output_text.logprobs`). */
  logprobs?: boolean;
  /** How many alternatives per token to return with `logprobs`. */
  topLogprobs?: number;
  /** Chat: ask for usage in the stream (`stream_options.include_usage`). Default true. */
  streamUsage?: boolean;
  /** Reasoning models: effort and summary (summaries need the Responses API). */
  reasoning?: { effort?: Shared.ReasoningEffort; summary?: "auto" | "concise" | "detailed" | null };
  /** `auto`, `default`, `flex`, `scale` or `priority`. */
  serviceTier?: "auto" | "default" | "flex" | "scale" | "priority";
  /** Key to group requests for prompt caching. */
  promptCacheKey?: string;
  /** Chat: predicted output (speeds up edits of known text). */
  prediction?: C.ChatCompletionPredictionContent;
  /** Chat: output modalities, e.g. `["text", "audio"]`. */
  modalities?: ("text" | "audio")[];
  /** Chat: audio output settings (voice, format). */
  audio?: C.ChatCompletionAudioParam;
  /** Tools the model may call: `defineTool` function tools and built-in tool objects. */
  tools?: readonly ToolInput[];
  /** Which tool the model must, may or must not call. */
  toolChoice?: ToolChoice;
  /** Allow several tool calls in one turn. */
  parallelToolCalls?: boolean;
  /** Responses: extra output to include (`reasoning.encrypted_content`, ...). */
  include?: R.ResponseIncludable[];
  /** Responses: `auto` or `disabled` context truncation. */
  truncation?: "auto" | "disabled";
  /** Responses: server-side context management (compaction). */
  contextManagement?: R.ResponseCreateParams["context_management"];
  /** Responses: run in background mode (resumable with `resume`). */
  background?: boolean;
  /** Store the response on OpenAI's side (needed for `previous_response_id` chains). */
  store?: boolean;
  /** Responses: continue from this response id explicitly. */
  previousResponseId?: string;
  /**
   * Responses: `previous-response-id` sends `previous_response_id` from the last assistant
   * message's `metadata.responseId` and only the messages after it. Default `stateless`.
   */
  conversationState?: ConversationState;
  /** Up to 16 string key/value pairs stored with the request. */
  metadata?: Record<string, string>;
  /** An end-user id for abuse monitoring (`user` on both APIs). */
  user?: string;
  /** Output format: text, JSON mode, or JSON Schema. */
  responseFormat?: ResponseFormat;
  /** Responses: output verbosity (`text.verbosity`); Chat: `verbosity`. */
  verbosity?: "low" | "medium" | "high";
  /** Merged into the body last, for compatible servers' own fields. */
  extraBody?: Record<string, unknown>;
  /** Which API this request goes to, over the client's `api` (`auto` picks per request). */
  api?: ApiChoice;
  /** Stops the request (and the stream). */
  signal?: AbortSignal;
}

/** Headers for every request: a record, or a function returning one (possibly async). */
export type HeadersOption =
  Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);

/** Options of `createChatClient` (`api`, default `auto`, is the API of every request). */
export interface ChatClientOptions extends Omit<RequestParams, "signal"> {
  /**
   * Where the OpenAI-compatible API lives, e.g. `https://api.openai.com/v1` or the proxy.
   * Default `/api/openai/v1` in browsers; must be given in Node.
   */
  baseURL?: string;
  /** Headers sent with every request (e.g. the app's own auth). */
  headers?: HeadersOption;
  /** The fetch to use (tests, proxies, instrumentation). Default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Milliseconds before a request (until its last byte) is abandoned. Default none. */
  timeout?: number;
  /** Retries on 429, 5xx and network errors before the stream starts. Default 2. */
  maxRetries?: number;
  /** Stream responses (`stream: true`). Default true. */
  stream?: boolean;
  /**
   * The version of the model behind an Azure deployment (AzureChatOpenAI's `model_version`,
   * e.g. `"0301"`), which Azure leaves out of the model name it reports. Never sent; every
   * message this client returns carries it as `metadata.modelVersion`, so costs and logs can
   * tell versions apart.
   */
  modelVersion?: string;
}

/** A raw stream event as received: a Responses event, a Chat Completions chunk, or unknown. */
export type RawStreamEvent = MessageStreamEvent;

/** One step of a stream: the message so far and the event that produced it. */
export type { StreamUpdate };

/** A request ready to send: which API, the path under `baseURL`, and the JSON body. */
export interface BuiltRequest {
  /** The API the request targets. */
  api: ResolvedApi;
  /** Path under `baseURL`, e.g. `/responses`. */
  path: string;
  /** The JSON body. */
  body: Record<string, unknown>;
  /** Things that could not be expressed for this API and were dropped. */
  warnings: string[];
}

/** Options of `batch`: request params plus how many requests run at once. */
export interface BatchOptions extends RequestParams {
  /** How many requests run at the same time. Default 4. */
  concurrency?: number;
}

/** One result of `batchSettled`. */
export type BatchResult =
  { status: "fulfilled"; value: Message } | { status: "rejected"; reason: unknown };

/** Options of `resume`. */
export interface ResumeOptions {
  /** Continue after this `sequence_number` (default: from the message, else from the start). */
  startingAfter?: number;
  /** The message received so far, continued by the resumed events. */
  message?: Message;
  /** Stops the resumed stream. */
  signal?: AbortSignal;
}

/** Options of `bindTools`. */
export interface BindToolsOptions {
  /** Override every function tool's strict mode. */
  strict?: boolean;
  /** Allow several tool calls in one turn. */
  parallelToolCalls?: boolean;
  /** Which tool the model must, may or must not call. */
  toolChoice?: ToolChoice;
}

/** How structured output is asked for. */
export type StructuredOutputMethod = "json_schema" | "function_calling" | "json_mode";

/** Options of `withStructuredOutput`. */
export interface StructuredOutputOptions<IncludeRaw extends boolean = false> {
  /** Default `json_schema`. */
  method?: StructuredOutputMethod;
  /** Strict schema adherence (default true; not used by `json_mode`). */
  strict?: boolean;
  /**
   * Return `{ raw, parsed }` instead of the parsed value; an answer that is not valid JSON or
   * does not match the schema gives `{ raw, parsed: null, parsingError }` instead of throwing.
   */
  includeRaw?: IncludeRaw;
  /** The schema's (or forced tool's) name. Default `output`. */
  name?: string;
  /** What the output is, for the model. */
  description?: string;
  /**
   * Tools the model may call instead of answering in the schema. With tools, every result is
   * a `StructuredOrToolCalls`: the tool calls, or the object.
   */
  tools?: readonly ToolInput[];
}

/** Options of `withStructuredOutput` with tools: the result says which of the two came back. */
export interface StructuredOutputWithToolsOptions<
  IncludeRaw extends boolean = false,
> extends StructuredOutputOptions<IncludeRaw> {
  /** Tools the model may call instead of answering in the schema. */
  tools: readonly ToolInput[];
}

/** A structured answer when tools are offered: the model called tools, or answered in the schema. */
export type StructuredOrToolCalls<T> =
  | {
      /** The model called tools (run them and ask again with the results). */
      type: "tool-calls";
      /** The calls, as they arrived. */
      calls: ToolCallPart[];
    }
  | {
      /** The model answered in the schema. */
      type: "object";
      /** The validated value. */
      value: T;
    };

/** A value still arriving: every property optional, all the way down. */
export type DeepPartial<T> = T extends readonly (infer Item)[]
  ? DeepPartial<Item>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** One step of a structured stream: partials of the object `T`, then the final `Result`. */
export type StructuredStreamUpdate<T, Result = T> =
  | { type: "partial"; partial: DeepPartial<T>; snapshot: Message }
  | { type: "final"; value: Result; snapshot: Message };

/**
 * The result of a structured `invoke` with `includeRaw`: the parsed value, or `parsed: null`
 * and the reason when the answer was not valid JSON or did not match the schema.
 */
export type StructuredWithRaw<T> =
  | {
      /** The assistant message as received. */
      raw: Message;
      /** The validated value. */
      parsed: T;
      /** Absent when parsing succeeded. */
      parsingError?: undefined;
    }
  | {
      /** The assistant message as received. */
      raw: Message;
      /** Null: the answer could not be parsed or validated. */
      parsed: null;
      /** Why: a `ValidationError` (schema issues) or a `ColloquyError` with code `invalid_json`. */
      parsingError: ColloquyError;
    };

/** A client whose answers are validated objects of type `T` (or `Result`, with tools). */
export interface StructuredClient<T, IncludeRaw extends boolean = false, Result = T> {
  /** Asks once and returns the parsed, validated value (or `{ raw, parsed }`). */
  invoke(
    input: ChatInput,
    params?: RequestParams,
  ): Promise<IncludeRaw extends true ? StructuredWithRaw<Result> : Result>;
  /** Streams partial values as the JSON arrives, then the final validated value. */
  stream(
    input: ChatInput,
    params?: RequestParams,
  ): AsyncIterable<StructuredStreamUpdate<T, Result>>;
}

/** The client: one conversation request at a time, over either OpenAI API. */
export interface ChatClient {
  /** The options the client was made with (defaults resolved). */
  readonly options: Readonly<ChatClientOptions>;
  /** Sends the conversation and returns the final assistant message. */
  invoke(input: ChatInput, params?: RequestParams): Promise<Message>;
  /** Streams the assistant message: one immutable snapshot per change. */
  stream(input: ChatInput, params?: RequestParams): AsyncIterable<Message>;
  /** Streams snapshots together with the raw events (for event timelines). */
  streamUpdates(input: ChatInput, params?: RequestParams): AsyncIterable<StreamUpdate>;
  /** Runs many conversations, at most `concurrency` at once; results keep the input order. */
  batch(inputs: readonly ChatInput[], options?: BatchOptions): Promise<Message[]>;
  /** Like `batch`, but never rejects: each item is fulfilled or rejected on its own. */
  batchSettled(inputs: readonly ChatInput[], options?: BatchOptions): Promise<BatchResult[]>;
  /** Reconnects to a background response's stream (`GET /responses/{id}?stream=true`). */
  resume(responseId: string, options?: ResumeOptions): AsyncIterable<StreamUpdate>;
  /** Cancels a background response (`POST /responses/{id}/cancel`). */
  cancel(responseId: string, options?: { signal?: AbortSignal }): Promise<void>;
  /**
   * Builds the request without sending it: for curl export, logging and tests. Nothing is
   * sent; the promise waits only for the chosen API's codec to load (once per page).
   */
  buildRequest(messages: readonly Message[], params?: RequestParams): Promise<BuiltRequest>;
  /** A client that always offers these tools. */
  bindTools(tools: readonly ToolInput[], options?: BindToolsOptions): ChatClient;
  /**
   * A client whose answers are parsed and validated against `schema`; with `tools`, each
   * answer is either the model's tool calls or the object.
   */
  withStructuredOutput<T, IncludeRaw extends boolean = false>(
    schema: Schema<T>,
    options: StructuredOutputWithToolsOptions<IncludeRaw>,
  ): StructuredClient<T, IncludeRaw, StructuredOrToolCalls<T>>;
  withStructuredOutput<T, IncludeRaw extends boolean = false>(
    schema: Schema<T>,
    options?: StructuredOutputOptions<IncludeRaw>,
  ): StructuredClient<T, IncludeRaw>;
}

/** The Responses API request body as built (for readers who want the OpenAI type). */
export type ResponsesRequestBody = R.ResponseCreateParams;

/** The Chat Completions request body as built. */
export type ChatRequestBody = C.ChatCompletionCreateParams;
