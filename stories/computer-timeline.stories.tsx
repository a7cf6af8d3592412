import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { createChatClient, type ComputerCallPart, type Message } from "../src/core/index.js";
import { renderPictureBase64 } from "../src/testing/index.js";
import { ComputerTimeline } from "../src/ui/index.js";
import { emulatorFetch } from "./support/emulator-fetch.js";
import { partOf } from "./support/parts.js";

const screenshot = `data:image/png;base64,${renderPictureBase64({ size: 256, seed: "desktop" })}`;
const tool = {
  type: "computer_use_preview",
  display_width: 512,
  display_height: 512,
  environment: "browser",
} as const;

/** A scripted computer-use loop against the in-browser emulator, one call per step. */
async function computerSteps(count: number): Promise<ComputerCallPart[]> {
  const client = createChatClient({
    baseURL: "/api/openai/v1",
    api: "responses",
    model: "computer-use-preview",
    fetch: emulatorFetch({ pace: "instant" }),
  });
  const conversation: Message[] = [
    {
      id: "task",
      role: "user",
      parts: [{ type: "text", text: "Use the computer to open the settings page." }],
      metadata: {},
      status: "complete",
    },
  ];
  const steps: ComputerCallPart[] = [];
  for (let i = 0; i < count; i++) {
    const answer = await client.invoke(conversation, { tools: [tool], truncation: "auto" });
    const call = partOf(answer, "computer-call");
    const done: ComputerCallPart = { ...call, output: { imageUrl: screenshot } };
    steps.push(done);
    conversation.push({ ...answer, parts: answer.parts.map((p) => (p === call ? done : p)) });
  }
  return steps;
}

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
