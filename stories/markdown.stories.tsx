import type { Meta, StoryObj } from "@storybook/react-vite";
import { useEffect, useState } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { Markdown } from "../src/ui/index.js";
import { partOf } from "./support/parts.js";
import { recordings } from "./support/recordings.js";
import { replayRecording } from "./support/replay.js";

const releaseNotes = `# Release notes

Colloquy renders **GitHub-flavoured markdown** while it streams, with _emphasis_,
~~strikethrough~~, \`inline code\` and [links](https://example.com/docs).

## Checklist

- [x] Streaming text
- [x] Tables and task lists
- [ ] Something still to do

1. First ordered item
2. Second ordered item
   - a nested bullet
   - another one

> A quotation that spans
> two lines.

| Model | Context | Notes |
| :---- | ------: | :---: |
| small | 128k | fast |
| large | 1M | thorough |

\`\`\`ts
export function greet(name: string): string {
  return \`Hello, \${name}!\`;
}
\`\`\`

---

Footnote-free closing paragraph with a bare URL: https://example.com/changelog.
`;

const longAnswer = partOf(replayRecording(recordings.longAnswer), "text").text;

/** Grows the text a few characters at a time, as a model's deltas would. */
function Growing({
  text,
  step = 6,
  intervalMs = 16,
}: {
  text: string;
  step?: number;
  intervalMs?: number;
}) {
  const [length, setLength] = useState(0);
  const [run, setRun] = useState(1);
  useEffect(() => {
    setLength(0);
    const timer = setInterval(() => {
      setLength((current) => {
        const next = Math.min(text.length, current + step);
        if (next >= text.length) clearInterval(timer);
        return next;
      });
    }, intervalMs);
    return () => clearInterval(timer);
  }, [text, step, intervalMs, run]);
  const streaming = length < text.length;
  return (
    <>
      <div style={{ display: "flex", gap: "0.75rem", alignItems: "center", marginBottom: "1rem" }}>
        <button
          type="button"
          className="colloquy-button"
          onClick={() => setRun((value) => value + 1)}
        >
          {streaming ? "Restart" : "Replay"}
        </button>
        <span style={{ color: "var(--colloquy-color-text-muted)", fontSize: "0.875rem" }}>
          {length} / {text.length} characters{streaming ? " (streaming)" : ""}
        </span>
      </div>
      <Markdown text={text.slice(0, length)} streaming={streaming} />
    </>
  );
}

const meta = {
  title: "Text/Markdown",
  component: Markdown,
  args: { text: releaseNotes },
} satisfies Meta<typeof Markdown>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No text yet. */
export const Empty: Story = { args: { text: "", streaming: true } };

/** The document arriving a few characters at a time; press Replay to watch again. */
export const Streaming: Story = {
  render: () => <Growing text={releaseNotes} />,
};

/** Frozen inside a table, a bold run and an open code fence: the open syntax is repaired. */
export const IncompleteSyntax: Story = {
  args: {
    text: `${releaseNotes.slice(0, releaseNotes.indexOf("| large"))}| large | 1M\n\nSome **bold text that has not clos`,
    streaming: true,
  },
};

/** Frozen inside an open code fence. */
export const OpenCodeFence: Story = {
  args: {
    text: releaseNotes.slice(0, releaseNotes.indexOf("return")),
    streaming: true,
  },
};

/** The whole releaseNotes; the code block's copy button reports its result. */
export const Complete: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const copy = await canvas.findByRole("button", { name: /copy ts code/i });
    await userEvent.click(copy);
    await waitFor(() =>
      expect(canvas.getByRole("status").textContent).toMatch(/copied|copy failed/i),
    );
  },
};

/** A very long recorded answer. */
export const LongContent: Story = { args: { text: longAnswer } };

/** Dark palette. */
export const Dark: Story = { globals: { theme: "dark" } };
