import type { Meta, StoryObj } from "@storybook/react-vite";
import { createChatClient, type ComputerCallPart, type Message } from "../src/core/index.js";
import { renderPictureBase64 } from "../src/testing/index.js";
import { ComputerScreenshot, ComputerTimeline } from "../src/ui/index.js";
import { emulatorFetch } from "./support/emulator-fetch.js";
import { partOf } from "./support/parts.js";

const SCREEN = { width: 512, height: 512 };
const screenshot = `data:image/png;base64,${renderPictureBase64({ size: 512, seed: "desktop" })}`;
const tool = {
  type: "computer_use_preview",
  display_width: SCREEN.width,
  display_height: SCREEN.height,
  environment: "browser",
} as const;

/**
 * A scripted computer-use loop against the in-browser emulator (there is no streamed
 * computer-use recording): the first step asks for a screenshot, the app answers with one,
 * and the next step acts on it.
 */
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
