import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { PromptLab } from "../playground/src/prompt-lab/prompt-lab.js";
import { emulatorFetch } from "./support/emulator-fetch.js";

const meta = {
  title: "Playground/Prompt playground",
  component: PromptLab,
  args: { endpoint: "/api/openai/v1", fetch: emulatorFetch({ pace: "instant" }) },
} satisfies Meta<typeof PromptLab>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Two variants over two inputs, answered by the in-browser emulator. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: /^Run 4 requests$/ }));
    const results = within(canvas.getByRole("region", { name: "Results" }));
    await expect(await results.findAllByText("Est. cost")).toHaveLength(4);
    await canvas.findByRole("button", { name: /^Run 4 requests$/ }, { timeout: 20_000 });
    await expect(results.queryAllByText("running…")).toHaveLength(0);
  },
};

/** At a model's pace, so the grid fills in as the answers stream. */
export const Streaming: Story = {
  args: { fetch: emulatorFetch({ pace: "realistic" }) },
};

/** Dark palette. */
export const Dark: Story = { globals: { theme: "dark" } };
