import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import type { Message as MessageModel } from "../src/core/index.js";
import { Message } from "../src/ui/index.js";
import { recordings } from "./support/recordings.js";
import { replayRecording, type Recording } from "./support/replay.js";
import { ReplayControls } from "./support/replay-controls.js";
import { useReplay } from "./support/use-replay.js";

function Replayed({ recording }: { recording: Recording }) {
  const replay = useReplay(recording);
  return (
    <>
      <ReplayControls replay={replay} total={recording.events.length} />
      <Message message={replay.message} usage="detailed" />
    </>
  );
}

const complete = replayRecording(recordings.responsesText);

const meta = {
  title: "Messages/Message",
  component: Message,
  args: { message: complete, usage: "compact" },
} satisfies Meta<typeof Message>;

export default meta;
type Story = StoryObj<typeof meta>;

/** An answer that has not produced anything yet: the typing indicator. */
export const Empty: Story = {
  args: {
    message: { id: "empty", role: "assistant", parts: [], metadata: {}, status: "in-progress" },
  },
};

/** A recorded Responses stream replayed at a model's pace; press Replay to watch again. */
export const Streaming: Story = {
  render: () => <Replayed recording={recordings.webSearch} />,
};

/** The web search recording stopped halfway: open text, citations so far. */
export const FrozenMidStream: Story = {
  args: {
    message: replayRecording(
      recordings.webSearch,
      Math.floor(recordings.webSearch.events.length / 2),
    ),
  },
};

/** A finished answer with its token usage. */
export const Complete: Story = {
  args: { message: complete, usage: "detailed" },
};

/** Chat Completions: the same component for the other API's recording. */
export const CompleteChatCompletions: Story = {
  args: { message: replayRecording(recordings.chatText) },
};

/** A stream that failed (`error` event, then `response.failed`). */
export const Error: Story = {
  args: { message: replayRecording(recordings.failed) },
};

/** An answer the user stopped: what arrived stays, marked as stopped. */
export const Aborted: Story = {
  args: {
    message: {
      ...replayRecording(recordings.chatText, Math.floor(recordings.chatText.events.length / 3)),
      status: "aborted",
    } satisfies MessageModel,
  },
};

/** An MCP call waiting for the user: approve or deny. */
export const ApprovalRequested: Story = {
  args: {
    message: replayRecording(recordings.mcpApproval),
    onApproveToolCall: fn(),
    onDenyToolCall: fn(),
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const approve = await canvas.findByRole("button", { name: /approve/i });
    await userEvent.click(approve);
    await expect(args.onApproveToolCall).toHaveBeenCalledTimes(1);
  },
};

/** A very long recorded answer (800+ deltas). */
export const LongContent: Story = {
  args: { message: replayRecording(recordings.longAnswer) },
};

/** The web search answer in the dark palette. */
export const Dark: Story = {
  args: { message: replayRecording(recordings.webSearch), usage: "detailed" },
  globals: { theme: "dark" },
};
