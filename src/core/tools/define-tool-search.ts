import type { ToolSearchCallPart } from "../model/builtin-tool-parts.js";
import { ColloquyError } from "../errors.js";
import type { ClientRunCallPart } from "./client-run-calls.js";
import type { ClientRunToolDefinition } from "./client-run-types.js";
import { toResponsesTools } from "./to-wire-tools.js";
import type { ToolDefinition, ToolExecuteContext } from "./types.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFunctionTool = ToolDefinition<any, any>;

/** What `defineToolSearch` takes. */
export interface DefineToolSearchOptions {
  /**
   * The tools the model may load: declared with `defer_loading: true` (the model sees only
   * that they exist until a search returns them), run by the runner when called.
   */
  tools: readonly AnyFunctionTool[];
  /**
   * Picks the tools that fit a search, from the model's arguments (`{ goal }` with the default
   * parameters). Return tools (or their names) from `tools`. By default, the tools whose name
   * or description shares a word with the goal, or every tool when none does.
   */
  search?: (
    args: Record<string, unknown>,
    context: ToolExecuteContext,
  ) => readonly (AnyFunctionTool | string)[] | Promise<readonly (AnyFunctionTool | string)[]>;
  /** What the search tool is for, written for the model. */
  description?: string;
  /** The search's arguments as JSON Schema. Default: a required string `goal`. */
  parameters?: Record<string, unknown>;
}

const DEFAULT_DESCRIPTION = "Search for available tools based on what the user needs.";
const DEFAULT_PARAMETERS = {
  type: "object",
  properties: {
    goal: { type: "string", description: "What the user is trying to accomplish" },
  },
  required: ["goal"],
  additionalProperties: false,
};

/**
 * Defines a tool search the app runs itself (`execution: "client"`): the request declares
 * `tools` with `defer_loading: true` and a `tool_search` tool; when the model searches, the
 * runner calls `search` and sends back a `tool_search_output` with the chosen tools'
 * definitions, then runs those tools when the model calls them.
 */
export function defineToolSearch(
  options: DefineToolSearchOptions,
): ClientRunToolDefinition<ToolSearchCallPart> {
  const byName = new Map(options.tools.map((tool) => [tool.name, tool]));
  const declare = (tools: readonly AnyFunctionTool[]) =>
    toResponsesTools(tools).map((tool) => ({ ...tool, defer_loading: true }));
  return Object.freeze({
    kind: "client-run" as const,
    type: "tool_search" as const,
    name: "tool_search" as const,
    handles: (part: ClientRunCallPart): part is ToolSearchCallPart =>
      part.type === "tool-search-call",
    execute: async (part: ToolSearchCallPart, context: ToolExecuteContext) => {
      const args = isRecord(part.item.arguments) ? part.item.arguments : {};
      const found = options.search
        ? await options.search(args, context)
        : matchByWords(options.tools, args.goal);
      const tools = found.map((entry) => {
        const tool = typeof entry === "string" ? byName.get(entry) : entry;
        if (!tool || byName.get(tool.name) !== tool) {
          throw new ColloquyError(
            "invalid_input",
            `Tool search returned "${typeof entry === "string" ? entry : entry.name}", which is not one of its tools (${[...byName.keys()].join(", ")}).`,
          );
        }
        return tool;
      });
      return {
        type: "tool_search_output",
        execution: "client",
        call_id: part.item.call_id ?? "",
        status: "completed",
        tools: declare(tools),
      };
    },
    toWire: () => [
      ...declare(options.tools),
      {
        type: "tool_search",
        execution: "client",
        description: options.description ?? DEFAULT_DESCRIPTION,
        parameters: options.parameters ?? DEFAULT_PARAMETERS,
      },
    ],
    functionTools: options.tools,
  });
}

/** The tools sharing a word (four letters or more, so "the" or "for" match nothing) with the goal; all of them when none does. */
function matchByWords(tools: readonly AnyFunctionTool[], goal: unknown): AnyFunctionTool[] {
  const words = new Set(wordsOf(typeof goal === "string" ? goal : ""));
  const matching = tools.filter((tool) =>
    wordsOf(`${tool.name} ${tool.description ?? ""}`).some((word) => words.has(word)),
  );
  return matching.length > 0 ? matching : [...tools];
}

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 4);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
