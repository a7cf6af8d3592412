import type { ResponseComputerToolCall } from "openai/resources/responses/responses";
import type { Part } from "../model/parts.js";
import type { ComputerCallPart, ComputerCallOutput } from "../model/builtin-tool-parts.js";
import type { ToolCallPart } from "../model/tool-call-part.js";
import type { AnyToolDefinition, ToolExecuteContext } from "../tools/types.js";
import { isClientRunCall, type ClientRunCallPart } from "../tools/client-run-calls.js";
import {
  isClientRunToolDefinition,
  type AnyClientRunToolDefinition,
} from "../tools/client-run-types.js";
import type { ToolInput } from "../client/types.js";
import { parseToolArguments } from "../tools/parse-tool-arguments.js";
import type { ChatStore } from "./chat-store.js";
import { pendingApprovals } from "./approvals.js";
import { runClientCall } from "./run-client-call.js";
import { withApprovalRequested, withToolError } from "./tool-parts.js";

/** A tool the runner runs: a function or custom tool, or a built-in the app runs itself. */
export type RunnableTool = AnyToolDefinition | AnyClientRunToolDefinition;

/** What a computer-use executor gets: the action to perform, and a signal. */
export interface ComputerActionContext {
  /** The computer call id. */
  callId: string;
  /** The call's safety checks, acknowledged by the user before the action runs. */
  safetyChecks: readonly ResponseComputerToolCall.PendingSafetyCheck[];
  /** Aborted when the runner detaches. */
  signal: AbortSignal;
}

/**
 * Performs one computer-use action (click, type, scroll, screenshot, ...) and returns the
 * screenshot afterwards: a data URL (`data:image/png;base64,...`) or an uploaded file id.
 */
export type ComputerExecutor = (
  action: ResponseComputerToolCall["action"] | undefined,
  context: ComputerActionContext,
) => Promise<{ imageUrl: string } | { fileId: string }>;

/** Options of `attachToolRunner`. */
export interface ToolRunnerOptions {
  /**
   * The tools the app runs, as a list or by name: `defineTool` / `defineCustomTool`
   * definitions, and the built-ins it runs itself (`defineApplyPatchTool`,
   * `defineLocalShellTool`, `defineToolSearch`).
   */
  tools: readonly RunnableTool[] | Readonly<Record<string, RunnableTool>>;
  /** Built-in tools to offer as well (web search, MCP, computer use, ...). */
  builtinTools?: readonly ToolInput[];
  /** Model requests per user turn (first answer included); past it the chat stops with `max_steps`. Default 10. */
  maxSteps?: number;
  /** Runs computer-use actions. */
  computer?: ComputerExecutor;
  /** Called when a tool's `execute` throws (the error text also goes to the model). */
  onToolError?: (error: unknown, part: ToolCallPart | ClientRunCallPart) => void;
}

/** What the runner exposes besides detaching. */
export interface ToolRunner {
  /** Stops running tools and restores the store's request parameters. */
  detach(): void;
  /**
   * Answers a computer call's pending safety checks (by part id or call id): acknowledge and
   * run, or refuse. Ignores a call that is not waiting.
   * @deprecated Use `store.respondToApproval({ id, approve })`, the one entry point for every
   * kind of approval; this calls it.
   */
  respondToSafetyChecks(callId: string, approve: boolean): void;
  /**
   * Computer calls waiting for their safety checks to be acknowledged.
   * @deprecated Use `pendingApprovals(message)` (the `computer` ones); this reads it.
   */
  pendingSafetyChecks(): readonly ComputerCallPart[];
}

/** Numbers runner layers, so several runners on one store each keep their own tools. */
let runnerCount = 0;

/**
 * Runs the assistant's tool calls on the client: validates the arguments (invalid ones go
 * back to the model as a tool error, they do not crash), asks for approval when a tool
 * needs it, runs parallel calls concurrently, records each result in the store, and lets
 * the store continue once every call of the turn is answered, up to `maxSteps`.
 */
