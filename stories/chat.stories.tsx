import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { Chat } from "../src/ui/chat/chat.js";
import { emulatorFetch } from "./support/emulator-fetch.js";
import { recordings } from "./support/recordings.js";
import { replayRecording } from "./support/replay.js";

const conversation = [
  {
    id: "question",
    role: "user" as const,
    parts: [{ type: "text" as const, text: "What happened in tech news this week?" }],
    metadata: {},
    status: "complete" as const,
  },
  { ...replayRecording(recordings.webSearch), id: "answer" },
];

const meta = {
  title: "Chat/Chat",
  component: Chat,
  args: {
    endpoint: "/api/openai/v1",
    model: "gpt-4.1-mini",
    api: "responses",
    theme: "light",
    usage: "compact",
    chatOptions: { fetch: emulatorFetch({ pace: "instant" }), storage: null },
  },
  decorators: [
    (Story) => (
      <div style={{ height: 560, display: "flex", flexDirection: "column" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Chat>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No messages yet; sending one gets an answer from the in-browser emulator. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole("textbox", { name: "Message" }), "Hello!{Enter}");
    await expect(await canvas.findByText("Hello!")).toBeVisible();
    await canvas.findByText("Emulated answer", {}, { timeout: 20_000 });
  },
};

/** A conversation restored from a recorded web search answer. */
export const Complete: Story = {
  args: {
    chatOptions: {
      fetch: emulatorFetch({ pace: "instant" }),
      storage: null,
      initialMessages: conversation,
    },
  },
};

/** An injected mid-stream disconnect shows an error with Retry. */
export const Error: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(
      canvas.getByRole("textbox", { name: "Message" }),
      "Hello [[fault:disconnect-after=9]{Enter}",
    );
    await canvas.findByRole("button", { name: "Retry" }, { timeout: 20_000 });
  },
};

/** Dark palette. */
export const Dark: Story = {
  args: {
    theme: "dark",
    chatOptions: {
      fetch: emulatorFetch({ pace: "instant" }),
      storage: null,
      initialMessages: conversation,
    },
  },
  globals: { theme: "dark" },
};
