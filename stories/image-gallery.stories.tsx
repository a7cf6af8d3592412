import type { Meta, StoryObj } from "@storybook/react-vite";
import { ImageGallery } from "../src/ui/index.js";
import { partsOf } from "./support/parts.js";
import { recordings } from "./support/recordings.js";
import { replayRecording } from "./support/replay.js";
import { ReplayControls } from "./support/replay-controls.js";
import { useReplay } from "./support/use-replay.js";

const recorded = recordings.imagePartial;
const images = partsOf(replayRecording(recorded), "image");
const firstPartial = recorded.events.findIndex(
  (event) => event.type === "response.image_generation_call.partial_image",
);

function Replayed() {
  const replay = useReplay(recorded, { intervalMs: 60 });
  return (
    <>
      <ReplayControls replay={replay} total={recorded.events.length} />
      <ImageGallery images={partsOf(replay.message, "image")} />
    </>
  );
}

const meta = {
  title: "Images/ImageGallery",
  component: ImageGallery,
  args: { images },
} satisfies Meta<typeof ImageGallery>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No images: renders nothing. */
export const Empty: Story = { args: { images: [] } };

/** The recorded generation replayed: generating, partial previews, then the final image. */
export const Streaming: Story = { render: () => <Replayed /> };

/** Frozen on the first partial preview. */
export const Partial: Story = {
  args: { images: partsOf(replayRecording(recorded, firstPartial + 1), "image") },
};

/** The final image. */
export const Complete: Story = {};

/** Many images in the grid. */
export const LongContent: Story = {
  args: { images: Array.from({ length: 6 }, (_, i) => ({ ...images[0]!, id: `image-${i}` })) },
};

/** Dark palette. */
export const Dark: Story = { globals: { theme: "dark" } };
