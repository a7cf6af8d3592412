import type { ChatCompletionChunk } from "openai/resources/chat/completions";
import type {
  Message,
  MessageAlternative,
  MessageMetadata,
  MessageStatus,
} from "../model/message.js";
import type { Part } from "../model/parts.js";
import type { UnknownStreamEvent } from "./types.js";
import { applyChoiceDelta, finishChoiceParts } from "./chat-choice.js";
import { messageErrorFromWire } from "./message-error.js";
import { usageFromChatCompletions } from "../convert/usage-from-wire.js";
import { mergeChoiceExtra } from "../convert/choice-extra.js";
import { isRecord } from "../convert/wire-helpers.js";
import { asMalformedEvent, notAnObjectError } from "./malformed-event.js";
import { copyMessage } from "./snapshot-copies.js";

/**
 * Chat Completions chunks folded into a message: choice 0 becomes the message's parts, the
 * other choices (`n > 1`) go to `metadata.alternatives`.
 */

type Loose = Record<string, unknown>;
type Alternative = MessageAlternative;

/** The message status a `finish_reason` means. */
export function statusFromFinishReason(reason: string): MessageStatus {
  return reason === "length" || reason === "content_filter" ? "incomplete" : "complete";
}

/**
 * True for a chunk field mapped elsewhere whose value has a type the mapping can use; anything
 * else (unknown fields, and known ones of the wrong type) is kept in `metadata.extra`. Cheap
 * `typeof` checks only: they run on every field of every chunk.
 */
function isMappedField(key: string, value: unknown): boolean {
  switch (key) {
    case "id":
    case "object":
    case "model":
      return typeof value === "string";
    case "created":
      return typeof value === "number";
    case "system_fingerprint":
    case "service_tier":
      return typeof value === "string" || value === null || value === undefined;
    case "choices":
      return Array.isArray(value);
    case "usage":
      return value === null || isRecord(value);
    case "obfuscation":
      // Padding against length side channels: meaningless to keep.
      return true;
    default:
      return false;
  }
}

/**
 * `metadata` updated from a chunk's fields; the same object when nothing changed, which is
 * the case for every chunk but the first and last of a stream.
 */
function chunkMetadata(metadata: MessageMetadata, chunk: Loose): MessageMetadata {
  // Copied on the first change only.
  let next: MessageMetadata | undefined;
  // Azure's first chunk carries empty ids and names; they never overwrite real ones.
  const id = chunk.id;
  if (typeof id === "string" && id !== "" && metadata.completionId !== id) {
    (next ??= { ...metadata }).completionId = id;
  }
  const model = chunk.model;
  if (typeof model === "string" && model !== "" && metadata.model !== model) {
    (next ??= { ...metadata }).model = model;
  }
  const created = chunk.created;
  if (typeof created === "number" && created !== 0 && metadata.createdAt !== created) {
    (next ??= { ...metadata }).createdAt = created;
  }
  const fingerprint = chunk.system_fingerprint;
  if (
    (typeof fingerprint === "string" || fingerprint === null) &&
    metadata.systemFingerprint !== fingerprint
  ) {
    (next ??= { ...metadata }).systemFingerprint = fingerprint;
  }
  const tier = chunk.service_tier;
  if ((typeof tier === "string" || tier === null) && metadata.serviceTier !== tier) {
    (next ??= { ...metadata }).serviceTier = tier;
  }
  if (chunk.usage !== null && chunk.usage !== undefined) {
    const usage = usageFromChatCompletions(chunk.usage);
    if (usage) (next ??= { ...metadata }).usage = usage;
  }
  for (const key of Object.keys(chunk)) {
    if (isMappedField(key, chunk[key])) continue;
    next ??= { ...metadata };
    next.extra = { ...next.extra, [key]: chunk[key] };
  }
  return next ?? metadata;
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
  const extra = mergeChoiceExtra(current.extra, choice);
  const updated: Alternative = {
    ...current,
    parts,
    ...(typeof reason === "string" ? { finishReason: reason } : {}),
    ...(extra ? { extra } : {}),
  };
  if (position === -1) return [...list, updated].sort((a, b) => a.index - b.index);
  const next = list.slice();
  next[position] = updated;
  return next;
}

