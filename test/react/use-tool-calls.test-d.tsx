import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { defineTool } from "../../src/core/tools/define-tool.js";
import { useChat, useToolCalls, type PendingApproval } from "../../src/react/index.js";
import type { ToolArgs } from "../../src/core/tools/types.js";

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

  it("rejects what is not a tool definition", () => {
    const chat = useChat();
    // @ts-expect-error: tools must be defineTool definitions
    useToolCalls({ chat, tools: { weather: { name: "weather" } } });
  });
});
