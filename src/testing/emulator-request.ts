import { isReasoningModel, modelInfo } from "./models.js";
import { callableTools, readToolChoice, type ToolChoice } from "./tool-choice.js";
import type { JsonSchema } from "./json-schema-sample.js";
import type {
  CustomToolSpec,
  McpToolSpec,
  ToolOutput,
  ApprovalResponse,
  ApprovalRequestInput,
  EmulatorRequest,
} from "./emulator-request-model.js";

/**
 * Reads one request to the emulator from either API's body into the few facts the scripted
 * scenarios depend on (the shape of those facts: emulator-request-model.ts).
 */

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The text of a message `content` (string or list of text parts). */
export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part) =>
      isObject(part) && typeof part.text === "string"
        ? part.text
        : isObject(part) && typeof part.refusal === "string"
          ? part.refusal
          : "",
    )
    .filter(Boolean)
    .join("\n");
}

function stringify(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value ?? null);
}

function asList(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** Reads a Responses API body. */
export function readResponsesRequest(body: Json): EmulatorRequest {
  const items: Json[] =
    typeof body.input === "string" ? [{ role: "user", content: body.input }] : asList(body.input);
  let lastUser = -1;
  items.forEach((item, index) => {
    if (item.role === "user" && (item.type === undefined || item.type === "message"))
      lastUser = index;
  });
  const callNames = new Map<string, string>();
  const toolOutputs: ToolOutput[] = [];
  const approvalResponses: ApprovalResponse[] = [];
  const approvalRequests: ApprovalRequestInput[] = [];
  let computerOutputs = 0;
  const texts: string[] = typeof body.instructions === "string" ? [body.instructions] : [];
  const searchLoaded: string[] = [];
  const loadedTools: Json[] = [];
  items.forEach((item, index) => {
    // What a compaction item stands for is no longer input: the conversation restarts there.
    if (item.type === "compaction") texts.splice(0, texts.length, ...instructionsOf(body));
    if (item.role !== undefined) texts.push(contentText(item.content));
    const called = CALL_NAMES[String(item.type)];
    if (called && typeof item.call_id === "string") {
      callNames.set(item.call_id, called === "name" ? String(item.name ?? "") : called);
      // A local shell output may name its call by the call's item id.
      if (typeof item.id === "string") callNames.set(item.id, callNames.get(item.call_id)!);
      texts.push(stringify(item.arguments ?? item.input ?? item.action ?? item.operation));
    }
    if (item.type === "tool_search_output") {
      const tools = asList(item.tools).filter((tool) => tool.type === "function");
      loadedTools.push(...tools);
      if (index > lastUser && item.execution === "client") {
        searchLoaded.push(...tools.map((tool) => String(tool.name ?? "")));
        // A search that found nothing is answered like any tool result: in words.
        if (tools.length === 0) {
          const callId = String(item.call_id ?? "");
          toolOutputs.push({ callId, name: "tool_search", output: "no tools found" });
        }
      }
    }
    if (item.type === "mcp_approval_request") {
      approvalRequests.push({
        id: String(item.id ?? ""),
        name: String(item.name ?? ""),
        arguments: stringify(item.arguments ?? "{}"),
        serverLabel: String(item.server_label ?? ""),
      });
    }
    if (index < lastUser) return;
    if (OUTPUT_TYPES.has(String(item.type))) {
      // Once a loaded function has run, the search's result has been used.
      searchLoaded.length = 0;
      const callId = String(item.call_id ?? item.id ?? "");
      const name = callNames.get(callId);
      const output = outputText(item);
      texts.push(output);
      toolOutputs.push(name === undefined ? { callId, output } : { callId, name, output });
    }
    if (item.type === "computer_call_output") computerOutputs++;
    if (item.type === "mcp_approval_response") {
      approvalResponses.push({
        approvalRequestId: String(item.approval_request_id ?? ""),
        approve: item.approve === true,
      });
    }
  });
  const declaredTools = asList(body.tools);
  const toolChoice = readToolChoice(body.tool_choice);
  const tools = callableTools(declaredTools, toolChoice);
  const searchTool = tools.find((tool) => tool.type === "tool_search");
  const loadedNames = new Set(loadedTools.map((tool) => String(tool.name ?? "")));
  // A deferred function is callable once a tool search loaded it, as it is on OpenAI.
  const callableFunctions = [
    ...tools.filter(
      (tool) =>
        tool.type === "function" &&
        (tool.defer_loading !== true || loadedNames.has(String(tool.name))),
    ),
    ...loadedTools.filter(
      (tool) =>
        !tools.some((declared) => declared.type === "function" && declared.name === tool.name),
    ),
  ];
  const instructions = [
    typeof body.instructions === "string" ? body.instructions : "",
    ...items
      .filter((item) => item.role === "system" || item.role === "developer")
      .map((item) => contentText(item.content)),
  ];
  const text = isObject(body.text) ? body.text : {};
  const format = isObject(text.format) ? text.format : {};
  const include = Array.isArray(body.include) ? body.include.map(String) : [];
  const topLogprobs = typeof body.top_logprobs === "number" ? body.top_logprobs : 0;
  return {
    api: "responses",
    body,
    model: typeof body.model === "string" ? body.model : "gpt-4o-mini",
    stream: body.stream === true,
    lastUserText: lastUser >= 0 ? contentText(items[lastUser]!.content) : "",
    inputText: texts.join("\n"),
    inputCount: items.length,
    functionTools: callableFunctions.map((tool) => ({
      name: String(tool.name ?? "tool"),
      ...(isObject(tool.parameters) ? { parameters: tool.parameters as JsonSchema } : {}),
    })),
    builtInTools: tools.map((tool) => String(tool.type)).filter((type) => type !== "function"),
    mcpTools: tools
      .filter((tool) => tool.type === "mcp")
      .map((tool) => ({
        serverLabel: String(tool.server_label ?? "mcp"),
        ...(typeof tool.server_url === "string" ? { serverUrl: tool.server_url } : {}),
        ...mcpApproval(tool.require_approval),
      })),
    imageTool: tools.find((tool) => tool.type === "image_generation"),
    fileSearchTool: tools.find((tool) => tool.type === "file_search"),
    computerTool: tools.find((tool) => String(tool.type).startsWith("computer")),
    toolOutputs,
    computerOutputs,
    approvalResponses,
    approvalRequests,
    ...(format.type === "json_schema" && isObject(format.schema)
      ? {
          jsonSchema: {
            name: String(format.name ?? "output"),
            schema: format.schema as JsonSchema,
          },
        }
      : {}),
    jsonObject: format.type === "json_object",
    include,
    logprobs: include.includes("message.output_text.logprobs") || topLogprobs > 0,
    topLogprobs,
    background: body.background === true,
    n: 1,
    includeUsage: false,
    ...common(body, declaredTools, toolChoice, tools),
    instructionsText: instructions.filter(Boolean).join("\n"),
    ...(typeof body.max_output_tokens === "number"
      ? { maxOutputTokens: body.max_output_tokens }
      : {}),
    chatWebSearch: false,
    reasoningSummary: isObject(body.reasoning) && typeof body.reasoning.summary === "string",
    deferredFunctions: tools.filter(
      (tool) => tool.type === "function" && tool.defer_loading === true,
    ),
    ...(searchTool
      ? { toolSearch: { execution: searchTool.execution === "client" ? "client" : "server" } }
      : {}),
    searchLoaded,
    shellTool: tools.find((tool) => tool.type === "shell"),
    ...compactionOf(body.context_management),
  };
}

/** The item types that carry a call, and the tool name each call stands for (`name`: its own). */
const CALL_NAMES: Record<string, string> = {
  function_call: "name",
  custom_tool_call: "name",
  apply_patch_call: "apply_patch",
  shell_call: "shell",
  local_shell_call: "local_shell",
};

/** The item types that carry a tool's output back to the model. */
const OUTPUT_TYPES = new Set([
  "function_call_output",
  "custom_tool_call_output",
  "apply_patch_call_output",
  "shell_call_output",
  "local_shell_call_output",
]);

/** An output item's result as text: shell outputs by their stdout and stderr, a patch by its status. */
function outputText(item: Json): string {
  if (item.type === "shell_call_output" && Array.isArray(item.output)) {
    return asList(item.output)
      .map((part) =>
        [part.stdout, part.stderr].filter((text) => typeof text === "string" && text).join("\n"),
      )
      .join("\n");
  }
  if (item.type === "apply_patch_call_output" && typeof item.output !== "string") {
    return String(item.status ?? "completed");
  }
  return stringify(item.output);
}

function instructionsOf(body: Json): string[] {
  return typeof body.instructions === "string" ? [body.instructions] : [];
}

/** The compaction threshold of `context_management: [{ type: "compaction", compact_threshold }]`. */
function compactionOf(value: unknown): { compactThreshold?: number } {
  const entry = asList(value).find((item) => item.type === "compaction");
  if (!entry) return {};
  return {
    compactThreshold: typeof entry.compact_threshold === "number" ? entry.compact_threshold : 0,
  };
}

/** Which MCP calls need approval: every one, or those of the tools named under `always`. */
function mcpApproval(setting: unknown): Pick<McpToolSpec, "approvalAlways" | "approvalToolName"> {
  if (setting === "always") return { approvalAlways: true };
  const always = isObject(setting) && isObject(setting.always) ? setting.always : {};
  const names = Array.isArray(always.tool_names) ? always.tool_names.map(String) : [];
  return names.length > 0
    ? { approvalAlways: true, approvalToolName: names[0]! }
    : { approvalAlways: false };
}

/** Reads a Chat Completions body. */
export function readChatRequest(body: Json): EmulatorRequest {
  const messages = asList(body.messages);
  let lastUser = -1;
  messages.forEach((message, index) => {
    if (message.role === "user") lastUser = index;
  });
  const callNames = new Map<string, string>();
  const toolOutputs: ToolOutput[] = [];
  const texts: string[] = [];
  messages.forEach((message, index) => {
    texts.push(contentText(message.content));
    for (const call of asList(message.tool_calls)) {
      // A custom tool's call carries `custom: { name, input }` where a function's has `function`.
      const fn = isObject(call.function) ? call.function : isObject(call.custom) ? call.custom : {};
      callNames.set(String(call.id ?? ""), String(fn.name ?? ""));
      texts.push(stringify(fn.arguments ?? fn.input));
    }
    if (index > lastUser && message.role === "tool") {
      const callId = String(message.tool_call_id ?? "");
      const name = callNames.get(callId);
      const output = contentText(message.content);
      toolOutputs.push(name === undefined ? { callId, output } : { callId, name, output });
    }
  });
  const declaredTools = asList(body.tools);
  const toolChoice = readToolChoice(body.tool_choice);
  const tools = callableTools(declaredTools, toolChoice);
  const maxTokens = body.max_completion_tokens ?? body.max_tokens;
  const prediction = isObject(body.prediction) ? contentText(body.prediction.content) : undefined;
  const format = isObject(body.response_format) ? body.response_format : {};
  const schemaSpec = isObject(format.json_schema) ? format.json_schema : {};
  const streamOptions = isObject(body.stream_options) ? body.stream_options : {};
  return {
    api: "chat",
    body,
    model: typeof body.model === "string" ? body.model : "gpt-4o-mini",
    stream: body.stream === true,
    lastUserText: lastUser >= 0 ? contentText(messages[lastUser]!.content) : "",
    inputText: texts.join("\n"),
    inputCount: messages.length,
    functionTools: tools
      .filter((tool) => tool.type === "function" && isObject(tool.function))
      .map((tool) => {
        const fn = tool.function as Json;
        return {
          name: String(fn.name ?? "tool"),
          ...(isObject(fn.parameters) ? { parameters: fn.parameters as JsonSchema } : {}),
        };
      }),
    builtInTools: [],
    mcpTools: [],
    toolOutputs,
    computerOutputs: 0,
    approvalResponses: [],
    approvalRequests: [],
    ...(format.type === "json_schema" && isObject(schemaSpec.schema)
      ? {
          jsonSchema: {
            name: String(schemaSpec.name ?? "output"),
            schema: schemaSpec.schema as JsonSchema,
          },
        }
      : {}),
    jsonObject: format.type === "json_object",
    include: [],
    logprobs: body.logprobs === true,
    topLogprobs: typeof body.top_logprobs === "number" ? body.top_logprobs : 0,
    background: false,
    n: typeof body.n === "number" && body.n > 1 ? Math.min(Math.floor(body.n), 8) : 1,
    includeUsage: streamOptions.include_usage === true,
    ...common(body, declaredTools, toolChoice, tools),
    instructionsText: messages
      .filter((message) => message.role === "system" || message.role === "developer")
      .map((message) => contentText(message.content))
      .join("\n"),
    ...(typeof maxTokens === "number" ? { maxOutputTokens: maxTokens } : {}),
    ...(prediction === undefined ? {} : { prediction }),
    chatWebSearch:
      toolChoice.mode !== "none" &&
      (isObject(body.web_search_options) || modelInfo(String(body.model))?.search === true),
    reasoningSummary: false,
    deferredFunctions: [],
    searchLoaded: [],
    ...audioOf(body),
  };
}

/** Audio output: `modalities` holding `audio`, with the `audio` options' voice and format. */
function audioOf(body: Json): { audioOutput?: { voice: string; format: string } } {
  const modalities = Array.isArray(body.modalities) ? body.modalities : [];
  if (!modalities.includes("audio")) return {};
  const audio = isObject(body.audio) ? body.audio : {};
  const voice = isObject(audio.voice) ? String(audio.voice.id) : String(audio.voice ?? "alloy");
  return { audioOutput: { voice, format: String(audio.format ?? "wav") } };
}

/** Facts read the same way from both APIs' bodies. */
function common(body: Json, declaredTools: Json[], toolChoice: ToolChoice, tools: Json[]) {
  return {
    declaredTools,
    toolChoice,
    parallelToolCalls: body.parallel_tool_calls !== false,
    customTools: tools
      .filter((tool) => tool.type === "custom")
      .map((tool): CustomToolSpec => {
        const spec = isObject(tool.custom) ? tool.custom : tool;
        const format = isObject(spec.format) ? spec.format : {};
        const grammar = isObject(format.grammar) ? format.grammar : format;
        return {
          name: String(spec.name ?? "tool"),
          ...(format.type === "grammar" && typeof grammar.definition === "string"
            ? { grammar: { syntax: String(grammar.syntax), definition: grammar.definition } }
            : {}),
        };
      }),
    ...(typeof body.service_tier === "string" ? { serviceTier: body.service_tier } : {}),
    reasoningModel: isReasoningModel(String(body.model)),
  };
}
