import type { ToolOutput } from "./emulator-request-model.js";

/** The scripted texts the emulator answers with. */

function quote(userText: string): string {
  const text = userText.length > 200 ? `${userText.slice(0, 200)}…` : userText;
  return text || "(no question)";
}

/** The default markdown answer: every block the renderer handles, mentioning the user's text. */
export function defaultAnswer(userText: string): string {
  return [
    "## Emulated answer",
    "",
    `You asked: "${quote(userText)}". This is a **scripted reply** from the colloquy emulator, with \`inline code\` and a [link to the OpenAI docs](https://platform.openai.com/docs).`,
    "",
    "- Deterministic: the same request gives the same answer",
    "- Streamed token by token, like a real model",
    "- Every part of the message renders",
    "",
    "```ts",
    'const reply = await client.responses.create({ model: "gpt-4o-mini", input: "Hi" });',
    "console.log(reply.output_text);",
    "```",
    "",
    "| Feature | Supported |",
    "| --- | --- |",
    "| Markdown | yes |",
    "| Streaming | yes |",
    "",
    "> Tip: add `[scenario:web-search]` to a message to try another scenario.",
  ].join("\n");
}

/** The answer read out when audio output is asked for: plain sentences, no markdown. */
export function spokenAnswer(userText: string): string {
  return `You asked: ${quote(userText)}. This is a scripted spoken reply from the colloquy emulator.`;
}

/** An answer that uses the tool outputs found in the input. */
export function toolResultsAnswer(outputs: ToolOutput[]): string {
  const lines = outputs.map((output) => {
    const text = output.output.length > 300 ? `${output.output.slice(0, 300)}…` : output.output;
    return `- **${output.name || output.callId}** returned: ${text}`;
  });
  return [
    "Here is what the tools returned:",
    "",
    ...lines,
    "",
    `Based on ${outputs.length === 1 ? "this result" : `these ${outputs.length} results`}, that is the answer to your question.`,
  ].join("\n");
}

/** The reasoning scenario's summaries (one per summary part). */
export function reasoningSummaries(userText: string): string[] {
  return [
    `**Reading the question**\n\nThe user asks: "${quote(userText)}". I should find the cause before answering.`,
    "**Weighing the explanation**\n\nTwo explanations fit; the simpler one is supported by more evidence, so I will lead with it.",
  ];
}

/** The reasoning scenario's final answer. */
export function reasoningAnswer(userText: string): string {
  return `After thinking it through: the short answer to "${quote(userText)}" is that the simplest explanation fits best.\n\n1. It matches what we observe.\n2. It needs the fewest assumptions.`;
}

/** The refusal text. */
export const REFUSAL_TEXT = "I'm sorry, but I can't help with that request.";

/** The denial text after an MCP call was not approved. */
export function mcpDeniedAnswer(toolName: string): string {
  return `The call to \`${toolName}\` was denied, so I did not run it. Approve it if you want me to try again.`;
}
