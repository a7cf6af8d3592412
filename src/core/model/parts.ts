import type { Annotation } from "./annotations.js";
import type { TokenLogprob } from "./usage.js";
import type * as R from "openai/resources/responses/responses";

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

/** The life of a tool call, from arguments streaming in to a result. */
export type ToolCallState =
  | "input-streaming"
  | "input-available"
  | "approval-requested"
  | "output-available"
  | "output-error"
  | "output-denied";

/** Fields common to every state of a tool call. */
interface ToolCallBase {
  /** Discriminant. */
  type: "tool-call";
  /** `function` tools take JSON arguments; `custom` tools take free text. */
  kind: "function" | "custom";
  /** The call id the result must carry (`call_...`). */
  toolCallId: string;
  /** The tool's name. */
  toolName: string;
  /** The raw arguments (JSON text for functions, free text for custom tools), as streamed. */
  inputText: string;
  /** Responses API: the output item id (`fc_...` / `ctc_...`). */
  itemId?: string;
  /** Chat Completions: the position of the call among parallel calls. */
  index?: number;
}

/** Arguments still arriving. */
export interface ToolCallInputStreaming extends ToolCallBase {
  /** Still streaming. */
  state: "input-streaming";
  /** Not parsed yet. */
  input?: never;
  /** No output yet. */
  output?: never;
  /** No error yet. */
  errorText?: never;
}

/** Arguments complete and parsed (or left as text for custom tools). */
export interface ToolCallInputAvailable extends ToolCallBase {
  /** Ready to run. */
  state: "input-available";
  /** Parsed arguments (JSON value for functions, the text for custom tools). */
  input: unknown;
  /** No output yet. */
  output?: never;
  /** No error yet. */
  errorText?: never;
}

/** Waiting for the user to approve the call. */
export interface ToolCallApprovalRequested extends ToolCallBase {
  /** Waiting for a decision. */
  state: "approval-requested";
  /** Parsed arguments. */
  input: unknown;
  /** Approval request id, when the upstream issued one. */
  approvalId?: string;
  /** No output yet. */
  output?: never;
  /** No error yet. */
  errorText?: never;
}

/** The tool ran and produced a result. */
export interface ToolCallOutputAvailable extends ToolCallBase {
  /** Done. */
  state: "output-available";
  /** Parsed arguments. */
  input: unknown;
  /** The result sent back to the model (string or JSON value). */
  output: unknown;
  /** No error. */
  errorText?: never;
}

/** The tool failed, or its arguments were invalid; the error goes back to the model. */
export interface ToolCallOutputError extends ToolCallBase {
  /** Failed. */
  state: "output-error";
  /** Arguments as far as they could be parsed. */
  input?: unknown;
  /** No output. */
  output?: never;
  /** What went wrong, in words the model and the user can read. */
  errorText: string;
}

/** The user denied the call. */
export interface ToolCallOutputDenied extends ToolCallBase {
  /** Denied. */
  state: "output-denied";
  /** Parsed arguments. */
  input: unknown;
  /** No output. */
  output?: never;
  /** The reason given, if any. */
  errorText?: string;
}

/** A function or custom tool call and its result: a state machine on `state`. */
export type ToolCallPart =
  | ToolCallInputStreaming
  | ToolCallInputAvailable
  | ToolCallApprovalRequested
  | ToolCallOutputAvailable
  | ToolCallOutputError
  | ToolCallOutputDenied;

/** Progress of a built-in (hosted) tool call. */
export type BuiltinToolState =
  | "in-progress"
  | "searching"
  | "generating"
  | "interpreting"
  | "completed"
  | "incomplete"
  | "failed"
  | "awaiting-output";

/** A built-in tool call of the Responses API, keeping the OpenAI output item it came from. */
export interface BuiltinToolPart<Type extends string, Item> {
  /** Discriminant. */
  type: Type;
  /** The output item id. */
  id: string;
  /** Progress, from the stream's lifecycle events or the item's `status`. */
  state: BuiltinToolState;
  /** The output item as received, updated by its deltas. */
  item: Item;
}

/** Web search: the queries and pages opened live in `item.action`. */
export type WebSearchCallPart = BuiltinToolPart<"web-search-call", R.ResponseFunctionWebSearch>;
/** File search: queries, and results when `file_search_call.results` was included. */
export type FileSearchCallPart = BuiltinToolPart<"file-search-call", R.ResponseFileSearchToolCall>;
/** Code interpreter: code (streamed), logs, images and files in `item.outputs`. */
export type CodeInterpreterCallPart = BuiltinToolPart<
  "code-interpreter-call",
  R.ResponseCodeInterpreterToolCall
