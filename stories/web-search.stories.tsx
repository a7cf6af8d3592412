import type { Meta, StoryObj } from "@storybook/react-vite";
import type { Message, WebSearchCallPart } from "../src/core/index.js";
import { Sources, WebSearchProgress } from "../src/ui/index.js";
import { partOf, partsOf } from "./support/parts.js";
import { recordedBodies, recordings } from "./support/recordings.js";
import { replayRecording } from "./support/replay.js";
import { ReplayControls } from "./support/replay-controls.js";
import { useReplay } from "./support/use-replay.js";

const recorded = recordings.webSearch;
const complete = replayRecording(recorded);
const searching = replayRecording(
  recorded,
  recorded.events.findIndex((event) => event.type === "response.web_search_call.searching") + 1,
);

/** The searches of a message, then the sources its text cites. */
function SearchAndSources({ message }: { message: Message }) {
  const searches = partsOf(message, "web-search-call");
  const text = message.parts.find((part) => part.type === "text");
  return (
    <div style={{ display: "grid", gap: "0.75rem" }}>
      {searches.map((part) => (
        <WebSearchProgress key={part.id} part={part} />
      ))}
      {text ? <Sources annotations={text.annotations} text={text.text} /> : null}
    </div>
  );
}

function Replayed() {
  const replay = useReplay(recorded);
  return (
    <>
      <ReplayControls replay={replay} total={recorded.events.length} />
      <SearchAndSources message={replay.message} />
    </>
  );
}

const meta = {
  title: "Citations/Web search",
  component: SearchAndSources,
  args: { message: complete },
} satisfies Meta<typeof SearchAndSources>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The recorded stream replayed: searches appear, then the cited sources. */
export const Streaming: Story = { render: () => <Replayed /> };

/** Frozen while the first search is running. */
export const Searching: Story = { args: { message: searching } };

/** Every recorded search and the numbered sources. */
export const Complete: Story = {};

/** The same answer from the non-streamed body. */
export const CompleteFromBody: Story = { args: { message: recordedBodies.webSearch() } };

/** A text without citations: no sources list. */
export const Empty: Story = {
  render: () => <Sources annotations={[]} text="" />,
};

/** A search that failed. */
export const Failed: Story = {
  render: () => (
    <WebSearchProgress
      part={
        {
          ...partOf(complete, "web-search-call"),
          state: "failed",
        } satisfies WebSearchCallPart
      }
    />
  ),
};

/** Dark palette. */
export const Dark: Story = { globals: { theme: "dark" } };
