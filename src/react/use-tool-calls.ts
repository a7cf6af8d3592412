import { useEffect, useMemo, useRef } from "react";
import { pendingApprovals, type PendingApproval } from "../core/chat/approvals.js";
import type { ChatStore } from "../core/chat/chat-store.js";
import {
  attachToolRunner,
  type ComputerExecutor,
  type RunnableTool,
} from "../core/chat/tool-runner.js";
import type { ApprovalResponse, ChatState } from "../core/chat/types.js";
import type { ToolInput } from "../core/client/types.js";
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

export type { PendingApproval };

/** What `useToolCalls` returns. */
export interface UseToolCallsResult {
  /**
   * Calls waiting for approval: tools with `needsApproval`, MCP requests, computer safety
   * checks, and built-in calls the app runs (a local shell command, by default).
   */
  pendingApprovals: readonly PendingApproval[];
  /** Decides on one pending approval (any kind, by its `id`): `store.respondToApproval`. */
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
    return () => attached.detach();
  }, [store, names, maxSteps, builtinTools, hasComputer]);

  // The approvals live on the parts and are answered through the store: a selector and a call.
  const pending = useChatSelector(store, selectPendingApprovals, shallowEqualApprovals);
  const respondToApproval = useMemo(() => store.respondToApproval.bind(store), [store]);
  return { pendingApprovals: pending, respondToApproval };
}

function selectPendingApprovals(state: ChatState): PendingApproval[] {
  return pendingApprovals(state.messages.at(-1));
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
