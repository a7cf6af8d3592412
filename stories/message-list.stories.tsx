import type { Meta, StoryObj } from "@storybook/react-vite";
import type { Message } from "../src/core/index.js";
import { MessageList } from "../src/ui/index.js";
import { recordings, type RecordingName } from "./support/recordings.js";
import { replayRecording } from "./support/replay.js";
import { ReplayControls } from "./support/replay-controls.js";
import { useReplay } from "./support/use-replay.js";

function question(id: string, text: string): Message {
  return { id, role: "user", parts: [{ type: "text", text }], metadata: {}, status: "complete" };
}

function answer(name: RecordingName, id: string): Message {
  return { ...replayRecording(recordings[name]), id };
}

const conversation: Message[] = [
  question("q1", "Search the web for this week's tech news."),
  answer("webSearch", "a1"),
  question("q2", "Draw me a picture of it."),
  answer("imagePartial", "a2"),
  question("q3", "Work out the numbers step by step."),
  answer("reasoning", "a3"),
];

function Streaming() {
  const replay = useReplay(recordings.codeInterpreter);
  const messages = [
    question("q", "Use Python to analyse the data."),
    { ...replay.message, id: "a" },
  ];
  return (
    <div style={{ height: 560, display: "flex", flexDirection: "column" }}>
      <ReplayControls replay={replay} total={recordings.codeInterpreter.events.length} />
      <MessageList messages={messages} usage="compact" style={{ flex: 1, minHeight: 0 }} />
    </div>
  );
}

const meta = {
  title: "Messages/MessageList",
  component: MessageList,
  args: { messages: conversation, usage: "compact" },
  decorators: [
    (Story) => (
      <div style={{ height: 560, display: "flex", flexDirection: "column" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof MessageList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No messages: the empty slot. */
export const Empty: Story = {
  args: { messages: [], empty: <p>Ask anything to start.</p> },
};

/** A recorded code interpreter answer streaming into the list. */
export const StreamingAnswer: Story = { render: () => <Streaming /> };

/** Web search, image generation and reasoning answers, all recorded. */
export const Complete: Story = {};

/** A long conversation (scroll up to leave the bottom; "jump to latest" appears). */
export const LongContent: Story = {
  args: {
    messages: [
      ...conversation,
      question("q4", "And summarise everything at length."),
      answer("longAnswer", "a4"),
    ],
  },
};

/** Dark palette. */
export const Dark: Story = { globals: { theme: "dark" } };
