import type { Meta, StoryObj } from "@storybook/react-vite";
import type { ComputerCallPart } from "../src/core/index.js";
import { ComputerScreenshot, ComputerTimeline } from "../src/ui/index.js";
import { computerSteps, SCREEN, screenshot } from "./support/computer-steps.js";

const meta = {
  title: "Computer use/ComputerScreenshot",
  loaders: [async () => ({ steps: await computerSteps(3) })],
  render: (_args, { loaded }) => {
    const steps = (loaded as { steps: ComputerCallPart[] }).steps;
    const shown = steps.at(-1)!;
    return (
      <div style={{ display: "grid", gap: "1rem", maxWidth: 640 }}>
        <ComputerScreenshot part={shown} screenshot={screenshot} screenSize={SCREEN} />
        <ComputerTimeline parts={steps} selectedIndex={steps.length - 1} />
      </div>
    );
  },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** Three steps of the loop; the last action drawn on its screenshot. */
export const Complete: Story = {};

/** Dark palette. */
export const Dark: Story = { globals: { theme: "dark" } };
