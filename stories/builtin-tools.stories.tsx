import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import applyPatchBody from "@captures/responses/apply-patch-call.json?raw";
import codeInterpreterBody from "@captures/responses/azure-code-interpreter.json?raw";
import codeInterpreterChunks from "@captures/responses/azure-code-interpreter.chunks.jsonl?raw";
import mcpApprovalBody from "@captures/responses/mcp-approval.1-request.json?raw";
import mcpCallsBody from "@captures/responses/mcp-list-tools-and-calls.json?raw";
import shellBody from "@captures/responses/shell-call-local.json?raw";
import {
  ApplyPatchCall,
  CodeInterpreterCall,
  McpApprovalRequest,
  McpCall,
  McpListTools,
  ShellCall,
} from "../src/ui/index.js";
import { eventsFromChunks, firstCall } from "./support/parse-recording.js";
import { partOf } from "./support/parts.js";
import { messageFromBody, replayRecording, type Recording } from "./support/replay.js";

const fromBody = (text: string) => messageFromBody("responses", JSON.parse(text));

const codeInterpreter = partOf(fromBody(codeInterpreterBody), "code-interpreter-call");
const codeInterpreterStream: Recording = {
  api: "responses",
  events: firstCall(eventsFromChunks(codeInterpreterChunks)),
};
const codeInterpreterMidway = partOf(
  replayRecording(
    codeInterpreterStream,
    codeInterpreterStream.events.findIndex(
      (event) => event.type === "response.code_interpreter_call_code.done",
    ),
  ),
  "code-interpreter-call",
);
const mcpCallsMessage = fromBody(mcpCallsBody);
const mcpCall = partOf(mcpCallsMessage, "mcp-call");
const mcpListTools = partOf(mcpCallsMessage, "mcp-list-tools");
const mcpApproval = partOf(fromBody(mcpApprovalBody), "mcp-approval-request");
const shellCall = partOf(fromBody(shellBody), "shell-call");
const applyPatch = partOf(fromBody(applyPatchBody), "apply-patch-call");

/** Every built-in tool's card, one after another. */
function AllTools({ onApprove, onDeny }: { onApprove?: () => void; onDeny?: () => void }) {
  return (
    <div style={{ display: "grid", gap: "1rem" }}>
      <CodeInterpreterCall part={codeInterpreter} />
      <McpListTools part={mcpListTools} />
      <McpCall part={mcpCall} />
      <McpApprovalRequest part={mcpApproval} onApprove={onApprove} onDeny={onDeny} />
      <ShellCall part={shellCall} />
      <ApplyPatchCall part={applyPatch} />
    </div>
  );
}

const meta = {
  title: "Tools/Built-in tools",
  component: AllTools,
  args: { onApprove: fn(), onDeny: fn() },
} satisfies Meta<typeof AllTools>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every recorded built-in tool call, complete. */
export const Complete: Story = {};

/** Code interpreter: the code still streaming (recording frozen before the code ends). */
export const CodeInterpreterStreaming: Story = {
  render: () => <CodeInterpreterCall part={codeInterpreterMidway} />,
};

/** Code interpreter: the recorded call with its outputs. */
export const CodeInterpreterComplete: Story = {
  render: () => <CodeInterpreterCall part={codeInterpreter} />,
};

/** Code interpreter that failed. */
export const CodeInterpreterFailed: Story = {
  render: () => <CodeInterpreterCall part={{ ...codeInterpreter, state: "failed" }} />,
};

/** MCP: the tools a server offers. */
export const McpListToolsComplete: Story = {
  render: () => <McpListTools part={mcpListTools} />,
};

/** MCP: a recorded call with its output. */
export const McpCallComplete: Story = {
  render: () => <McpCall part={mcpCall} />,
};

/** MCP: a call whose server returned an error. */
export const McpCallError: Story = {
  render: () => (
    <McpCall
      part={{
        ...mcpCall,
        state: "failed",
        item: { ...mcpCall.item, output: null, error: "The MCP server timed out." },
      }}
    />
  ),
};

/** MCP: waiting for the user; approve and deny call the app. */
export const ApprovalRequested: Story = {
  render: (args) => (
    <McpApprovalRequest part={mcpApproval} onApprove={args.onApprove} onDeny={args.onDeny} />
  ),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: /deny/i }));
    await expect(args.onDeny).toHaveBeenCalledTimes(1);
    await userEvent.click(canvas.getByRole("button", { name: /approve/i }));
    await expect(args.onApprove).toHaveBeenCalledTimes(1);
  },
};

/** MCP: the user already approved. */
export const ApprovalGiven: Story = {
  render: () => <McpApprovalRequest part={{ ...mcpApproval, decision: { approve: true } }} />,
};

/** A local shell command (recorded). */
export const ShellCallComplete: Story = {
  render: () => <ShellCall part={shellCall} />,
};

/** apply_patch: the recorded file operation and its diff. */
export const ApplyPatchCallComplete: Story = {
  render: () => <ApplyPatchCall part={applyPatch} />,
};

/** Dark palette. */
export const Dark: Story = { globals: { theme: "dark" } };
