import type { EmulatorRequest } from "./emulator-request.js";

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
}

/** Every scenario, in the order keywords are tried. */
export const SCENARIOS: readonly ScenarioInfo[] = [
  {
    name: "function-calls",
    keywords: ["tool", "weather"],
    responsesOnly: false,
    description: "A function call with streamed arguments (needs function tools in the request).",
  },
  {
    name: "parallel-function-calls",
    keywords: ["parallel"],
    responsesOnly: false,
    description:
      "Two function calls in one response (2+ tools offered, or the text says parallel).",
  },
  {
    name: "web-search",
    keywords: ["search", "news", "latest"],
    responsesOnly: true,
    description: "A web_search_call, then text with url_citation annotations.",
  },
  {
    name: "image-generation",
    keywords: ["image", "draw", "picture"],
    responsesOnly: true,
    description: "An image_generation_call with partial images and a final PNG.",
  },
  {
    name: "file-search",
    keywords: ["file", "document"],
    responsesOnly: true,
    description: "A file_search_call, then text with file_citation annotations.",
  },
  {
    name: "code-interpreter",
    keywords: ["python", "code", "calculate", "plot"],
    responsesOnly: true,
    description: "A code_interpreter_call with logs and an image, then a container file citation.",
  },
  {
    name: "computer-use",
    keywords: ["computer", "click", "screenshot"],
    responsesOnly: true,
    description:
      "A computer_call: a screenshot first, then click / type / scroll after each output.",
  },
  {
    name: "mcp",
    keywords: ["mcp"],
    responsesOnly: true,
    description:
      "mcp_list_tools and an mcp_call, or an approval request when approval is required.",
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
 * Picks the scenario for a request: an explicit name (header or directive) wins, then a
 * conversation already in a tool loop continues it, then the request's own shape, then
 * keywords in the last user message, else the default answer. Returns `replay:<name>`
 * verbatim for recordings.
 */
export function chooseScenario(request: EmulatorRequest, explicit?: string): string {
  const named = explicit ?? findDirective(request.lastUserText, "scenario");
  if (named) return named;
  if (request.approvalResponses.length > 0) return "mcp";
  if (request.computerOutputs > 0) return "computer-use";
  if (request.toolOutputs.length > 0) return "tool-results";
  if (request.jsonSchema || request.jsonObject) return "structured-output";
  const text = stripDirectives(request.lastUserText);
  if (request.functionTools.length > 0 && mentions(text, ["tool", "weather", "parallel"])) {
    return request.functionTools.length > 1 || mentions(text, ["parallel"])
      ? "parallel-function-calls"
      : "function-calls";
  }
  for (const scenario of SCENARIOS) {
    if (scenario.name.endsWith("function-calls")) continue;
    if (mentions(text, scenario.keywords)) return scenario.name;
  }
  return "default";
}
