import type { Message } from "./message.js";

/**
 * Stamps the requested audio `format` on a message's output audio parts. Chat Completions
 * answers carry the audio but not its encoding (that was chosen in the request's
 * `audio.format`), and a player needs it. Parts that already say their format keep it; the
 * message is returned as is when nothing changes. Pure.
 */
export function withAudioFormat(message: Message, format: string | undefined): Message {
  if (!format) return message;
  let changed = false;
  const parts = message.parts.map((part) => {
    if (part.type !== "audio" || part.origin !== "output" || part.format) return part;
    changed = true;
    return { ...part, format };
  });
  return changed ? { ...message, parts } : message;
}
