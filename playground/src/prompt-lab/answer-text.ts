import type { Message } from "../../../src/core/index.js";

/** The text of an answer: its text parts, joined (tool calls and images left out). */
export function answerText(message: Message | undefined): string {
  if (!message) return "";
  return message.parts.flatMap((part) => (part.type === "text" ? [part.text] : [])).join("\n\n");
}

/** The answer parsed as JSON when it is an object or an array (structured output), else undefined. */
export function answerJson(text: string): object | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return undefined;
  try {
    const value: unknown = JSON.parse(trimmed);
    return typeof value === "object" && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}
