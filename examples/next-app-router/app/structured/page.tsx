"use client";

import { useState, type FormEvent } from "react";
import { useStructuredOutput } from "colloquy/react/structured-output";
import { z } from "zod";

const Recipe = z.object({
  title: z.string().describe("The dish's name"),
  minutes: z.number().int().describe("Minutes from start to table"),
  ingredients: z.array(z.string()).describe("What to buy"),
  steps: z.array(z.string()).describe("What to do, in order"),
});

export default function StructuredPage() {
  const [prompt, setPrompt] = useState("");
  const [asked, setAsked] = useState<string | undefined>(undefined);
  const recipe = useStructuredOutput({
    endpoint: "/api/openai/v1",
    model: "gpt-4.1-mini",
    schema: Recipe,
    name: "recipe",
    input: asked,
  });
  const shown = recipe.data ?? recipe.partial;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (prompt.trim()) setAsked(prompt.trim());
  }

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">useStructuredOutput with a zod schema</h1>
      <form onSubmit={submit} className="flex gap-2">
        <input
          aria-label="Message"
          className="flex-1 rounded-lg border border-slate-300 bg-white px-3 py-2"
          value={prompt}
          onChange={(event) => setPrompt(event.target.value)}
          placeholder="A recipe for…"
        />
        <button type="submit" className="rounded-lg bg-blue-600 px-4 py-2 text-white">
          Send
        </button>
      </form>
      <p className="text-sm text-slate-500" data-testid="status">
        {recipe.isStreaming ? "streaming" : recipe.status}
      </p>
      {recipe.error ? (
        <p role="alert" className="text-red-700">
          {recipe.error.message}
        </p>
      ) : null}
      {shown ? (
        <article className="rounded-xl border border-slate-200 bg-white p-4" aria-label="Recipe">
          <h2 className="text-lg font-semibold">{shown.title}</h2>
          {shown.minutes !== undefined ? <p>{shown.minutes} minutes</p> : null}
          <h3 className="mt-3 font-medium">Ingredients</h3>
          <ul className="list-disc pl-6">
            {shown.ingredients?.map((item, index) => (
              <li key={index}>{item}</li>
            ))}
          </ul>
          <h3 className="mt-3 font-medium">Steps</h3>
          <ol className="list-decimal pl-6">
            {shown.steps?.map((step, index) => (
              <li key={index}>{step}</li>
            ))}
          </ol>
        </article>
      ) : null}
    </div>
  );
}
