import {
  defaultAnswer,
  reasoningAnswer,
  spokenAnswer,
  reasoningSummaries,
  REFUSAL_TEXT,
  toolResultsAnswer,
} from "./answers.js";
import type { EmulatorRequest, FunctionToolSpec } from "./emulator-request-model.js";
import {
  codeInterpreter,
  computerUse,
  fileSearch,
  imageGeneration,
  mcp,
  webSearch,
} from "./built-in-tool-items.js";
import {
  applyPatch,
  compaction,
  customToolCalls,
  localShell,
  shell,
  toolSearch,
} from "./client-tool-items.js";
import type { IdFactory } from "./ids.js";
import type { PlanContext } from "./plan-context.js";
import { message, type OutputItem } from "./output-items.js";
import { limitOutput } from "./output-limit.js";
import { schemaInText } from "./schema-in-text.js";
import { placeCount, valueFromPrompt } from "./prompt-arguments.js";
import { toBase64 } from "./png.js";
import { countTokens } from "./tokens.js";
import { functionCandidates, scenarioAvailable, stripDirectives } from "./scenarios.js";

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
  /** True when the output token limit cut the output short. */
  incomplete?: boolean;
}

function functionCalls(
  request: EmulatorRequest,
  userText: string,
  ids: IdFactory,
  parallel: boolean,
): OutputItem[] {
  const tools = functionCandidates(request, userText);
  const chosen: FunctionToolSpec[] =
    parallel && request.parallelToolCalls
      ? tools.length > 1
        ? tools.slice(0, 2)
        : [tools[0]!, tools[0]!]
      : [tools[0]!];
  return chosen.map((tool, index) => {
    const again = index > 0 && chosen[0] === tool;
    const args = tool.parameters ? valueFromPrompt(tool.parameters, userText, again ? 1 : 0) : {};
    const first = JSON.stringify(args);
    // A second call to the same tool asks about somewhere else, as a model would.
    const text =
      again && placeCount(userText) < 2
        ? first.replaceAll("San Francisco, CA", "Paris, France")
        : first;
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
  // JSON mode has no schema of its own: the shape is shown in the instructions or, as
  // LangChain's jsonMode documentation has it, in the user's message.
  const schema =
    request.jsonSchema?.schema ?? schemaInText(request.instructionsText) ?? schemaInText(userText);
  const value = schema
    ? valueFromPrompt(schema, userText)
    : { answer: "A scripted JSON answer.", question: userText };
  return [message(ids, JSON.stringify(value))];
}

/**
 * The scenario actually run: one whose tool the request does not offer (or `tool_choice`
 * rules out) answers with the default text instead, even when named explicitly.
 */
export function effectiveScenario(request: EmulatorRequest, scenario: string): string {
  if (!scenarioAvailable(request, scenario)) return "default";
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
      plan.items = functionCalls(request, userText, ids, false);
      break;
    case "parallel-function-calls":
      plan.items = functionCalls(request, userText, ids, true);
      break;
    case "custom-tool-calls":
      plan.items = customToolCalls(request, userText, ids);
      break;
    case "apply-patch":
      plan.items = applyPatch(userText, ids);
      break;
    case "shell":
      plan.items = shell(request, userText, ids);
      break;
    case "local-shell":
      plan.items = localShell(userText, ids);
      break;
    case "tool-search":
      plan.items = toolSearch(request, userText, ids);
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
      plan.items = codeInterpreter(context);
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
      // Only reasoning models reason; others answer the same question without it.
      plan.items = request.api === "responses" && request.reasoningModel ? [reasoning] : [];
      plan.items.push(message(ids, reasoningAnswer(userText)));
      plan.reasoningTokens = request.reasoningModel ? 128 : 0;
      break;
    }
    case "structured-output":
      plan.items = structuredOutput(request, userText, ids);
      break;
    case "tool-results":
      plan.items = [message(ids, toolResultsAnswer(request.toolOutputs))];
      break;
    default:
      // A spoken answer has no markdown to read out.
      plan.items = [
        message(ids, request.audioOutput ? spokenAnswer(userText) : defaultAnswer(userText)),
      ];
  }
  // Past `context_management`'s threshold the response ends with the compacted conversation.
  if (
    request.compactThreshold !== undefined &&
    countTokens(request.inputText) >= request.compactThreshold
  ) {
    plan.items.push(compaction(ids, request.inputText));
  }
  const limited = limitOutput(request, plan.items, plan.reasoningTokens);
  return limited.incomplete ? { ...plan, ...limited } : plan;
}