/**
 * A choice's `index`: 0 when absent or not a number (servers that send one choice often omit
 * it), `undefined` for a number no choice can have. Only small non-negative integers address
 * alternatives, so a hostile index cannot grow the alternatives list or land in choice 0.
 */
function choiceIndex(raw: unknown): number | undefined {
  if (typeof raw !== "number") return 0;
  return Number.isInteger(raw) && raw >= 0 && raw <= MAX_CHOICE_INDEX ? raw : undefined;
}

/** Highest choice index kept; the API caps `n` at 128. */
const MAX_CHOICE_INDEX = 127;

/**
 * Folds one Chat Completions chunk into a message snapshot and returns the next one. Pure and
 * immutable with structural sharing (untouched parts keep their identity). A `finish_reason`
 * on choice 0 completes the message (`incomplete` for `length` and `content_filter`) and
 * parses its tool call arguments; a `{ "error": ... }` payload fails it, keeping its parts.
 *
 * Fields of the wrong type are ignored (mapped chunk fields of the wrong type are kept in
 * `metadata.extra`). Throws only `ColloquyError("malformed_event")`: for a chunk that is not
 * an object, or one that cannot be folded at all (the error then carries the snapshot).
 */
export function accumulateChatChunk(
  snapshot: Message,
  chunk: ChatCompletionChunk | UnknownStreamEvent,
): Message {
  if (!isRecord(chunk)) throw notAnObjectError("accumulateChatChunk", chunk);
  try {
    return foldChunk(snapshot, chunk);
  } catch (error) {
    // The fold tolerates wrong-typed fields; a shape nobody foresaw must still surface as a
    // colloquy error, never as a bare TypeError.
    throw asMalformedEvent("accumulateChatChunk", "a chunk", error, snapshot);
  }
}

function foldChunk(snapshot: Message, loose: Loose): Message {
  // Some compatible servers send `error: null` on every chunk, others a bare message string.
  if (isRecord(loose.error) || (typeof loose.error === "string" && loose.error !== "")) {
    const wire = isRecord(loose.error) ? loose.error : { message: loose.error };
    return {
      ...snapshot,
      status: "failed",
      error: messageErrorFromWire(wire, "The stream reported an error."),
    };
  }
  const metadata = chunkMetadata(snapshot.metadata, loose);
  let next: Message = metadata === snapshot.metadata ? snapshot : { ...snapshot, metadata };
  if (next.id === "" && typeof loose.id === "string" && loose.id !== "") {
    next = { ...next, id: loose.id };
  }
  const choices = Array.isArray(loose.choices) ? (loose.choices as unknown[]) : [];
  for (const choice of choices) {
    if (!isRecord(choice)) continue;
    const index = choiceIndex(choice.index);
    if (index === undefined) continue;
    if (index !== 0) {
      const alternatives = applyAlternative(next.metadata.alternatives, choice, index);
      next = { ...next, metadata: { ...next.metadata, alternatives } };
      continue;
    }
    const kept = next.metadata.extra?.choice;
    const previousExtra = isRecord(kept) ? kept : undefined;
    const choiceExtra = mergeChoiceExtra(previousExtra, choice);
    if (choiceExtra !== previousExtra) {
      // As for a body: choice 0's unmapped fields (Azure's content filter results) under
      // `extra.choice`, merged chunk by chunk.
      const extra = { ...next.metadata.extra, choice: choiceExtra };
      next = { ...next, metadata: { ...next.metadata, extra } };
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
    if (parts !== next.parts) next = copyMessage(next, parts, next.metadata);
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
