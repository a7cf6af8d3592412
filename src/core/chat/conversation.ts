import type { Message } from "../model/message.js";
import type { Part } from "../model/parts.js";
import type { Usage } from "../model/usage.js";

/**
 * Pure helpers over a conversation (`readonly Message[]`): every function returns new
 * arrays and keeps the identity of the messages it does not change.
 */

/** The conversation with the message of the same id replaced (or appended when absent). */
export function upsertMessage(messages: readonly Message[], message: Message): readonly Message[] {
  const index = messages.findIndex((m) => m.id === message.id);
  if (index === -1) return [...messages, message];
  if (messages[index] === message) return messages;
  const next = messages.slice();
  next[index] = message;
  return next;
}

/** The index of the message with `id`, or -1. */
export function indexOfMessage(messages: readonly Message[], id: string): number {
  return messages.findIndex((m) => m.id === id);
}

/** The message with its text parts replaced by one part holding `text`, other parts kept in place. */
export function replaceText(message: Message, text: string): Message {
  const parts: Part[] = [];
  let placed = false;
  for (const part of message.parts) {
    if (part.type !== "text") {
      parts.push(part);
    } else if (!placed) {
      parts.push({ type: "text", text });
      placed = true;
    }
  }
  if (!placed) parts.unshift({ type: "text", text });
  return { ...message, parts };
}

/** Usage summed over every assistant message that reported it; undefined when none did. */
export function totalUsage(messages: readonly Message[]): Usage | undefined {
  let total: Usage | undefined;
  for (const message of messages) {
    const usage = message.metadata.usage;
    if (!usage) continue;
    total = total ? addUsage(total, usage) : { ...usage };
  }
  if (total) delete total.raw;
  return total;
}

function addUsage(a: Usage, b: Usage): Usage {
  const sum = (x?: number, y?: number) =>
    x === undefined && y === undefined ? undefined : (x ?? 0) + (y ?? 0);
  const result: Usage = {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    totalTokens: a.totalTokens + b.totalTokens,
  };
  const optional = [
    "cachedInputTokens",
    "cacheWriteInputTokens",
    "reasoningTokens",
    "audioInputTokens",
    "audioOutputTokens",
    "acceptedPredictionTokens",
    "rejectedPredictionTokens",
  ] as const;
  for (const key of optional) {
    const value = sum(a[key], b[key]);
    if (value !== undefined) result[key] = value;
  }
  return result;
}

/** True when the message can be resumed: a background response cut off mid-stream. */
export function isResumable(message: Message): boolean {
  return (
    message.role === "assistant" &&
    message.status === "in-progress" &&
    typeof message.metadata.responseId === "string" &&
    typeof message.metadata.lastSequenceNumber === "number"
  );
}
