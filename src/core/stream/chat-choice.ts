import type { AudioPart, Part, ReasoningPart, RefusalPart, TextPart } from "../model/parts.js";
import type { ToolCallPart } from "../model/tool-call-part.js";
import { logprobsFromWire } from "../convert/parts-from-output-item.js";
import { isRecord } from "../convert/wire-helpers.js";
import { findLastPartIndex, replacePartAt } from "./parts-edit.js";
import { textPartWithText } from "./snapshot-copies.js";

/**
 * One Chat Completions choice's delta folded into that choice's parts: text, refusal, tool
 * calls (parallel ones addressed by `index`), the legacy `function_call`, logprobs and audio.
 */

type Loose = Record<string, unknown>;

function textOf(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** `parts` with the last part matching `predicate` updated, or a new one appended. */
function upsert<T extends Part>(
  parts: readonly Part[],
  predicate: (part: Part) => part is T,
  update: (part: T) => Part,
  create: () => T,
): readonly Part[] {
  const index = findLastPartIndex(parts, predicate);
  if (index === -1) return [...parts, update(create())];
  return replacePartAt(parts, index, update(parts[index] as T));
}

const isText = (part: Part): part is TextPart => part.type === "text";
const isReasoning = (part: Part): part is ReasoningPart => part.type === "reasoning";
const isRefusal = (part: Part): part is RefusalPart => part.type === "refusal";
const isAudio = (part: Part): part is AudioPart =>
  part.type === "audio" && part.origin === "output";

function toolCallAt(index: number | undefined) {
  return (part: Part): part is ToolCallPart => part.type === "tool-call" && part.index === index;
}

function applyToolCallDelta(parts: readonly Part[], call: Loose): readonly Part[] {
  const index = typeof call.index === "number" ? call.index : 0;
  const custom = call.type === "custom" || isRecord(call.custom);
  const source = custom ? call.custom : call.function;
  const fields: Loose = isRecord(source) ? source : {};
  const piece = textOf(custom ? fields.input : fields.arguments);
  return upsert(
    parts,
    toolCallAt(index),
    (part) => ({
      ...part,
      ...(typeof call.id === "string" && call.id !== "" && part.toolCallId === ""
        ? { toolCallId: call.id }
        : {}),
      ...(typeof fields.name === "string" && fields.name !== "" && part.toolName === ""
        ? { toolName: fields.name }
        : {}),
      inputText: part.inputText + piece,
    }),
    () => ({
      type: "tool-call",
      kind: custom ? "custom" : "function",
      state: "input-streaming",
      toolCallId: "",
      toolName: "",
      inputText: "",
      index,
    }),
  );
}

/** The legacy `function_call` delta: one unindexed function call. */
function applyFunctionCallDelta(parts: readonly Part[], call: Loose): readonly Part[] {
  return upsert(
    parts,
    toolCallAt(undefined),
    (part) => ({
      ...part,
      // The legacy shape has no call id; its name is what the reply refers to.
      ...(typeof call.name === "string" && call.name !== "" && part.toolName === ""
        ? { toolName: call.name, toolCallId: call.name }
        : {}),
      inputText: part.inputText + textOf(call.arguments),
    }),
    () => ({
      type: "tool-call",
      kind: "function",
      state: "input-streaming",
      toolCallId: "",
      toolName: "",
      inputText: "",
    }),
  );
}

function applyAudioDelta(parts: readonly Part[], audio: Loose): readonly Part[] {
  return upsert(
    parts,
    isAudio,
    (part): AudioPart => ({
      ...part,
      ...(typeof audio.data === "string" ? { data: (part.data ?? "") + audio.data } : {}),
      ...(typeof audio.transcript === "string"
        ? { transcript: (part.transcript ?? "") + audio.transcript }
        : {}),
      ...(typeof audio.id === "string" ? { id: audio.id } : {}),
      ...(typeof audio.expires_at === "number" ? { expiresAt: audio.expires_at } : {}),
    }),
    () => ({ type: "audio", origin: "output", state: "streaming" }),
  );
}

/**
 * LOGPROBS_COPY_COST: `TextPart.logprobs` is a plain immutable array, so a delta that adds
 * logprobs copies all earlier ones: cost per delta grows with the stream's length. Measured
 * (Node 20, one token with two top_logprobs per delta, both accumulators alike): a delta
 * without logprobs costs the same at any length; with logprobs ~20-50 µs per delta around
 * token 2k and ~240 µs around token 20k, about 2.5 s of CPU and over a gigabyte of short-lived arrays for a
 * whole 20k-token stream. Streams without logprobs pay nothing; removing the copy needs a
 * change to the message model (logprobs kept in chunks), not a trick here.
 */

/** Folds one choice's `delta` and `logprobs` into its parts. */
export function applyChoiceDelta(parts: readonly Part[], choice: Loose): readonly Part[] {
  // Wrong-typed fields read as absent: a malformed delta adds nothing rather than failing.
  const delta: Loose = isRecord(choice.delta) ? choice.delta : {};
  const logprobs: Loose = isRecord(choice.logprobs) ? choice.logprobs : {};
  let next = parts;
  // Reasoning text some compatible servers stream before the answer.
  const reasoning = delta.reasoning_content ?? delta.reasoning;
  if (typeof reasoning === "string" && reasoning !== "") {
    next = upsert(
      next,
      isReasoning,
      (part) => ({ ...part, text: (part.text ?? "") + reasoning }),
      () => ({ type: "reasoning", summary: [], state: "streaming" }),
    );
  }
  const contentLogprobs = logprobsFromWire(logprobs.content);
  if (delta.content === "" && !contentLogprobs) {
    // An empty answer is an empty text part, as in a body with `content: ""`.
    if (!next.some(isText) && !next.some(isBesideText)) {
      next = [...next, { type: "text", text: "", state: "streaming" }];
    }
  } else if (typeof delta.content === "string" || contentLogprobs) {
    next = upsert(
      next,
      isText,
      (part) =>
        contentLogprobs
          ? {
              ...part,
              text: part.text + textOf(delta.content),
              logprobs: part.logprobs ? part.logprobs.concat(contentLogprobs) : contentLogprobs,
            }
          : textPartWithText(part, part.text + textOf(delta.content)),
      () => ({ type: "text", text: "", state: "streaming" }),
    );
  }
  const refusalLogprobs = logprobsFromWire(logprobs.refusal);
  if ((typeof delta.refusal === "string" && delta.refusal !== "") || refusalLogprobs) {
    next = upsert(
      next,
      isRefusal,
      (part) => ({
        ...part,
        refusal: part.refusal + textOf(delta.refusal),
        ...(refusalLogprobs
          ? { logprobs: part.logprobs ? part.logprobs.concat(refusalLogprobs) : refusalLogprobs }
          : {}),
      }),
      () => ({ type: "refusal", refusal: "", state: "streaming" }),
    );
  }
  if (Array.isArray(delta.tool_calls)) {
    for (const call of delta.tool_calls as unknown[]) {
      if (isRecord(call)) next = applyToolCallDelta(next, call);
    }
  }
  if (isRecord(delta.function_call)) next = applyFunctionCallDelta(next, delta.function_call);
  if (isRecord(delta.audio)) next = applyAudioDelta(next, delta.audio);
  return next.length > parts.length ? placeEmptyText(next) : next;
}

/** Parts a body's `content: ""` gives no text part beside. */
const isBesideText = (part: Part): boolean =>
  part.type === "tool-call" || part.type === "refusal" || isAudio(part);

function isEmptyText(part: Part): part is TextPart {
  return part.type === "text" && part.text === "" && !part.logprobs && !part.annotations?.length;
}

/**
 * Where a body puts `content: ""`, once a new part arrived: nowhere beside a tool call, a
 * refusal or audio (a body then has no text part), and after the reasoning (a body lists the
 * reasoning first). The streams that open with `content: ""` then end with the parts the same
 * answer as a body has. Runs only when a delta added a part.
 */
function placeEmptyText(parts: readonly Part[]): readonly Part[] {
  const index = parts.findIndex(isEmptyText);
  if (index === -1) return parts;
  if (parts.some(isBesideText)) return parts.filter((_, at) => at !== index);
  const lastReasoning = findLastPartIndex(parts, isReasoning);
  if (lastReasoning < index) return parts;
  const moved = parts.filter((_, at) => at !== index);
  moved.splice(lastReasoning, 0, parts[index]!);
  return moved;
}

/**
 * Parses function arguments once they are complete. Invalid JSON leaves `input` undefined
 * (the raw text stays in `inputText`) for the tool layer to report, as for non-streamed calls.
 */
function parseArguments(text: string): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A part as it stands once its choice has finished: no `state`, tool calls parsed. */
function finishedPart(part: Part): Part {
  switch (part.type) {
    case "text":
    case "refusal":
    case "reasoning":
    case "audio": {
      if (part.state === undefined) return part;
      const { state: _state, ...rest } = part;
      return rest;
    }
    case "tool-call": {
      if (part.state !== "input-streaming") return part;
      const input = part.kind === "function" ? parseArguments(part.inputText) : part.inputText;
      return { ...part, state: "input-available", input };
    }
    default:
      return part;
  }
}

/** The parts of a finished choice (`finish_reason` arrived, or the stream said `[DONE]`). */
export function finishChoiceParts(parts: readonly Part[]): readonly Part[] {
  const finished = parts.map(finishedPart);
  return finished.every((part, index) => part === parts[index]) ? parts : finished;
}
