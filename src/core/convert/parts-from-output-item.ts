import type * as R from "openai/resources/responses/responses";
import type { Annotation } from "../model/annotations.js";
import type { ImageGenerationState, Part, RefusalPart, TextPart } from "../model/parts.js";
import type { BuiltinToolState } from "../model/builtin-tool-parts.js";
import type { ToolCallPart } from "../model/tool-call-part.js";
import { builtinPartType } from "../model/part-types.js";
import type { TokenLogprob } from "../model/usage.js";
import { isRecord } from "./wire-helpers.js";

/**
 * Responses API output items -> message parts. Pure and total: every item gives at least
 * one part, and an item this version does not know becomes an `UnknownPart` holding it
 * verbatim. The streaming accumulator calls this on `response.output_item.done` and
 * `messageFromResponse` calls it on `response.output`, so a streamed and a non-streamed
 * response map to identical parts.
 */

/** A Responses API output item, or anything shaped like one (newer item types, emulators). */
export type OutputItemLike = R.ResponseOutputItem | { type: string; [key: string]: unknown };

type Loose = Record<string, unknown>;

function stringOr(value: unknown, fallback: string): string {
  return typeof value === "string" ? value : fallback;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === "number" ? value : fallback;
}

/**
 * Maps one wire annotation (either API) to our camelCase `Annotation`. Accepts the Responses
 * shape (`{ type: "url_citation", url, start_index, ... }`) and the Chat Completions shape,
 * which nests the fields (`{ type: "url_citation", url_citation: { url, ... } }`). Anything
 * else, or a known type missing its required fields, becomes `{ type: "unknown", raw }`.
 */
export function annotationFromWire(raw: unknown): Annotation {
  if (!isRecord(raw)) return { type: "unknown", raw: { value: raw } };
  // Own properties only: a `type` like "__proto__" must not reach into the prototype.
  const key = typeof raw.type === "string" ? raw.type : undefined;
  const nestedValue = key !== undefined && Object.hasOwn(raw, key) ? raw[key] : undefined;
  const nested = isRecord(nestedValue) ? nestedValue : undefined;
  const fields: Loose = nested ? { ...nested, type: raw.type } : raw;
  switch (fields.type) {
    case "url_citation":
      if (typeof fields.url !== "string") break;
      return {
        type: "url_citation",
        url: fields.url,
        ...(typeof fields.title === "string" ? { title: fields.title } : {}),
        startIndex: numberOr(fields.start_index, 0),
        endIndex: numberOr(fields.end_index, 0),
      };
    case "file_citation":
      if (typeof fields.file_id !== "string") break;
      return {
        type: "file_citation",
        fileId: fields.file_id,
        ...(typeof fields.filename === "string" ? { filename: fields.filename } : {}),
        index: numberOr(fields.index, 0),
      };
    case "container_file_citation":
      if (typeof fields.file_id !== "string" || typeof fields.container_id !== "string") break;
      return {
        type: "container_file_citation",
        containerId: fields.container_id,
        fileId: fields.file_id,
        ...(typeof fields.filename === "string" ? { filename: fields.filename } : {}),
        startIndex: numberOr(fields.start_index, 0),
        endIndex: numberOr(fields.end_index, 0),
      };
    case "file_path":
      if (typeof fields.file_id !== "string") break;
      return { type: "file_path", fileId: fields.file_id, index: numberOr(fields.index, 0) };
  }
  return { type: "unknown", raw };
}

/** The wire shape of one token's log probability (the same in both APIs). */
export interface WireLogprob {
  /** The token text. */
  token: string;
  /** Natural log of its probability. */
  logprob: number;
  /** UTF-8 bytes of the token. */
  bytes?: number[] | null;
  /** The most likely alternatives at this position. */
  top_logprobs?: { token: string; logprob: number; bytes?: number[] | null }[] | null;
}

/** True for a wire logprob entry with the two fields every entry needs. */
function isWireLogprob(raw: unknown): raw is WireLogprob {
  return isRecord(raw) && typeof raw.token === "string" && typeof raw.logprob === "number";
}

/** `bytes` as the model keeps it: an array or null; any other type reads as absent. */
function bytesOf(raw: unknown): number[] | null | undefined {
  return Array.isArray(raw) || raw === null ? (raw as number[] | null) : undefined;
}

