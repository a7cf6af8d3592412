import type { Meta, StoryObj } from "@storybook/react-vite";
import { fn } from "storybook/test";
import type { ImagePart } from "../src/core/index.js";
import { renderPictureBase64 } from "../src/testing/index.js";
import { GeneratedImage } from "../src/ui/index.js";
import { partOf } from "./support/parts.js";
import { recordings } from "./support/recordings.js";
import { replayRecording } from "./support/replay.js";
import { ReplayControls } from "./support/replay-controls.js";
import { useReplay } from "./support/use-replay.js";

const recorded = recordings.imagePartial;
const firstPartial = recorded.events.findIndex(
  (event) => event.type === "response.image_generation_call.partial_image",
);

const picture: ImagePart = {
  type: "image",
  origin: "generated",
  id: "ig_story",
  data: renderPictureBase64({ size: 256, seed: "lighthouse" }),
  mediaType: "image/png",
  state: "complete",
  revisedPrompt: "A lighthouse on a rocky coast at dusk, painted in soft pastel colours.",
};

function Replayed() {
  const replay = useReplay(recorded, { intervalMs: 60 });
  const image = replay.message.parts.find((part) => part.type === "image");
  return (
    <>
      <ReplayControls replay={replay} total={recorded.events.length} />
      {image ? <GeneratedImage part={image} /> : null}
    </>
  );
}

const meta = {
  title: "Images/GeneratedImage",
  component: GeneratedImage,
  args: { part: picture, onOpen: fn() },
} satisfies Meta<typeof GeneratedImage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The tool has started: no pixels yet. */
export const Empty: Story = {
  args: {
    part: { type: "image", origin: "generated", id: "ig_story", state: "generating" },
  },
};

/** The recorded generation replayed: partial previews, then the final image. */
export const Streaming: Story = { render: () => <Replayed /> };

/** Frozen on the first recorded partial preview. */
export const Partial: Story = {
  args: { part: partOf(replayRecording(recorded, firstPartial + 1), "image") },
};

/** A finished image with its revised prompt. */
export const Complete: Story = {};

/** The recorded final image. */
export const CompleteRecorded: Story = {
  args: { part: partOf(replayRecording(recorded), "image") },
};

/** Generation failed. */
export const Failed: Story = {
  args: {
    part: { type: "image", origin: "generated", id: "ig_story", state: "failed" },
  },
};

/** Dark palette. */
export const Dark: Story = { globals: { theme: "dark" } };
