import type { JsonSchema } from "./json-schema-sample.js";
import type { ToolChoice } from "./tool-choice.js";

/** A JSON object as read from a request body. */
type Json = Record<string, unknown>;

/**
 * One request to the emulator, read from either API's body into the few facts the
 * scripted scenarios depend on.
 */

/** Which OpenAI API a request came through. */
export type EmulatorApi = "responses" | "chat";

/** A function tool the request offers. */
export interface FunctionToolSpec {
  /** The function's name. */
  name: string;
  /** JSON schema of its arguments. */
  parameters?: JsonSchema;
}

/** A custom tool the request offers (free-form text input, optionally grammar-constrained). */
export interface CustomToolSpec {
  /** The tool's name. */
  name: string;
  /** The grammar its input must match, when it has one. */
  grammar?: { syntax: string; definition: string };
}

/** An MCP server the request offers (Responses `tools[].type === "mcp"`). */
export interface McpToolSpec {
  /** The server's label. */
  serverLabel: string;
  /** The server's URL, when given. */
  serverUrl?: string;
  /**
   * True when the call needs the user's approval: `require_approval: "always"`, or
   * `{ always: { tool_names } }` (then the call goes to `approvalToolName`).
   */
  approvalAlways: boolean;
  /** The first tool `require_approval.always.tool_names` names: the tool the call uses. */
  approvalToolName?: string;
}

/** A tool result found in the input after the last user message. */
export interface ToolOutput {
  /** The call it answers. */
  callId: string;
  /** The tool's name, when the input holds the call too. */
  name?: string;
  /** The output as text. */
  output: string;
}

/** An answer to an MCP approval request found in the input. */
export interface ApprovalResponse {
  /** The approval request it answers. */
  approvalRequestId: string;
  /** True when the user approved. */
  approve: boolean;
}

/** An MCP approval request found in the input (the one an approval answers). */
export interface ApprovalRequestInput {
  /** Its id. */
  id: string;
  /** The tool it asked to call. */
  name: string;
  /** The arguments it asked to call the tool with. */
  arguments: string;
  /** The server's label. */
  serverLabel: string;
}

/** The facts of one request the scenarios depend on. */
export interface EmulatorRequest {
  /** The API it came through. */
  api: EmulatorApi;
  /** The body as sent. */
  body: Record<string, unknown>;
  /** The model asked for (echoed back). */
  model: string;
  /** True for `stream: true`. */
  stream: boolean;
  /** Text of the last user message, directives included. */
  lastUserText: string;
  /** All input text, for token counts. */
  inputText: string;
  /** Number of input messages / items. */
  inputCount: number;
  /** Function tools offered. */
  functionTools: FunctionToolSpec[];
  /** Types of the built-in tools offered (`web_search`, `image_generation`, ...). */
  builtInTools: string[];
  /** MCP servers offered. */
  mcpTools: McpToolSpec[];
  /** The `image_generation` tool's options, when offered. */
  imageTool?: Record<string, unknown>;
  /** The `file_search` tool's options, when offered. */
  fileSearchTool?: Record<string, unknown>;
  /** The `computer_use_preview` tool's options, when offered. */
  computerTool?: Record<string, unknown>;
  /** Tool results after the last user message. */
  toolOutputs: ToolOutput[];
  /** Number of `computer_call_output` items after the last user message. */
  computerOutputs: number;
  /** MCP approval answers after the last user message. */
  approvalResponses: ApprovalResponse[];
  /** MCP approval requests anywhere in the input. */
  approvalRequests: ApprovalRequestInput[];
  /** The requested JSON schema, when the response format is `json_schema`. */
  jsonSchema?: { name: string; schema: JsonSchema };
  /** True when the response format is `json_object`. */
  jsonObject: boolean;
  /** The Responses `include` list. */
  include: string[];
  /** True when token log probabilities were asked for. */
  logprobs: boolean;
  /** How many alternatives per token, when log probabilities were asked for. */
  topLogprobs: number;
  /** True for `background: true` (Responses). */
  background: boolean;
  /** Number of Chat choices (`n`). */
  n: number;
  /** True when a Chat stream should end with a usage chunk. */
  includeUsage: boolean;
  /** The tools as declared, before `tool_choice` narrows them (for validation). */
  declaredTools: Json[];
  /** The request's `tool_choice`, read; the tool lists above are already narrowed by it. */
  toolChoice: ToolChoice;
  /** False when `parallel_tool_calls: false` asks for one call at a time. */
  parallelToolCalls: boolean;
  /** Custom tools offered (after `tool_choice`). */
  customTools: CustomToolSpec[];
  /** The output token limit (`max_output_tokens`, `max_completion_tokens` or `max_tokens`). */
  maxOutputTokens?: number;
  /** The `service_tier` asked for. */
  serviceTier?: string;
  /** The predicted output's text (Chat `prediction`), for accepted / rejected token counts. */
  prediction?: string;
  /** Instructions and system / developer messages, where JSON mode finds its schema. */
  instructionsText: string;
  /** True when the model reasons (o-series, gpt-5 family but its chat variant). */
  reasoningModel: boolean;
  /** True when a Responses request asks for reasoning summaries (`reasoning.summary`). */
  reasoningSummary: boolean;
  /** True when a Chat request may search the web (`web_search_options` or a search model). */
  chatWebSearch: boolean;
  /** Function tools declared with `defer_loading: true`, as declared: only a tool search loads them. */
  deferredFunctions: Json[];
  /** The `tool_search` tool, when offered: `client` when the application runs the search. */
  toolSearch?: { execution: "server" | "client" };
  /** Names of the functions a client's `tool_search_output` loaded after the last user message. */
  searchLoaded: string[];
  /** The `shell` tool as declared, when offered (an `environment` container makes it hosted). */
  shellTool?: Json;
  /** `context_management`'s compaction threshold in input tokens, when compaction is asked for. */
  compactThreshold?: number;
  /** Chat audio output (`modalities` with `audio`, and the `audio` options), when asked for. */
  audioOutput?: { voice: string; format: string };
}