/**
 * Maps one wire logprob (either API) to a `TokenLogprob` (`top_logprobs` -> `topLogprobs`).
 * Alternatives without a string `token` and a number `logprob` are left out.
 */
export function logprobFromWire(raw: WireLogprob): TokenLogprob {
  const result: TokenLogprob = { token: raw.token, logprob: raw.logprob };
  const bytes = bytesOf(raw.bytes);
  if (bytes !== undefined) result.bytes = bytes;
  if (Array.isArray(raw.top_logprobs)) {
    result.topLogprobs = (raw.top_logprobs as unknown[]).filter(isWireLogprob).map((top) => {
      const alternative: { token: string; logprob: number; bytes?: number[] | null } = {
        token: top.token,
        logprob: top.logprob,
      };
      const topBytes = bytesOf(top.bytes);
      if (topBytes !== undefined) alternative.bytes = topBytes;
      return alternative;
    });
  }
  return result;
}

/**
 * Maps an array of wire logprobs; `undefined` when there are none (so the key stays absent).
 * Entries without a string `token` and a number `logprob` are malformed and left out.
 */
export function logprobsFromWire(raw: unknown): TokenLogprob[] | undefined {
  if (!Array.isArray(raw) || raw.length === 0) return undefined;
  const entries = (raw as unknown[]).filter(isWireLogprob);
  return entries.length === 0 ? undefined : entries.map(logprobFromWire);
}

const TEXT_FIELDS = new Set(["type", "text", "annotations", "logprobs"]);

function textPartFromContent(content: Loose, item: Loose, contentIndex: number): TextPart {
  const part: TextPart = { type: "text", text: stringOr(content.text, "") };
  if (Array.isArray(content.annotations) && content.annotations.length > 0) {
    part.annotations = content.annotations.map(annotationFromWire);
  }
  const logprobs = logprobsFromWire(content.logprobs);
  if (logprobs) part.logprobs = logprobs;
  if (typeof item.id === "string") part.itemId = item.id;
  part.contentIndex = contentIndex;
  if (typeof item.phase === "string") part.phase = item.phase;
  const extra = Object.fromEntries(Object.entries(content).filter(([k]) => !TEXT_FIELDS.has(k)));
  if (Object.keys(extra).length > 0) part.extra = extra;
  return part;
}

function messageParts(item: Loose): Part[] {
  const content = Array.isArray(item.content) ? (item.content as unknown[]) : [];
  return content.map((entry, contentIndex): Part => {
    const c = isRecord(entry) ? entry : { value: entry };
    if (c.type === "output_text") return textPartFromContent(c, item, contentIndex);
    if (c.type === "refusal") {
      const part: RefusalPart = { type: "refusal", refusal: stringOr(c.refusal, "") };
      const logprobs = logprobsFromWire(c.logprobs);
      if (logprobs) part.logprobs = logprobs;
      if (typeof item.id === "string") part.itemId = item.id;
      part.contentIndex = contentIndex;
      return part;
    }
    return {
      type: "unknown",
      originalType: stringOr(c.type, "unknown"),
      raw: c,
      ...(typeof item.id === "string" ? { id: item.id } : {}),
    };
  });
}

function reasoningPart(item: Loose): Part {
  const summary = Array.isArray(item.summary) ? (item.summary as unknown[]) : [];
  const content = Array.isArray(item.content) ? (item.content as unknown[]) : [];
  const texts = content
    .filter(isRecord)
    .filter((c) => c.type === "reasoning_text" && typeof c.text === "string")
    .map((c) => c.text as string);
  return {
    type: "reasoning",
    ...(typeof item.id === "string" ? { id: item.id } : {}),
    summary: summary.filter(isRecord).map((s) => ({ text: stringOr(s.text, "") })),
    // Paragraph breaks keep several reasoning_text blocks readable as one text.
    ...(texts.length > 0 ? { text: texts.join("\n\n") } : {}),
    ...(typeof item.encrypted_content === "string" || item.encrypted_content === null
      ? { encryptedContent: item.encrypted_content }
      : {}),
  };
}

