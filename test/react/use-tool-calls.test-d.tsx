import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { defineTool } from "../../src/core/tools/define-tool.js";
import { useChat, useToolCalls, type PendingApproval } from "../../src/react/index.js";
import type { ToolArgs } from "../../src/core/tools/types.js";
import {
  defineApplyPatchTool,
  defineLocalShellTool,
  defineToolSearch,
  type ApplyPatchOperation,
  type ClientRunCallPart,
  type ShellCommand,
} from "../../src/core/index.js";

describe("useToolCalls types", () => {
  it("infers tool arguments and results from zod", () => {
    const weather = defineTool({
      name: "weather",
      parameters: z.object({ city: z.string(), unit: z.enum(["c", "f"]).optional() }),
      execute: async (args) => {
        expectTypeOf(args).toEqualTypeOf<{ city: string; unit?: "c" | "f" | undefined }>();
        return { celsius: 20 };
      },
    });
    expectTypeOf<ToolArgs<typeof weather>>().toEqualTypeOf<{
      city: string;
      unit?: "c" | "f" | undefined;
    }>();

    const chat = useChat();
    const result = useToolCalls({ chat, tools: { weather }, maxSteps: 5 });
    expectTypeOf(result.pendingApprovals).toEqualTypeOf<readonly PendingApproval[]>();
    expectTypeOf(result.respondToApproval).toBeCallableWith({ id: "call_1", approve: true });
    useToolCalls({ chat: chat.store, tools: { weather } });
  });

  it("narrows pending approvals by kind", () => {
    const approval = {} as PendingApproval;
    if (approval.kind === "tool")
      expectTypeOf(approval.part.state).toEqualTypeOf<"approval-requested">();
    if (approval.kind === "mcp")
      expectTypeOf(approval.part.type).toEqualTypeOf<"mcp-approval-request">();
  });

  it("takes the client-run built-ins beside function tools, with typed operations and commands", () => {
    const applyPatch = defineApplyPatchTool({
      apply: (operation) => {
        expectTypeOf(operation).toEqualTypeOf<ApplyPatchOperation>();
        expectTypeOf(operation.type).toEqualTypeOf<"create_file" | "delete_file" | "update_file">();
        return `Applied ${operation.path}`;
      },
    });
    const shell = defineLocalShellTool({
      run: (command) => {
        expectTypeOf(command).toEqualTypeOf<ShellCommand>();
        return { stdout: "", exitCode: 0 };
      },
      needsApproval: (commands) => commands.some((c) => c.command.startsWith("rm")),
    });
    const weather = defineTool({ name: "weather", parameters: z.object({ city: z.string() }) });
    const search = defineToolSearch({ tools: [weather], search: () => ["weather"] });
    const chat = useChat();
    useToolCalls({ chat, tools: { apply_patch: applyPatch, shell, tool_search: search, weather } });
    // @ts-expect-error: run must return the command's result
    defineLocalShellTool({ run: () => "done" });
  });

  it("narrows a client-run pending approval to the call part", () => {
    const approval = {} as PendingApproval;
    if (approval.kind === "client-run") {
      expectTypeOf(approval.part).toEqualTypeOf<ClientRunCallPart>();
      expectTypeOf(approval.id).toEqualTypeOf<string>();
    }
  });

  it("rejects what is not a tool definition", () => {
    const chat = useChat();
    // @ts-expect-error: tools must be defineTool definitions
    useToolCalls({ chat, tools: { weather: { name: "weather" } } });
  });
});
