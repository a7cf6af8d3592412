import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import type { ComputerCallPart } from "../src/core/index.js";
import { ComputerTimeline } from "../src/ui/index.js";
import { computerSteps } from "./support/computer-steps.js";

type Loaded = { steps: ComputerCallPart[] };

const meta = {
  title: "Computer use/ComputerTimeline",
  component: ComputerTimeline,
  args: { parts: [], onSelect: fn() },
  loaders: [async () => ({ steps: await computerSteps(3) })],
  render: (args, { loaded }) => (
    <ComputerTimeline {...args} parts={args.parts.length ? args.parts : (loaded as Loaded).steps} />
  ),
} satisfies Meta<typeof ComputerTimeline>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No steps yet. */
export const Empty: Story = {
  render: (args) => <ComputerTimeline {...args} parts={[]} />,
};

/** The last step still running: its screenshot has not come back. */
export const Streaming: Story = {
  render: (args, { loaded }) => {
    const steps = (loaded as Loaded).steps;
    const last = steps.at(-1)!;
    const running: ComputerCallPart = { ...last, state: "in-progress", output: undefined };
    return <ComputerTimeline {...args} parts={[...steps.slice(0, -1), running]} />;
  },
};

/** Three steps of the loop; choosing a step reports its index. */
export const Complete: Story = {
  args: { selectedIndex: 2 },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const buttons = await canvas.findAllByRole("button");
    await userEvent.click(buttons[0]!);
    await expect(args.onSelect).toHaveBeenCalledWith(0);
  },
};

/** Dark palette. */
export const Dark: Story = { args: { selectedIndex: 0 }, globals: { theme: "dark" } };
