import type { Meta, StoryObj } from "@storybook/react-vite";
import { Logprobs } from "../src/ui/index.js";
import { partOf } from "./support/parts.js";
import { recordings } from "./support/recordings.js";
import { replayRecording } from "./support/replay.js";

const recorded = recordings.chatLogprobs;
const done = partOf(replayRecording(recorded), "text");

const meta = {
  title: "Parts/Logprobs",
  component: Logprobs,
  args: { part: done },
} satisfies Meta<typeof Logprobs>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Text without logprobs. */
export const Empty: Story = { args: { part: { logprobs: [] } } };

/** Halfway through the recorded stream. */
export const Streaming: Story = {
  args: {
    part: partOf(replayRecording(recorded, Math.ceil(recorded.events.length / 2)), "text"),
  },
};

/** Every token tinted by the model's confidence (recorded Chat Completions logprobs). */
export const Complete: Story = {};

/** Dark palette. */
export const Dark: Story = { globals: { theme: "dark" } };
