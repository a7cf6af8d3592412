"use client";

import { Chat } from "colloquy/ui";

export default function ChatPage() {
  return (
    <Chat
      className="min-h-0 flex-1 rounded-xl border border-slate-200 bg-white p-2"
      endpoint="/api/openai/v1"
      model="gpt-4.1-mini"
      instructions="Be brief."
      placeholder="Ask anything"
    />
  );
}
