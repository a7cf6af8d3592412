// A Server Component: no "use client" here. colloquy/ui's components are client components, so
// they render on the server first and hydrate in the browser.
import { Chat, Markdown } from "colloquy/ui";

const INTRO = `## Rendered by a Server Component

This page imports \`Chat\` and \`Markdown\` from **colloquy/ui** without a \`"use client"\` line:

- the markdown above the chat is rendered on the server,
- the chat below hydrates and streams in the browser.`;

export default function ServerPage() {
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-4">
      <Markdown text={INTRO} />
      <Chat
        className="min-h-0 flex-1 rounded-xl border border-slate-200 bg-white"
        endpoint="/api/openai/v1"
        model="gpt-4.1-mini"
      />
    </div>
  );
}
