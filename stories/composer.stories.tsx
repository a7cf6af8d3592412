import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { Composer } from "../src/ui/index.js";

const meta = {
  title: "Input/Composer",
  component: Composer,
  args: { onSend: fn(), onStop: fn(), status: "ready" },
} satisfies Meta<typeof Composer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Empty and ready: typing and Enter sends, the box clears. */
export const Empty: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const box = canvas.getByRole("textbox", { name: "Message" });
    await userEvent.type(box, "Hello there{Enter}");
    await expect(args.onSend).toHaveBeenCalledWith(
      expect.objectContaining({ text: "Hello there", files: [] }),
    );
    await expect(box).toHaveValue("");
  },
};

/** Shift+Enter makes a new line instead of sending; the Send button sends. */
export const Multiline: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const box = canvas.getByRole("textbox", { name: "Message" });
    await userEvent.type(box, "first{Shift>}{Enter}{/Shift}second");
    await expect(args.onSend).not.toHaveBeenCalled();
    await userEvent.click(canvas.getByRole("button", { name: "Send" }));
    await expect(args.onSend).toHaveBeenCalledWith(
      expect.objectContaining({ text: "first\nsecond" }),
    );
  },
};

/** While an answer streams, the button stops it. */
export const Streaming: Story = {
  args: { status: "streaming" },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Stop" }));
    await expect(args.onStop).toHaveBeenCalledTimes(1);
  },
};

/** After a failed request. */
export const Error: Story = { args: { status: "error" } };

/** Disabled. */
export const Disabled: Story = { args: { disabled: true } };

/** A long draft grows the box up to its limit. */
export const LongContent: Story = {
  args: { defaultValue: Array.from({ length: 30 }, (_, i) => `Line ${i + 1}`).join("\n") },
};

/** Dark palette. */
export const Dark: Story = { globals: { theme: "dark" } };
