import {
  defaultAnswer,
  reasoningAnswer,
  reasoningSummaries,
  REFUSAL_TEXT,
  toolResultsAnswer,
} from "./answers.js";
import type { EmulatorRequest, FunctionToolSpec } from "./emulator-request.js";
import {
  codeInterpreter,
  computerUse,
  fileSearch,
  imageGeneration,
  mcp,
  webSearch,
} from "./built-in-tool-items.js";
import type { IdFactory } from "./ids.js";
import { message, type OutputItem } from "./output-items.js";
import { sampleFromSchema } from "./json-schema-sample.js";
import { toBase64 } from "./png.js";
import { SCENARIOS, stripDirectives } from "./scenarios.js";

/**
 * What a response will hold, as finished Responses API output items. Both renderers (the
 * Responses events and the Chat chunks) derive everything they send from this.
 */

export type { OutputItem } from "./output-items.js";

/** The planned output of one response. */
export interface Plan {
  /** The output items, in order. */
  items: OutputItem[];
  /** Reasoning tokens to report in usage. */
  reasoningTokens: number;
  /** Partial images (base64 PNG) per image_generation_call item id, coarse to fine. */
  partialImages: Record<string, string[]>;
}

/** Things planning needs from the handler. */
export interface PlanContext {
  /** Where ids come from. */
  ids: IdFactory;
  /** Width and height of generated pictures. */
  imageSize: number;
}

function functionCalls(request: EmulatorRequest, ids: IdFactory, parallel: boolean): OutputItem[] {
  const tools = request.functionTools;
  const chosen: FunctionToolSpec[] = parallel
    ? tools.length > 1
      ? tools.slice(0, 2)
      : [tools[0]!, tools[0]!]
    : [tools[0]!];
  return chosen.map((tool, index) => {
    const args = tool.parameters ? sampleFromSchema(tool.parameters) : {};
    // A second call to the same tool asks about somewhere else, as a model would.
    const text =
      index > 0 && chosen[0] === tool
        ? JSON.stringify(args).replaceAll("San Francisco, CA", "Paris, France")
        : JSON.stringify(args);
    return {
      id: ids.next("fc"),
      type: "function_call",
      status: "completed",
      arguments: text,
      call_id: ids.next("call"),
      name: tool.name,
    };
  });
}

function structuredOutput(
  request: EmulatorRequest,
  userText: string,
  ids: IdFactory,
): OutputItem[] {
  const value = request.jsonSchema
    ? sampleFromSchema(request.jsonSchema.schema)
    : { answer: "A scripted JSON answer.", question: userText };
  return [message(ids, JSON.stringify(value))];
}

/** The scenario actually run on an API: built-in tools exist on Responses only. */
export function effectiveScenario(request: EmulatorRequest, scenario: string): string {
  const info = SCENARIOS.find((entry) => entry.name === scenario);
  if (!info) return "default";
  if (info.responsesOnly && request.api === "chat") return "default";
  if (scenario.endsWith("function-calls") && request.functionTools.length === 0) return "default";
  if (scenario === "tool-results" && request.toolOutputs.length === 0) return "default";
  return scenario;
}

/** Plans the output of `scenario` for `request`. */
export function planOutput(request: EmulatorRequest, scenario: string, context: PlanContext): Plan {
  const { ids } = context;
  const userText = stripDirectives(request.lastUserText);
  const plan: Plan = { items: [], reasoningTokens: 0, partialImages: {} };
  switch (effectiveScenario(request, scenario)) {
    case "function-calls":
      plan.items = functionCalls(request, ids, false);
      break;
    case "parallel-function-calls":
      plan.items = functionCalls(request, ids, true);
      break;
    case "web-search":
      plan.items = webSearch(userText, ids);
      break;
    case "file-search":
      plan.items = fileSearch(request, userText, ids);
      break;
    case "image-generation": {
      const { items, partials } = imageGeneration(request, userText, context);
      plan.items = items;
      plan.partialImages = partials;
      break;
    }
    case "computer-use":
      plan.items = computerUse(request, userText, ids);
      break;
    case "code-interpreter":
      plan.items = codeInterpreter(ids);
      break;
    case "mcp":
      plan.items = mcp(request, ids);
      break;
    case "refusal":
      plan.items = [
        {
          id: ids.next("msg"),
          type: "message",
          status: "completed",
          role: "assistant",
          content: [{ type: "refusal", refusal: REFUSAL_TEXT }],
        },
      ];
      break;
    case "reasoning": {
      const summaries = reasoningSummaries(userText);
      const reasoning: OutputItem = {
        id: ids.next("rs"),
        type: "reasoning",
        summary: summaries.map((text) => ({ type: "summary_text", text })),
      };
      if (request.include.includes("reasoning.encrypted_content")) {
        reasoning.encrypted_content = `gAAAAemu${toBase64(new TextEncoder().encode(summaries.join("|")))}`;
      }
      plan.items = request.api === "responses" ? [reasoning] : [];
      plan.items.push(message(ids, reasoningAnswer(userText)));
      plan.reasoningTokens = 128;
      break;
    }
    case "structured-output":
      plan.items = structuredOutput(request, userText, ids);
      break;
    case "tool-results":
      plan.items = [message(ids, toolResultsAnswer(request.toolOutputs))];
      break;
    default:
      plan.items = [message(ids, defaultAnswer(userText))];
  }
  return plan;
}