/**
 * Parses function-call arguments. Invalid JSON gives `undefined` rather than an error: the
 * call stays `input-available` with the raw text in `inputText`, and the tool layer decides
 * whether to report the bad arguments back to the model.
 */
function parseArguments(text: string): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toolCallPart(item: Loose, kind: "function" | "custom"): ToolCallPart {
  const inputText = stringOr(kind === "function" ? item.arguments : item.input, "");
  return {
    type: "tool-call",
    kind,
    state: "input-available",
    toolCallId: stringOr(item.call_id, stringOr(item.id, "")),
    toolName: stringOr(item.name, ""),
    inputText,
    input: kind === "function" ? parseArguments(inputText) : inputText,
    ...(typeof item.id === "string" ? { itemId: item.id } : {}),
  };
}

function imageGenerationState(status: unknown): ImageGenerationState {
  if (status === "completed") return "complete";
  if (status === "failed" || status === "incomplete") return "failed";
  return "generating";
}

function imagePart(item: Loose): Part {
  const format = typeof item.output_format === "string" ? item.output_format : "png";
  return {
    type: "image",
    origin: "generated",
    ...(typeof item.result === "string" && item.result !== "" ? { data: item.result } : {}),
    mediaType: `image/${format}`,
    state: imageGenerationState(item.status),
    ...(typeof item.revised_prompt === "string" ? { revisedPrompt: item.revised_prompt } : {}),
    ...(typeof item.id === "string" ? { id: item.id } : {}),
    item: item as unknown as R.ResponseOutputItem.ImageGenerationCall,
  };
}

const BUILTIN_STATES: Record<string, BuiltinToolState> = {
  completed: "completed",
  in_progress: "in-progress",
  calling: "in-progress",
  searching: "searching",
  interpreting: "interpreting",
  generating: "generating",
  incomplete: "incomplete",
  failed: "failed",
};

/**
 * The state of a built-in tool item from its `status`. Items without a status
 * (`mcp_list_tools`, `mcp_approval_request`, `compaction`) only appear once complete, so
 * they, and statuses newer than this version, read as `completed`.
 */
export function builtinStateFromStatus(status: unknown): BuiltinToolState {
  return (typeof status === "string" ? BUILTIN_STATES[status] : undefined) ?? "completed";
}

/**
 * Maps one Responses API output item to the parts it becomes:
 * - assistant `message`: a `TextPart` per `output_text` (annotations, logprobs, `itemId`,
 *   `contentIndex`, `phase`; no `state` key) and a `RefusalPart` per `refusal`;
 * - `reasoning`: one `ReasoningPart` (summaries, `reasoning_text` joined, encrypted content);
 * - `function_call` / `custom_tool_call`: a `ToolCallPart` in `input-available` (function
 *   arguments that are not valid JSON leave `input` undefined; the tool layer decides);
 * - `image_generation_call`: a generated `ImagePart` keeping the item;
 * - every other built-in tool item: its `BuiltinToolPart` with the item verbatim;
 * - anything else (including `function_call_output` items): an `UnknownPart`.
 */
export function partsFromOutputItem(item: OutputItemLike): Part[] {
  // Something that is not an item at all is still kept, as an unknown part holding it.
  const loose: Loose = isRecord(item) ? item : { value: item };
  const type = stringOr(loose.type, "unknown");
  switch (type) {
    case "message":
      // Only assistant messages hold model output; others (the compact endpoint returns the
      // user's messages) are kept whole so they can be sent back as they came.
      if (loose.role === undefined || loose.role === "assistant") return messageParts(loose);
      break;
    case "reasoning":
      return [reasoningPart(loose)];
    case "function_call":
      return [toolCallPart(loose, "function")];
    case "custom_tool_call":
      return [toolCallPart(loose, "custom")];
    case "image_generation_call":
      return [imagePart(loose)];
  }
  const partType = builtinPartType(type);
  if (partType !== undefined) {
    return [
      {
        type: partType,
        id: stringOr(loose.id, ""),
        state: builtinStateFromStatus(loose.status),
        item: loose,
      } as unknown as Part,
    ];
  }
  return [
    {
      type: "unknown",
      originalType: type,
      raw: loose,
      ...(typeof loose.id === "string" ? { id: loose.id } : {}),
    },
  ];
}
