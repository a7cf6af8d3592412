import type { Part } from "../model/parts.js";
import type {
  ApplyPatchCallPart,
  ShellCallPart,
  ToolSearchCallPart,
} from "../model/builtin-tool-parts.js";

/** A built-in tool call the app runs itself and answers with an output item. */
export type ClientRunCallPart = ApplyPatchCallPart | ShellCallPart | ToolSearchCallPart;

/**
 * True for a call the app must run and answer: every apply_patch call, a `local_shell` call
 * or a `shell` call without a hosted environment, and a tool search with
 * `execution: "client"`. Hosted shells and searches run on OpenAI's side and come back with
 * their output in the same response.
 */
export function isClientRunCall(part: Part): part is ClientRunCallPart {
  switch (part.type) {
    case "apply-patch-call":
      return true;
    case "shell-call": {
      const item = part.item as { type?: string; environment?: { type?: string } | null };
      if (item.type === "local_shell_call") return true;
      return !item.environment || item.environment.type === "local";
    }
    case "tool-search-call":
      return (part.item as { execution?: string }).execution === "client";
    default:
      return false;
  }
}

/** The call id an output item for this call must carry. */
export function clientRunCallId(part: ClientRunCallPart): string {
  return String((part.item as { call_id?: unknown }).call_id ?? "");
}
