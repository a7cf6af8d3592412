import type * as R from "openai/resources/responses/responses";
import type { Annotation } from "./annotations.js";
import type { TokenLogprob } from "./usage.js";
import type { AnyBuiltinToolPart } from "./builtin-tool-parts.js";
import type { ToolCallPart } from "./tool-call-part.js";

/**
 * Message parts: a union discriminated on `type`. Anything still arriving carries a
 * `state` string, so a renderer can tell a streaming part from a finished one without
 * looking at the message.
 *
 * Built-in tool calls of the Responses API keep the OpenAI output item itself in `item`
 * (updated as its events arrive), so no field the API sends is ever dropped and the item
 * can be sent back verbatim as input.
 */

/** Whether a streamed part is still receiving deltas. */
export type StreamState = "streaming" | "done";

/** Plain text, with the citations the model attached to it. */
export interface TextPart {
  /** Discriminant. */
  type: "text";
  /** The text so far. */
  text: string;
  /** `streaming` while deltas arrive; absent or `done` once complete. */
  state?: StreamState;
  /** Citations, in arrival order. */
  annotations?: readonly Annotation[];
  /** Per-token log probabilities, when requested. */
  logprobs?: readonly TokenLogprob[];
  /** Responses API: id of the message output item this text belongs to. */
  itemId?: string;
  /** Responses API: index of this content part within its message item. */
  contentIndex?: number;
  /** Responses API: the message's `phase` (`commentary` or `final_answer`) where sent. */
  phase?: string;
  /** Fields of the content part this version does not map, kept verbatim. */
  extra?: Record<string, unknown>;
}

/** The model declined to answer (structured output refusals). */
export interface RefusalPart {
  /** Discriminant. */
  type: "refusal";
  /** The refusal message so far. */
  refusal: string;
  /** `streaming` while deltas arrive. */
  state?: StreamState;
  /** Per-token log probabilities of the refusal, when requested. */
  logprobs?: readonly TokenLogprob[];
  /** Responses API: id of the message output item. */
  itemId?: string;
  /** Responses API: index of this content part within its message item. */
  contentIndex?: number;
}

/** One paragraph of a reasoning summary. */
export interface ReasoningSummary {
  /** The summary text so far. */
  text: string;
  /** `streaming` while deltas arrive. */
  state?: StreamState;
}

/** The model's reasoning: summaries, raw reasoning text where exposed, and the encrypted blob. */
export interface ReasoningPart {
  /** Discriminant. */
  type: "reasoning";
  /** Responses API reasoning item id (`rs_...`). */
  id?: string;
  /** Summary paragraphs, in order. */
  summary: readonly ReasoningSummary[];
  /** Raw reasoning text (`reasoning_text` content), where the model exposes it. */
  text?: string;
  /** Opaque `encrypted_content`, to be sent back so reasoning + tool loops keep context. */
  encryptedContent?: string | null;
  /** `streaming` while the model is thinking. */
  state?: StreamState;
  /** Milliseconds the reasoning took, measured from the stream's own events where available. */
  durationMs?: number;
}

/** Where an image part came from. */
export type ImageOrigin = "input" | "generated";

/** Progress of a generated image. */
export type ImageGenerationState = "generating" | "partial" | "complete" | "failed";

/** An image: one the user attached, or one the image generation tool made. */
export interface ImagePart {
  /** Discriminant. */
  type: "image";
  /** `input` for user images, `generated` for the image generation tool. */
  origin: ImageOrigin;
  /** An http(s) or `data:` URL. */
  url?: string;
  /** Base64 bytes without the data URL prefix (generated images, partial previews). */
  data?: string;
  /** The image's MIME type, e.g. `image/png`. */
  mediaType?: string;
  /** An OpenAI file id, for uploaded images. */
  fileId?: string;
  /** Vision detail level. */
  detail?: "auto" | "low" | "high" | "original";
  /** Generated images: progress. Input images have none. */
  state?: ImageGenerationState;
  /** Generated images: index of the latest partial preview received. */
  partialImageIndex?: number;
  /** Generated images: the prompt as the tool rewrote it. */
  revisedPrompt?: string;
  /** Generated images: the image_generation_call item id. */
  id?: string;
  /** Generated images: the output item as received (size, quality, background, ...). */
  item?: R.ResponseOutputItem.ImageGenerationCall;
}

/** A file input (PDF and others). */
export interface FilePart {
  /** Discriminant. */
  type: "file";
  /** The file's MIME type. */
  mediaType: string;
  /** Base64 bytes, without the data URL prefix. */
  data?: string;
  /** A URL the API can fetch. */
  url?: string;
  /** An uploaded OpenAI file id. */
  fileId?: string;
  /** The file name shown to the model and the user. */
  filename?: string;
}

/** Audio: a recording the user sent, or speech the model produced. */
export interface AudioPart {
  /** Discriminant. */
  type: "audio";
  /** `input` from the user, `output` from the model. */
  origin: "input" | "output";
  /** Base64 audio bytes so far. */
  data?: string;
  /** Encoding, e.g. `wav`, `mp3`, `pcm16`. */
  format?: string;
  /** What was said, when known. */
  transcript?: string;
  /** Chat Completions audio id, to refer to it in a later turn. */
  id?: string;
  /** Unix seconds after which the audio id can no longer be referenced. */
  expiresAt?: number;
  /** `streaming` while deltas arrive. */
  state?: StreamState;
}

/** An output item or content part this version does not know; kept verbatim. */
export interface UnknownPart {
  /** Discriminant. */
  type: "unknown";
  /** The wire `type` of what was received. */
  originalType: string;
  /** The item or content part exactly as received (and as updated by its events). */
  raw: Record<string, unknown>;
  /** The item id, when it had one. */
  id?: string;
}

/** Every part a message can hold. */
export type Part =
  | TextPart
  | RefusalPart
  | ReasoningPart
  | ImagePart
  | FilePart
  | AudioPart
  | ToolCallPart
  | AnyBuiltinToolPart
  | UnknownPart;

/** The `type` strings of all parts. */
export type PartType = Part["type"];

/** The part type for a given `type` string. */
export type PartOfType<T extends PartType> = Extract<Part, { type: T }>;
