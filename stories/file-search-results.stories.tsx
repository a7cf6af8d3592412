import type { Meta, StoryObj } from "@storybook/react-vite";
import fileSearchBody from "@captures/responses/file-search-with-results.json?raw";
import type { FileSearchCallPart } from "../src/core/index.js";
import { FileSearchResults } from "../src/ui/index.js";
import { partOf } from "./support/parts.js";
import { messageFromBody } from "./support/replay.js";

const done = partOf(messageFromBody("responses", JSON.parse(fileSearchBody)), "file-search-call");
const longSnippet = "A long passage from the file. ".repeat(60);

const meta = {
  title: "Citations/FileSearchResults",
  component: FileSearchResults,
  args: { part: done },
} satisfies Meta<typeof FileSearchResults>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Searching: the queries are known, no results yet. */
export const Streaming: Story = {
  args: {
    part: {
      ...done,
      state: "searching",
      item: { ...done.item, status: "searching", results: null },
    } satisfies FileSearchCallPart,
  },
};

/** A search that found nothing. */
export const Empty: Story = {
  args: {
    part: { ...done, item: { ...done.item, results: [] } } satisfies FileSearchCallPart,
  },
};

/** The recorded search with its results. */
export const Complete: Story = {};

/** A search that failed. */
export const Failed: Story = {
  args: {
    part: {
      ...done,
      state: "failed",
      item: { ...done.item, status: "failed", results: null },
    } satisfies FileSearchCallPart,
  },
};

/** Very long snippets are shortened. */
export const LongContent: Story = {
  args: {
    maxSnippetLength: 200,
    part: {
      ...done,
      item: {
        ...done.item,
        results: (done.item.results ?? []).map((result) => ({ ...result, text: longSnippet })),
      },
    } satisfies FileSearchCallPart,
  },
};

/** Dark palette. */
export const Dark: Story = { globals: { theme: "dark" } };
