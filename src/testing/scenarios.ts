import type { EmulatorRequest, FunctionToolSpec } from "./emulator-request-model.js";
import { mentionedCustomTools } from "./client-tool-items.js";
import { placeCount } from "./prompt-arguments.js";

/** The scripted behaviours of the emulator. */
export type ScenarioName =
  | "default"
  | "web-search"
  | "image-generation"
  | "file-search"
  | "code-interpreter"
  | "computer-use"
  | "mcp"
  | "refusal"
  | "reasoning"
  | "function-calls"
  | "parallel-function-calls"
  | "custom-tool-calls"
  | "apply-patch"
  | "shell"
  | "local-shell"
  | "tool-search"
  | "structured-output"
  | "tool-results";

/** One scenario and the words in the last user message that pick it. */
export interface ScenarioInfo {
  /** The scenario's name (also usable in `x-colloquy-scenario` and `[scenario:name]`). */
  name: ScenarioName;
  /** Words (matched at a word start, case-insensitive) that pick it. */
  keywords: readonly string[];
  /** True when only the Responses API has it; Chat answers with the default text instead. */
  responsesOnly: boolean;
  /** What the scenario answers with. */
  description: string;
  /**
   * The tool types one of which the request must declare (and `tool_choice` allow) for the
   * scenario to run; without one it answers with text, as a model cannot call a tool it
   * was not given.
   */
  tools?: readonly string[];
}

/** Every scenario, in the order keywords are tried. */
export const SCENARIOS: readonly ScenarioInfo[] = [
  {
    name: "function-calls",
    keywords: ["tool", "weather"],
    responsesOnly: false,
    description: "A function call with streamed arguments (needs function tools in the request).",
    tools: ["function"],
  },
  {
    name: "parallel-function-calls",
    keywords: ["parallel"],
    responsesOnly: false,
    description:
      "Two function calls in one response (2+ tools offered, or the text says parallel).",
    tools: ["function"],
  },
  {
    name: "custom-tool-calls",
    keywords: ["custom", "grammar"],
    responsesOnly: false,
    description:
      "A custom tool call whose input matches the tool's lark or regex grammar, else text from the prompt (needs custom tools).",
    tools: ["custom"],
  },
  {
    name: "tool-search",
    keywords: ["tool", "find", "weather"],
    responsesOnly: true,
    description:
      "Hosted: a tool_search_call, its tool_search_output and a call of the loaded function; client: a tool_search_call for the application (needs tool_search and deferred functions).",
    tools: ["tool_search"],
  },
  {
    name: "apply-patch",
    keywords: ["patch", "edit", "rename", "create", "delete"],
    responsesOnly: true,
    description: "An apply_patch_call creating, updating or deleting the file the prompt names.",
    tools: ["apply_patch"],
  },
  {
    name: "shell",
    keywords: ["shell", "run", "command", "terminal", "list"],
    responsesOnly: true,
    description:
      "A shell_call; in a hosted container also its shell_call_output and an answer, locally for the application to run.",
    tools: ["shell"],
  },
  {
    name: "local-shell",
    keywords: ["shell", "run", "command", "terminal", "list"],
    responsesOnly: true,
    description: "A local_shell_call with an exec action, for the application to run.",
    tools: ["local_shell"],
  },
  {
    name: "web-search",
    keywords: ["search", "news", "latest"],
    responsesOnly: true,
    description: "A web_search_call, then text with url_citation annotations.",
    tools: [
      "web_search",
      "web_search_preview",
      "web_search_2025_08_26",
      "web_search_preview_2025_03_11",
    ],
  },
  {
    name: "image-generation",
    keywords: ["image", "draw", "picture"],
    responsesOnly: true,
    description: "An image_generation_call with partial images and a final PNG.",
    tools: ["image_generation"],
  },
  {
    name: "file-search",
    keywords: ["file", "document", "research"],
    responsesOnly: true,
    description: "A file_search_call, then text with file_citation annotations.",
    tools: ["file_search"],
  },
  {
    name: "code-interpreter",
    keywords: ["python", "code", "calculate", "plot"],
    responsesOnly: true,
    description: "A code_interpreter_call with logs and an image, then a container file citation.",
    tools: ["code_interpreter"],
  },
  {
    name: "computer-use",
    keywords: ["computer", "click", "screenshot"],
    responsesOnly: true,
    description:
      "A computer_call: a screenshot first, then click / type / scroll after each output.",
    tools: ["computer_use_preview", "computer"],
  },
  {
    name: "mcp",
    keywords: ["mcp"],
    responsesOnly: true,
    description:
      "mcp_list_tools and an mcp_call, or an approval request when approval is required.",
    tools: ["mcp"],
  },
  {
    name: "refusal",
    keywords: ["refuse"],
    responsesOnly: false,
    description: "A refusal instead of an answer.",
  },
  {
    name: "reasoning",
    keywords: ["think", "reason", "why"],
    responsesOnly: false,
    description: "Reasoning summaries (Responses) and reasoning tokens, then the answer.",
  },
  {
    name: "structured-output",
    keywords: [],
    responsesOnly: false,
    description: "JSON conforming to the request's json_schema response format.",
  },
  {
    name: "tool-results",
    keywords: [],
    responsesOnly: false,
    description: "Text that uses the tool outputs found in the input.",
  },
  {
    name: "default",
    keywords: [],
    responsesOnly: false,
    description: "A markdown answer: heading, bold, code, link, list, code block, table, quote.",
  },
];

const DIRECTIVE = /\[(scenario|fault):([^\]]*)\]/gi;

