import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import type { ReasoningPart } from "../src/core/index.js";
import { Reasoning } from "../src/ui/index.js";
import { partOf } from "./support/parts.js";
import { recordings } from "./support/recordings.js";
import { replayRecording } from "./support/replay.js";

const done = partOf(replayRecording(recordings.reasoning), "reasoning");
const firstSummaryDelta = recordings.reasoning.events.findIndex(
  (event) => event.type === "response.reasoning_summary_text.delta",
);
const streaming = partOf(replayRecording(recordings.reasoning, firstSummaryDelta + 8), "reasoning");

const meta = {
  title: "Parts/Reasoning",
  component: Reasoning,
  args: { part: done },
} satisfies Meta<typeof Reasoning>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A reasoning item with no summary (the model thought, but said nothing about it). */
export const Empty: Story = {
  args: { part: { type: "reasoning", summary: [], state: "done" } satisfies ReasoningPart },
};

/** The summary streaming in, the panel open while the model thinks. */
export const Streaming: Story = { args: { part: streaming } };

/** Thinking finished: collapsed; the disclosure opens and closes from the keyboard too. */
export const Complete: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const trigger = canvas.getByRole("button");
    await expect(trigger).toHaveAttribute("aria-expanded", "false");
    await userEvent.click(trigger);
    await expect(trigger).toHaveAttribute("aria-expanded", "true");
    await expect(canvas.getByRole("region")).toBeVisible();
    trigger.focus();
    await userEvent.keyboard("{Enter}");
    await expect(trigger).toHaveAttribute("aria-expanded", "false");
  },
};

/** Open from the start. */
export const Open: Story = { args: { defaultOpen: true } };

/** Dark palette. */
export const Dark: Story = { args: { defaultOpen: true }, globals: { theme: "dark" } };
