import type { Meta, StoryObj } from "@storybook/react-vite";
import { TokenUsage } from "../src/ui/index.js";
import { recordings } from "./support/recordings.js";
import { replayRecording } from "./support/replay.js";

const usage = replayRecording(recordings.reasoning).metadata.usage;
const longUsage = replayRecording(recordings.longAnswer).metadata.usage;

const meta = {
  title: "Metadata/TokenUsage",
  component: TokenUsage,
  args: { usage, variant: "compact", locale: "en-US" },
} satisfies Meta<typeof TokenUsage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No usage yet (streaming): renders nothing. */
export const Empty: Story = { args: { usage: undefined } };

/** One line: input and output. */
export const Compact: Story = {};

/** Every count, with reasoning tokens (recorded reasoning stream). */
export const Detailed: Story = { args: { variant: "detailed" } };

/** Large counts with cached tokens (recorded long answer). */
export const LongContent: Story = { args: { usage: longUsage, variant: "detailed" } };

/** Dark palette. */
export const Dark: Story = { args: { variant: "detailed" }, globals: { theme: "dark" } };