>;
/** Computer use: the action to perform and pending safety checks. */
export type ComputerCallPart = BuiltinToolPart<"computer-call", R.ResponseComputerToolCall> & {
  /** The screenshot the client sent back for this call, when known. */
  output?: ComputerCallOutput;
};
/** A screenshot returned for a computer call. */
export interface ComputerCallOutput {
  /** The screenshot as an image URL (usually `data:image/png;base64,...`). */
  imageUrl?: string;
  /** An uploaded screenshot file id. */
  fileId?: string;
  /** Safety checks the user acknowledged. */
  acknowledgedSafetyChecks?: readonly {
    id: string;
    code?: string | null;
    message?: string | null;
  }[];
}
/** Computer-use output sent by the client (input side of a conversation). */
export type ComputerCallOutputPart = BuiltinToolPart<
  "computer-call-output",
  R.ResponseComputerToolCallOutputItem
>;
/** MCP: a call to a remote MCP server's tool; arguments stream into `item.arguments`. */
export type McpCallPart = BuiltinToolPart<"mcp-call", R.ResponseOutputItem.McpCall>;
/** MCP: the tools a server offers. */
export type McpListToolsPart = BuiltinToolPart<"mcp-list-tools", R.ResponseOutputItem.McpListTools>;
/** MCP: the model asks to call a tool that needs approval. */
export type McpApprovalRequestPart = BuiltinToolPart<
  "mcp-approval-request",
  R.ResponseOutputItem.McpApprovalRequest
> & {
  /** The user's decision, once given. */
  decision?: { approve: boolean; reason?: string };
};
/** MCP: the user's answer to an approval request. */
export type McpApprovalResponsePart = BuiltinToolPart<
  "mcp-approval-response",
  R.ResponseOutputItem.McpApprovalResponse
>;
/**
 * The output item the app sends back for a call it ran itself (apply_patch, a local shell,
 * a client tool search), in the Responses input shape; it follows the call in the next request.
 */
export type ClientToolOutputItem = { type: string; call_id: string } & Record<string, unknown>;
/** Tool search: the model looked up tools to load (`execution: "client"`: the app searches). */
export type ToolSearchCallPart = BuiltinToolPart<"tool-search-call", R.ResponseToolSearchCall> & {
  /** The `tool_search_output` the app returned for a client search, once it has. */
  output?: ClientToolOutputItem;
};
/** Tool search: the tools found. */
export type ToolSearchOutputPart = BuiltinToolPart<
  "tool-search-output",
  R.ResponseToolSearchOutputItem
>;
/** Shell (hosted or local) command call. */
export type ShellCallPart = BuiltinToolPart<
  "shell-call",
  R.ResponseFunctionShellToolCall | R.ResponseOutputItem.LocalShellCall
> & {
  /** For a command the app ran itself: the output item it returned, once it has. */
  output?: ClientToolOutputItem;
};
/** The output of a shell call. */
export type ShellCallOutputPart = BuiltinToolPart<
  "shell-call-output",
  R.ResponseFunctionShellToolCallOutput | R.ResponseOutputItem.LocalShellCallOutput
>;
/** apply_patch: a file operation with its diff (streamed); the app applies it. */
export type ApplyPatchCallPart = BuiltinToolPart<
  "apply-patch-call",
  R.ResponseApplyPatchToolCall
> & {
  /** The `apply_patch_call_output` the app returned, once it has. */
  output?: ClientToolOutputItem;
};
/** apply_patch: the client's report of applying it. */
export type ApplyPatchCallOutputPart = BuiltinToolPart<
  "apply-patch-call-output",
  R.ResponseApplyPatchToolCallOutput
>;
/** Server-side context compaction: an opaque item to send back as is. */
export type CompactionPart = BuiltinToolPart<"compaction", R.ResponseCompactionItem>;

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
  | WebSearchCallPart
  | FileSearchCallPart
  | CodeInterpreterCallPart
  | ComputerCallPart
  | ComputerCallOutputPart
  | McpCallPart
  | McpListToolsPart
  | McpApprovalRequestPart
  | McpApprovalResponsePart
  | ToolSearchCallPart
  | ToolSearchOutputPart
  | ShellCallPart
  | ShellCallOutputPart
  | ApplyPatchCallPart
  | ApplyPatchCallOutputPart
  | CompactionPart
  | UnknownPart;

/** The `type` strings of all parts. */
export type PartType = Part["type"];

/** The part type for a given `type` string. */
export type PartOfType<T extends PartType> = Extract<Part, { type: T }>;