/** The value of a `[scenario:...]` or `[fault:...]` directive in `text`, if any. */
export function findDirective(text: string, kind: "scenario" | "fault"): string | undefined {
  for (const match of text.matchAll(DIRECTIVE)) {
    if (match[1]!.toLowerCase() === kind) return match[2]!.trim();
  }
  return undefined;
}

/** `text` without directives, as the answer quotes it. */
export function stripDirectives(text: string): string {
  return text.replace(DIRECTIVE, "").replace(/\s+/g, " ").trim();
}

function mentions(text: string, keywords: readonly string[]): boolean {
  return keywords.some((keyword) => new RegExp(`\\b${keyword}`, "i").test(text));
}

/** True when `name` is a known scenario. */
export function isScenarioName(name: string): name is ScenarioName {
  return SCENARIOS.some((scenario) => scenario.name === name);
}

/**
 * True when `request` lets the scenario run: its tool is declared and allowed by
 * `tool_choice` (Chat has function tools only, plus web search through `web_search_options`).
 */
export function scenarioAvailable(request: EmulatorRequest, name: string): boolean {
  const info = SCENARIOS.find((entry) => entry.name === name);
  if (!info) return false;
  if (!info.tools) return true;
  if (info.tools.includes("function")) return request.functionTools.length > 0;
  if (info.tools.includes("custom")) return request.customTools.length > 0;
  if (request.api === "chat") return name === "web-search" && request.chatWebSearch;
  // A tool search needs something to find: functions declared with defer_loading.
  if (name === "tool-search") {
    return request.toolSearch !== undefined && request.deferredFunctions.length > 0;
  }
  return request.builtInTools.some((type) => info.tools!.includes(type));
}

/** True when the text mentions a word of the tool name (`get_weather` by "weather"). */
function nameMentioned(name: string, text: string): boolean {
  return name
    .split(/[^a-zA-Z0-9]+|(?=[A-Z])/)
    .filter((word) => word.length >= 4 && !/^(get|set|fetch|tool|call)$/i.test(word))
    .some((word) => mentions(text, [word.toLowerCase()]));
}

/** Names of function tools whose name words (`get_weather` -> weather) the text mentions. */
export function mentionedFunctions(request: EmulatorRequest, text: string): string[] {
  return request.functionTools
    .filter((tool) => nameMentioned(tool.name, text))
    .map((tool) => tool.name);
}

/** The function tools a call would use: those the text names, else every one offered. */
export function functionCandidates(request: EmulatorRequest, text: string): FunctionToolSpec[] {
  const named = mentionedFunctions(request, text);
  return named.length > 0
    ? request.functionTools.filter((tool) => named.includes(tool.name))
    : request.functionTools;
}

function functionScenario(request: EmulatorRequest, text: string): string {
  const many =
    functionCandidates(request, text).length > 1 ||
    mentions(text, ["parallel"]) ||
    placeCount(text) > 1;
  return many && request.parallelToolCalls ? "parallel-function-calls" : "function-calls";
}

/**
 * Picks the scenario for a request: an explicit name (header or directive) wins, then a
 * conversation already in a tool loop continues it, then the request's own shape, then
 * keywords in the last user message, else the default answer. A keyword only picks among
 * the tools the request declares; `tool_choice: "required"` or a forced tool makes a tool
 * scenario of an answer that would be text. Returns `replay:<name>` verbatim for recordings.
 */
export function chooseScenario(request: EmulatorRequest, explicit?: string): string {
  const named = explicit ?? findDirective(request.lastUserText, "scenario");
  if (named) return named;
  const required = request.toolChoice.mode === "required";
  const text = stripDirectives(request.lastUserText);
  if (request.approvalResponses.length > 0) return "mcp";
  if (request.computerOutputs > 0 && scenarioAvailable(request, "computer-use"))
    return "computer-use";
  // The functions a client's tool search loaded are what the model asked for: it calls one.
  if (request.searchLoaded.length > 0 && request.functionTools.length > 0) {
    return functionScenario(request, text);
  }
  if (!required && request.toolOutputs.length > 0) return "tool-results";
  // A question a function tool answers gets the call even when a response format is set:
  // structured output with tools means the model calls a tool or answers in the schema.
  if (request.functionTools.length > 0) {
    if (mentionedFunctions(request, text).length > 0) return functionScenario(request, text);
  }
  if (mentionedCustomTools(request, text).length > 0) return "custom-tool-calls";
  if (request.functionTools.length > 0) {
    if (mentions(text, ["tool", "weather", "parallel"])) return functionScenario(request, text);
  }
  if (request.customTools.length > 0 && mentions(text, ["tool"])) return "custom-tool-calls";
  if (
    scenarioAvailable(request, "tool-search") &&
    request.deferredFunctions.some((tool) => nameMentioned(String(tool.name), text))
  ) {
    return "tool-search";
  }
  if (!required && (request.jsonSchema || request.jsonObject)) return "structured-output";
  for (const scenario of SCENARIOS) {
    if (scenario.name.endsWith("function-calls") || !scenarioAvailable(request, scenario.name))
      continue;
    if (mentions(text, scenario.keywords)) return scenario.name;
  }
  if (required) {
    if (request.functionTools.length > 0) return functionScenario(request, text);
    const tooled = SCENARIOS.find(
      (scenario) => scenario.tools && scenarioAvailable(request, scenario.name),
    );
    if (tooled) return tooled.name;
  }
  // A reasoning model asked for its reasoning summary reasons on any question.
  if (request.reasoningSummary && request.reasoningModel) return "reasoning";
  return "default";
}
