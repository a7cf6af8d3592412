"use client";

import { useState, type FormEvent } from "react";
import type { Message, Part } from "colloquy";
import { useChat } from "colloquy/react";

/** One message part, drawn with plain elements: the hook gives data, the page decides the look. */
function PartView({ part }: { part: Part }) {
  switch (part.type) {
    case "text":
      return <p className="whitespace-pre-wrap">{part.text}</p>;
    case "reasoning":
      return (
        <p className="text-sm text-slate-500 italic">
          {part.summary.map((paragraph) => paragraph.text).join("\n\n") || "Thinking…"}
        </p>
      );
    case "refusal":
      return <p className="text-red-700">{part.refusal}</p>;
    default:
      return <p className="text-xs text-slate-400">[{part.type}]</p>;
  }
}

function MessageRow({ message }: { message: Message }) {
  const mine = message.role === "user";
  return (
    <li
      data-role={message.role}
      className={`max-w-[85%] rounded-lg px-4 py-2 ${mine ? "self-end bg-blue-600 text-white" : "self-start border border-slate-200 bg-white"}`}
    >
      {message.parts.map((part, index) => (
        <PartView key={index} part={part} />
      ))}
    </li>
  );
}

export default function CustomPage() {
  const chat = useChat({ endpoint: "/api/openai/v1", model: "gpt-4.1-mini" });
  const [text, setText] = useState("");
  const busy = chat.status === "submitted" || chat.status === "streaming";

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim() || busy) return;
    void chat.send(text);
    setText("");
  }

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-4">
      <h1 className="text-xl font-semibold">useChat, with the parts drawn by the page</h1>
      <ol className="flex min-h-0 flex-1 flex-col gap-3 overflow-y-auto" aria-label="Messages">
        {chat.messages.map((message) => (
          <MessageRow key={message.id} message={message} />
        ))}
      </ol>
      {chat.error ? (
        <p role="alert" className="text-red-700">
          {chat.error.message}
        </p>
      ) : null}
      <form onSubmit={submit} className="flex gap-2">
        <input
          aria-label="Message"
          className="flex-1 rounded-lg border border-slate-300 bg-white px-3 py-2"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="Say something"
        />
        {busy ? (
          <button type="button" onClick={chat.stop} className="rounded-lg bg-slate-200 px-4 py-2">
            Stop
          </button>
        ) : (
          <button type="submit" className="rounded-lg bg-blue-600 px-4 py-2 text-white">
            Send
          </button>
        )}
      </form>
    </div>
  );
}
