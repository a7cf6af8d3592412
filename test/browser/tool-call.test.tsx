import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Part, ToolCallPart } from "../../src/core/index.js";
import {
  ApplyPatchCall,
  CodeInterpreterCall,
  McpApprovalRequest,
  McpCall,
  McpListTools,
  ShellCall,
  ToolCall,
} from "../../src/ui/index.js";
import {
  THEMES,
  axeViolations,
  mount,
  recordedMessages,
  recordedParts,
  saveScreenshot,
  type Mounted,
} from "./component-harness.js";

let available = false;
let mounted: Mounted | undefined;

beforeAll(async () => {
  available = (await recordedMessages("azure-code-interpreter.json")).length > 0;
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

function Stack({ children }: { children: React.ReactNode }) {
  return <div style={{ display: "flex", flexDirection: "column", gap: 12 }}>{children}</div>;
}

async function functionCalls(): Promise<ToolCallPart[]> {
  return recordedParts("function-call-roundtrip.session.json", "tool-call");
}

describe.each(THEMES)("tool calls from the recordings (%s)", (theme) => {
  it("renders function and custom tool calls in every state", async ({ skip }) => {
    if (!available) skip("recordings not present");
    const [call] = await functionCalls();
    expect(call).toBeDefined();
    const custom = (
      await recordedParts("custom-tool-call-lark-grammar.cassette.yaml", "tool-call")
    )[0];
    expect(custom?.kind).toBe("custom");
    const streaming: ToolCallPart = {
      ...call!,
      state: "input-streaming",
      inputText: call!.inputText.slice(0, Math.ceil(call!.inputText.length / 2)),
      input: undefined,
    } as ToolCallPart;
    const approval = { ...call!, state: "approval-requested", input: call!.input } as ToolCallPart;
    const done = {
      ...call!,
      state: "output-available",
      output: { temperature: 18, unit: "celsius" },
    } as ToolCallPart;
    const failed = {
      ...call!,
      state: "output-error",
      errorText: "The weather service timed out.",
    } as ToolCallPart;
    mounted = await mount(
      <Stack>
        <ToolCall part={streaming} />
        <ToolCall part={approval} onApprove={() => {}} onDeny={() => {}} />
        <ToolCall part={done} />
        <ToolCall part={failed} />
        <ToolCall part={custom!} />
      </Stack>,
      theme,
    );
    expect(mounted.root.querySelectorAll(".colloquy-tool-card")).toHaveLength(5);
    expect(
      mounted.root.querySelector('[data-state="input-available"][data-kind="custom-tool-call"]'),
    ).not.toBeNull();
    expect(await axeViolations(mounted.root)).toEqual([]);
    await saveScreenshot(mounted.root, `tool-call-${theme}`);
  });

  it("renders code interpreter calls", async ({ skip }) => {
    if (!available) skip("recordings not present");
    const parts = [
      ...(await recordedParts("azure-code-interpreter.json", "code-interpreter-call")),
      ...(await recordedParts(
        "code-interpreter-image-output-stream.cassette.yaml",
        "code-interpreter-call",
      )),
    ];
    expect(parts.length).toBeGreaterThan(0);
    mounted = await mount(
      <Stack>
        {parts.map((part) => (
          <CodeInterpreterCall key={part.id} part={part} />
        ))}
      </Stack>,
      theme,
    );
    expect(mounted.root.textContent).toContain("Generated numbers:");
    expect(await axeViolations(mounted.root)).toEqual([]);
    await saveScreenshot(mounted.root, `code-interpreter-call-${theme}`);
  });

  it("renders MCP list-tools, calls and approval requests", async ({ skip }) => {
    if (!available) skip("recordings not present");
    const messages = await recordedMessages("mcp-list-tools-and-calls.json");
    const approvals = await recordedParts("mcp-approval.1-request.json", "mcp-approval-request");
    const parts: Part[] = [...messages.flatMap((message) => message.parts), ...approvals];
    const listTools = parts.filter((part) => part.type === "mcp-list-tools");
    const calls = parts.filter((part) => part.type === "mcp-call");
    expect(listTools.length).toBeGreaterThan(0);
    expect(calls.length).toBeGreaterThan(0);
    expect(approvals.length).toBeGreaterThan(0);
    mounted = await mount(
      <Stack>
        {listTools.map((part) => (
          <McpListTools key={part.id} part={part} />
        ))}
        {calls.map((part) => (
          <McpCall key={part.id} part={part} />
        ))}
        {approvals.map((part) => (
          <McpApprovalRequest key={part.id} part={part} onApprove={() => {}} onDeny={() => {}} />
        ))}
      </Stack>,
      theme,
    );
    expect(mounted.root.querySelectorAll(".colloquy-tool-card__tool").length).toBeGreaterThan(0);
    expect(await axeViolations(mounted.root)).toEqual([]);
    await saveScreenshot(mounted.root, `mcp-${theme}`);
  });

  it("renders shell calls with outputs and apply-patch operations", async ({ skip }) => {
    if (!available) skip("recordings not present");
    const hosted = (await recordedMessages("shell-call-hosted-container.json")).flatMap(
      (m) => m.parts,
    );
    const local = await recordedParts("shell-call-local.json", "shell-call");
    const shellCalls = [...hosted.filter((part) => part.type === "shell-call"), ...local];
    const outputs = hosted.filter((part) => part.type === "shell-call-output");
    const patches = [
      ...(await recordedParts("apply-patch-call.json", "apply-patch-call")),
      ...(await recordedParts("apply-patch-update-file.session.json", "apply-patch-call")),
    ];
    expect(shellCalls.length).toBeGreaterThan(0);
    expect(patches.length).toBeGreaterThan(0);
    mounted = await mount(
      <Stack>
        {shellCalls.slice(0, 3).map((part) => (
          <ShellCall
            key={part.id}
            part={part}
            output={outputs.find(
              (output) =>
                (output.item as { call_id?: string }).call_id ===
                (part.item as { call_id: string }).call_id,
            )}
          />
        ))}
        {patches.map((part) => (
          <ApplyPatchCall key={part.id} part={part} />
        ))}
      </Stack>,
      theme,
    );
    expect(mounted.root.querySelector('[data-kind="added"]')).not.toBeNull();
    expect(await axeViolations(mounted.root)).toEqual([]);
    await saveScreenshot(mounted.root, `shell-and-patch-${theme}`);
  });
});
