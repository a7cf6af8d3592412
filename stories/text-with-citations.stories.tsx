import type { Meta, StoryObj } from "@storybook/react-vite";
import type { TextPart } from "../src/core/index.js";
import { Sources, TextWithCitations } from "../src/ui/index.js";
import { partOf } from "./support/parts.js";
import { recordings } from "./support/recordings.js";
import { replayRecording } from "./support/replay.js";

const recorded = recordings.webSearch;
const done = partOf(replayRecording(recorded), "text");
const midway = partOf(
  replayRecording(
    recorded,
    recorded.events.findIndex((event) => event.type === "response.output_text.annotation.added") +
      1,
  ),
  "text",
);

function WithSources({ part }: { part: TextPart }) {
  return (
    <>
      <TextWithCitations part={part} />
      <Sources annotations={part.annotations} text={part.text} />
    </>
  );
}

const meta = {
  title: "Citations/TextWithCitations",
  component: TextWithCitations,
  args: { part: done },
  render: (args) => <WithSources part={args.part} />,
} satisfies Meta<typeof TextWithCitations>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Text without annotations: plain markdown, no sources list. */
export const Empty: Story = { args: { part: { ...done, annotations: [] } } };

/** Frozen just after the first citation arrived. */
export const Streaming: Story = { args: { part: midway } };

/** The recorded web search answer with its numbered sources. */
export const Complete: Story = {};

/** Dark palette. */
export const Dark: Story = { globals: { theme: "dark" } };
