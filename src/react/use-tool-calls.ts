import { useEffect, useMemo, useRef, useState } from "react";
import type { ChatStore } from "../core/chat/chat-store.js";
import {
  attachToolRunner,
  type ComputerExecutor,
  type RunnableTool,
  type ToolRunner,
} from "../core/chat/tool-runner.js";
import type { ApprovalResponse, ChatState } from "../core/chat/types.js";
import type { ToolInput } from "../core/client/types.js";
import type { ComputerCallPart, McpApprovalRequestPart } from "../core/model/builtin-tool-parts.js";
import type { ToolCallApprovalRequested } from "../core/model/tool-call-part.js";
import { isClientRunCall, type ClientRunCallPart } from "../core/tools/client-run-calls.js";
import type { ToolExecuteContext } from "../core/tools/types.js";
import { shallowEqual, useChatSelector } from "./use-chat-selector.js";

/** Options of `useToolCalls`. */
export interface UseToolCallsOptions<Tools extends Readonly<Record<string, RunnableTool>>> {
  /** The chat to run tools for: `useChat`'s result or its store. */
  chat: ChatStore | { store: ChatStore };
  /**
   * The tools, by name: `defineTool` / `defineCustomTool` definitions and the built-ins the
   * app runs (`defineApplyPatchTool`, `defineLocalShellTool`, `defineToolSearch`). Their
   * `execute` may change between renders.
   */
  tools: Tools;
  /** Built-in tools offered alongside (web search, MCP servers, computer use). */
  builtinTools?: readonly ToolInput[];
  /** Model requests per user turn (the first answer included) before stopping with a `max_steps` error. Default 10. */
  maxSteps?: number;
  /** Performs computer-use actions and returns a screenshot. */
  computer?: ComputerExecutor;
  /** Called when a tool throws (the error text also goes to the model). */
  onToolError?: (error: unknown, toolName: string) => void;
}

/** A request waiting for the user's decision. */
export type PendingApproval =
  | { kind: "tool"; id: string; part: ToolCallApprovalRequested }
  | { kind: "mcp"; id: string; part: McpApprovalRequestPart }
  | { kind: "computer"; id: string; part: ComputerCallPart }
  | { kind: "client-run"; id: string; part: ClientRunCallPart };

/** What `useToolCalls` returns. */
export interface UseToolCallsResult {
  /**
   * Calls waiting for approval: tools with `needsApproval`, MCP requests, computer safety
   * checks, and built-in calls the app runs (a local shell command, by default).
   */
  pendingApprovals: readonly PendingApproval[];
  /** Decides on one pending approval (any of the three kinds, by its `id`). */
  respondToApproval: (response: ApprovalResponse) => void;
}

/**
 * Runs the assistant's tool calls in the browser: arguments validated against each tool's
 * schema (invalid ones go back to the model as errors), approvals for tools that need
 * them, parallel calls run concurrently, results sent back, and the loop continues until
 * the model answers or `maxSteps` is reached.
 */
export function useToolCalls<Tools extends Readonly<Record<string, RunnableTool>>>(
  options: UseToolCallsOptions<Tools>,
): UseToolCallsResult {
  const store = "store" in options.chat ? options.chat.store : options.chat;
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const names = Object.keys(options.tools).sort().join(",");
  const [runner, setRunner] = useState<ToolRunner | undefined>(undefined);
  const { maxSteps, builtinTools } = options;
  const hasComputer = options.computer !== undefined;

  useEffect(() => {
    // Each tool calls through to the latest render's definition, so closures stay fresh.
    const tools = Object.entries(latest.current.tools).map(([key, tool]) => ({
      ...tool,
      execute:
        tool.execute &&
        ((args: unknown, context: ToolExecuteContext) => {
          const current = latest.current.tools[key]?.execute as
            ((args: unknown, context: ToolExecuteContext) => unknown) | undefined;
          return current?.(args, context);
        }),
    })) as RunnableTool[];
    const attached = attachToolRunner(store, {
      tools,
      ...(builtinTools ? { builtinTools } : {}),
      ...(maxSteps === undefined ? {} : { maxSteps }),
      ...(hasComputer
        ? { computer: (action, context) => latest.current.computer!(action, context) }
        : {}),
      onToolError: (error, part) =>
        latest.current.onToolError?.(error, part.type === "tool-call" ? part.toolName : part.type),
    });
    setRunner(attached);
    return () => attached.detach();
  }, [store, names, maxSteps, builtinTools, hasComputer]);

  const pendingApprovals = useChatSelector(store, selectPendingApprovals, shallowEqualApprovals);

  const respondToApproval = useMemo(
    () => (response: ApprovalResponse) => {
      const computer = pendingApprovals.find((p) => p.kind === "computer" && p.id === response.id);
      if (computer) runner?.respondToSafetyChecks(response.id, response.approve);
      else store.respondToApproval(response);
    },
    [store, runner, pendingApprovals],
  );
  return { pendingApprovals, respondToApproval };
}

function selectPendingApprovals(state: ChatState): PendingApproval[] {
  const last = state.messages.at(-1);
  if (!last || last.role !== "assistant") return [];
  const pending: PendingApproval[] = [];
  for (const part of last.parts) {
    if (part.type === "tool-call" && part.state === "approval-requested") {
      pending.push({ kind: "tool", id: part.toolCallId, part });
    } else if (part.type === "mcp-approval-request" && part.decision === undefined) {
      pending.push({ kind: "mcp", id: part.item.id, part });
    } else if (
      part.type === "computer-call" &&
      part.output === undefined &&
      part.state === "completed" &&
      (part.item.pending_safety_checks ?? []).length > 0
    ) {
      pending.push({ kind: "computer", id: part.id, part });
    } else if (isClientRunCall(part) && part.approval === "requested" && !part.output) {
      pending.push({ kind: "client-run", id: String(part.item.call_id ?? part.id), part });
    }
  }
  return pending;
}

function shallowEqualApprovals(
  a: readonly PendingApproval[],
  b: readonly PendingApproval[],
): boolean {
  return shallowEqual(
    a.map((p) => p.part),
    b.map((p) => p.part),
  );
}
