import type { ChatCompletionChunk } from "openai/resources/chat/completions";
import type { Message, MessageMetadata, MessageStatus } from "../model/message.js";
import type { Part } from "../model/parts.js";
import type { UnknownStreamEvent } from "./types.js";
import { applyChoiceDelta, finishChoiceParts } from "./chat-choice.js";
import { messageErrorFromWire } from "./message-error.js";
import { usageFromChatCompletions } from "../convert/usage-from-wire.js";

/**
 * Chat Completions chunks folded into a message: choice 0 becomes the message's parts, the
 * other choices (`n > 1`) go to `metadata.alternatives`.
 */

type Loose = Record<string, unknown>;
type Alternative = NonNullable<MessageMetadata["alternatives"]>[number];

/** Chunk fields mapped elsewhere; anything else is kept in `metadata.extra`. */
const KNOWN_CHUNK_FIELDS = new Set([
  "id",
  "object",
  "created",
  "model",
  "system_fingerprint",
  "service_tier",
  "choices",
  "usage",
  // Padding against length side channels: meaningless to keep.
  "obfuscation",
]);

/** The message status a `finish_reason` means. */
export function statusFromFinishReason(reason: string): MessageStatus {
  return reason === "length" || reason === "content_filter" ? "incomplete" : "complete";
}

function chunkMetadata(metadata: MessageMetadata, chunk: Loose): MessageMetadata {
  let next = metadata;
  const set = <K extends keyof MessageMetadata>(key: K, value: MessageMetadata[K]) => {
    if (next[key] === value) return;
    if (next === metadata) next = { ...metadata };
    next[key] = value;
  };
  // Azure's first chunk carries empty ids and names; they never overwrite real ones.
  if (typeof chunk.id === "string" && chunk.id !== "") set("completionId", chunk.id);
  if (typeof chunk.model === "string" && chunk.model !== "") set("model", chunk.model);
  if (typeof chunk.created === "number" && chunk.created !== 0) set("createdAt", chunk.created);
  if ("system_fingerprint" in chunk && chunk.system_fingerprint !== undefined) {
    set("systemFingerprint", chunk.system_fingerprint as string | null);
  }
  if ("service_tier" in chunk && chunk.service_tier !== undefined) {
    set("serviceTier", chunk.service_tier as string | null);
  }
  const usage = usageFromChatCompletions(chunk.usage);
  if (usage) set("usage", usage);
  for (const key of Object.keys(chunk)) {
    if (KNOWN_CHUNK_FIELDS.has(key)) continue;
    set("extra", { ...next.extra, [key]: chunk[key] });
  }
  return next;
}

function applyAlternative(
  alternatives: readonly Alternative[] | undefined,
  choice: Loose,
  index: number,
): readonly Alternative[] {
  const list = alternatives ?? [];
  const position = list.findIndex((alternative) => alternative.index === index);
  const current: Alternative = position === -1 ? { index, parts: [] } : list[position]!;
  let parts: readonly Part[] = applyChoiceDelta(current.parts, choice);
  const reason = choice.finish_reason;
  if (typeof reason === "string") parts = finishChoiceParts(parts);
  const updated: Alternative = {
    ...current,
    parts,
    ...(typeof reason === "string" ? { finishReason: reason } : {}),
  };
  if (position === -1) return [...list, updated].sort((a, b) => a.index - b.index);
  const next = list.slice();
  next[position] = updated;
  return next;
}

/**
 * Folds one Chat Completions chunk into a message snapshot and returns the next one. Pure and
 * immutable with structural sharing (untouched parts keep their identity). A `finish_reason`
 * on choice 0 completes the message (`incomplete` for `length` and `content_filter`) and
 * parses its tool call arguments; a `{ "error": ... }` payload fails it, keeping its parts.
 */
export function accumulateChatChunk(
  snapshot: Message,
  chunk: ChatCompletionChunk | UnknownStreamEvent,
): Message {
  const loose = chunk as Loose;
  if (typeof loose.error === "object" && loose.error !== null) {
    return {
      ...snapshot,
      status: "failed",
      error: messageErrorFromWire(loose.error, "The stream reported an error."),
    };
  }
  const metadata = chunkMetadata(snapshot.metadata, loose);
  let next: Message = metadata === snapshot.metadata ? snapshot : { ...snapshot, metadata };
  if (next.id === "" && typeof loose.id === "string" && loose.id !== "") {
    next = { ...next, id: loose.id };
  }
  const choices = Array.isArray(loose.choices) ? (loose.choices as Loose[]) : [];
  for (const choice of choices) {
    const index = typeof choice.index === "number" ? choice.index : 0;
    if (index !== 0) {
      const alternatives = applyAlternative(next.metadata.alternatives, choice, index);
      next = { ...next, metadata: { ...next.metadata, alternatives } };
      continue;
    }
    let parts = applyChoiceDelta(next.parts, choice);
    const reason = choice.finish_reason;
    if (typeof reason === "string") {
      parts = finishChoiceParts(parts);
      next = {
        ...next,
        status: statusFromFinishReason(reason),
        metadata: { ...next.metadata, finishReason: reason },
      };
    }
    if (parts !== next.parts) next = { ...next, parts };
  }
  return next;
}

/**
 * Completes a Chat message when the stream ends with `[DONE]` before a `finish_reason`
 * arrived (some compatible servers do this): its parts are finished, its status `complete`.
 */
export function finishChatMessage(snapshot: Message): Message {
  if (snapshot.status !== "in-progress") return snapshot;
  const parts = finishChoiceParts(snapshot.parts);
  return { ...snapshot, parts, status: "complete" };
}
