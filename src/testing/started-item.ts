import type { OutputItem } from "./output-items.js";

/** How each output item type first appears in a stream, as the recordings show it. */

type Json = Record<string, unknown>;

/** The item as `response.output_item.added` announces it: in progress, its streamed fields empty. */
export function startedItem(item: OutputItem): Json {
  switch (item.type) {
    case "message":
      return {
        id: item.id,
        type: "message",
        status: "in_progress",
        content: [],
        role: "assistant",
      };
    case "reasoning": {
      const started: Json = { id: item.id, type: "reasoning", summary: [] };
      if (item.encrypted_content !== undefined) started.encrypted_content = item.encrypted_content;
      return started;
    }
    case "function_call":
      return { ...item, status: "in_progress", arguments: "" };
    case "web_search_call":
      return { id: item.id, type: "web_search_call", status: "in_progress" };
    case "file_search_call":
      return { ...item, status: "in_progress", queries: [], results: null };
    case "image_generation_call":
      // OpenAI announces the call with its id and status only; the image comes with done.
      return { id: item.id, type: "image_generation_call", status: "in_progress" };
    case "code_interpreter_call":
      return { ...item, status: "in_progress", code: "", outputs: [] };
    case "mcp_list_tools":
      return { ...item, tools: [] };
    case "mcp_call":
      return { ...item, status: "in_progress", arguments: "", output: null };
    case "computer_call":
    case "tool_search_output":
      return { ...item, status: "in_progress" };
    case "custom_tool_call":
      return { ...item, status: "in_progress", input: "" };
    case "apply_patch_call": {
      const operation = item.operation as Json;
      // The diff streams; a deletion has none.
      const started = operation.type === "delete_file" ? operation : { ...operation, diff: "" };
      return { ...item, status: "in_progress", operation: started };
    }
    case "shell_call":
      return {
        ...item,
        status: "in_progress",
        action: { ...(item.action as Json), commands: [] },
      };
    case "shell_call_output":
      return { ...item, output: [] };
    case "local_shell_call":
      return { ...item, status: "in_progress", action: { ...(item.action as Json), command: [] } };
    case "tool_search_call":
      return { ...item, status: "in_progress", arguments: {} };
    default:
      return item;
  }
}
