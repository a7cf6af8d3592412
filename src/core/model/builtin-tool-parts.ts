import type * as R from "openai/resources/responses/responses";
import type { ApprovalDecision } from "./approval-decision.js";

/**
 * Built-in (hosted and client-run) tool calls of the Responses API: each keeps the OpenAI
 * output item itself in `item`, updated as its events arrive, so nothing the API sends is
 * dropped and the item can be sent back verbatim as input.
 */

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
  /**
   * The person's answer to the call's pending safety checks, once given: acknowledged (the
   * action runs and its output acknowledges them) or refused (the call stays `incomplete`).
   */
  decision?: ApprovalDecision;
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
  decision?: ApprovalDecision;
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
/**
 * Where a call the app runs stands with a person's approval: `requested` (waiting for a
 * decision), `approved` (the app may run it), `denied` (a refusal went back as its output).
 * Absent when no approval was asked.
 */
export type ClientRunApproval = "requested" | "approved" | "denied";
/** Tool search: the model looked up tools to load (`execution: "client"`: the app searches). */
export type ToolSearchCallPart = BuiltinToolPart<"tool-search-call", R.ResponseToolSearchCall> & {
  /** The `tool_search_output` the app returned for a client search, once it has. */
  output?: ClientToolOutputItem;
  /** The approval the app asked for before running the call, when it asked. */
  approval?: ClientRunApproval;
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
  /** The approval the app asked for before running the call, when it asked. */
  approval?: ClientRunApproval;
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
  /** The approval the app asked for before running the call, when it asked. */
  approval?: ClientRunApproval;
};
/** apply_patch: the client's report of applying it. */
export type ApplyPatchCallOutputPart = BuiltinToolPart<
  "apply-patch-call-output",
  R.ResponseApplyPatchToolCallOutput
>;
/** Server-side context compaction: an opaque item to send back as is. */
export type CompactionPart = BuiltinToolPart<"compaction", R.ResponseCompactionItem>;

/** Every built-in tool part, one member per built-in row of the part-type table. */
export type AnyBuiltinToolPart =
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
  | CompactionPart;
