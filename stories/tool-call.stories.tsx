import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import type { ToolCallPart } from "../src/core/index.js";
import { ToolCall } from "../src/ui/index.js";
import { partOf } from "./support/parts.js";
import { recordings } from "./support/recordings.js";
import { replayRecording } from "./support/replay.js";

const recorded = recordings.chatToolCall;
const done = partOf(replayRecording(recorded), "tool-call");
const streaming = partOf(
  replayRecording(recorded, Math.floor(recorded.events.length / 2)),
  "tool-call",
);

function inState(state: "approval-requested" | "output-available" | "output-error"): ToolCallPart {
  const base = { ...done, input: done.input ?? {} } as Record<string, unknown>;
  delete base.output;
  delete base.errorText;
  if (state === "approval-requested")
    return { ...base, state, approvalId: "approval-1" } as ToolCallPart;
  if (state === "output-available")
    return { ...base, state, output: { temperature: 18, unit: "celsius" } } as ToolCallPart;
  return {
    ...base,
    state,
    errorText: "The weather service timed out. Try again later.",
  } as ToolCallPart;
}

const meta = {
  title: "Parts/ToolCall",
  component: ToolCall,
  args: { part: done, onApprove: fn(), onDeny: fn() },
} satisfies Meta<typeof ToolCall>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Arguments still streaming (recorded Chat Completions call, halfway). */
export const Streaming: Story = { args: { part: streaming } };

/** Arguments complete, waiting for the app to run the tool. */
export const Complete: Story = {};

/** Waiting for the user: approve runs it, deny refuses. */
export const ApprovalRequested: Story = {
  args: { part: inState("approval-requested") },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: /deny/i }));
    await expect(args.onDeny).toHaveBeenCalledTimes(1);
    await userEvent.click(canvas.getByRole("button", { name: /approve/i }));
    await expect(args.onApprove).toHaveBeenCalledTimes(1);
  },
};

/** The tool's result. */
export const OutputAvailable: Story = { args: { part: inState("output-available") } };

/** The tool failed. */
export const Error: Story = { args: { part: inState("output-error") } };

/** Dark palette. */
export const Dark: Story = {
  args: { part: inState("approval-requested") },
  globals: { theme: "dark" },
};