export function attachToolRunner(store: ChatStore, options: ToolRunnerOptions): ToolRunner {
  const { tools, clientRun, declared } = sortTools(options.tools);
  const controller = new AbortController();
  const started = new Set<string>();
  const layer = `tools:${++runnerCount}`;
  store.setRequestParams({ tools: [...(options.builtinTools ?? []), ...declared] }, layer);
  store.setMaxSteps(options.maxSteps ?? 10);

  const run = async (part: ToolCallPart) => {
    const tool = tools.get(part.toolName);
    if (!tool) {
      if (part.state === "input-available") {
        record(part, {
          errorText: `There is no tool named "${part.toolName}". Use one of: ${[...tools.keys()].join(", ")}.`,
        });
      }
      return;
    }
    // A custom tool takes the model's text as it is; only function tools have JSON arguments.
    const parsed =
      tool.kind === "custom"
        ? { ok: true as const, value: part.inputText }
        : parseToolArguments(tool, part.inputText);
    if (!parsed.ok) {
      record(part, { errorText: parsed.error });
      return;
    }
    // An approved call (the decision is on the part, so after a reload too) is not asked again.
    if (!part.decision?.approve && (await needsApproval(tool, parsed.value))) {
      store.updatePart((p) =>
        isCall(p, part.toolCallId)
          ? withApprovalRequested(p as ToolCallPart, parsed.value)
          : undefined,
      );
      started.delete(part.toolCallId);
      return;
    }
    if (!tool.execute) return;
    try {
      const execute = tool.execute as (args: unknown, context: ToolExecuteContext) => unknown;
      const output: unknown = await execute(parsed.value, {
        toolCallId: part.toolCallId,
        signal: controller.signal,
      });
      record(part, { output: output === undefined ? null : output });
    } catch (error) {
      options.onToolError?.(error, part);
      record(part, { errorText: `Tool "${tool.name}" failed: ${describe(error)}` });
    }
  };

  const record = (part: ToolCallPart, result: { output: unknown } | { errorText: string }) => {
    if (controller.signal.aborted) return;
    if ("errorText" in result) {
      store.updatePart((p) =>
        isCall(p, part.toolCallId) ? withToolError(p as ToolCallPart, result.errorText) : undefined,
      );
    } else {
      store.addToolResult({ toolCallId: part.toolCallId, output: result.output });
    }
  };

  const runComputer = async (part: ComputerCallPart) => {
    const execute = options.computer;
    if (!execute) return;
    const checks = part.item.pending_safety_checks ?? [];
    try {
      const shot = await execute(part.item.action, {
        callId: part.item.call_id,
        safetyChecks: checks,
        signal: controller.signal,
      });
      if (controller.signal.aborted) return;
      const output: ComputerCallOutput = {
        ...shot,
        ...(checks.length > 0 ? { acknowledgedSafetyChecks: checks } : {}),
      };
      store.updatePart((p) =>
        p.type === "computer-call" && p.id === part.id ? { ...p, output } : undefined,
      );
    } catch (error) {
      options.onToolError?.(error, part as unknown as ToolCallPart);
      store.updatePart(
        (p) =>
          p.type === "computer-call" && p.id === part.id ? { ...p, state: "failed" } : undefined,
        { continue: false },
      );
    }
  };

  const scan = () => {
    if (controller.signal.aborted) return;
    const { messages, status } = store.getSnapshot();
    // Only once the answer is in: a part recorded mid-stream would be overwritten by the next delta.
    if (status === "submitted" || status === "streaming") return;
    const last = messages.at(-1);
    if (!last || last.role !== "assistant" || last.status === "in-progress") return;
    // A failed or stopped answer is never sent back (retrying asks again), so running its
    // calls would only repeat their side effects.
    if (last.status === "failed" || last.status === "aborted") return;
    for (const part of last.parts) {
      if (
        part.type === "tool-call" &&
        part.state === "input-available" &&
        !started.has(part.toolCallId)
      ) {
        started.add(part.toolCallId);
        // An approval predicate that throws is reported like a failing tool.
        run(part).catch((error: unknown) => {
          options.onToolError?.(error, part);
          record(part, { errorText: `Tool "${part.toolName}" failed: ${describe(error)}` });
        });
      }
      if (
        part.type === "computer-call" &&
        part.output === undefined &&
        part.state === "completed" &&
        !started.has(part.id)
      ) {
        const checks = part.item.pending_safety_checks ?? [];
        if (checks.length > 0 && !part.decision?.approve) continue;
        started.add(part.id);
        void runComputer(part);
      }
      if (isClientRunCall(part) && part.output === undefined && part.state === "completed") {
        const tool = clientRun.find((t) => t.handles(part));
        const key = `${part.id}:${part.approval ?? ""}`;
        if (!tool || part.approval === "requested" || started.has(key)) continue;
        started.add(key);
        void runClientCall(store, part, tool, controller.signal, (error) =>
          options.onToolError?.(error, part),
        );
      }
    }
  };

  const unsubscribe = store.subscribe(scan);
  queueMicrotask(scan);

  return {
    detach() {
      controller.abort();
      unsubscribe();
      store.setRequestParams(undefined, layer);
    },
    respondToSafetyChecks(callId, approve) {
      const part = pendingComputerCalls(store).find(
        (p) => p.id === callId || p.item.call_id === callId,
      );
      if (part) store.respondToApproval({ id: part.id, approve });
    },
    pendingSafetyChecks: () => pendingComputerCalls(store),
  };
}

function pendingComputerCalls(store: ChatStore): ComputerCallPart[] {
  return pendingApprovals(store.getSnapshot().messages.at(-1)).flatMap((p) =>
    p.kind === "computer" ? [p.part] : [],
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isCall(part: Part, toolCallId: string): boolean {
  return part.type === "tool-call" && part.toolCallId === toolCallId;
}

/**
 * The function and custom tools by name (a tool search's deferred tools included, since the
 * model calls them once found), the client-run definitions, and what the request declares.
 */
function sortTools(input: ToolRunnerOptions["tools"]) {
  const list: readonly RunnableTool[] = Array.isArray(input) ? input : Object.values(input);
  const tools = new Map<string, AnyToolDefinition>();
  const clientRun: AnyClientRunToolDefinition[] = [];
  for (const tool of list) {
    if (isClientRunToolDefinition(tool)) {
      clientRun.push(tool);
      for (const deferred of tool.functionTools ?? []) tools.set(deferred.name, deferred);
    } else {
      tools.set(tool.name, tool);
    }
  }
  return { tools, clientRun, declared: list };
}

async function needsApproval(tool: AnyToolDefinition, args: unknown): Promise<boolean> {
  const rule = tool.needsApproval as boolean | ((args: unknown) => unknown) | undefined;
  if (typeof rule === "function") return Boolean(await rule(args));
  return rule === true;
}
