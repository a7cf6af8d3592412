import type { OutputItem } from "./output-items.js";
import type { EventList } from "./event-list.js";
import { splitTokens } from "./tokens.js";

/**
 * The events between an item's `added` and `done` for custom tool calls, apply_patch calls and
 * shell calls and outputs, with the fields and order of the recordings (custom-tool-call-stream,
 * apply-patch-call, shell-call-local, shell-call-hosted-container).
 */

type Json = Record<string, unknown>;

function pieces(text: string): string[] {
  return text.match(/[\s\S]{1,8}/g) ?? [];
}

/** Pushes the streamed events of `item` (one of the four types above) onto `list`. */
export function clientToolEvents(list: EventList, item: OutputItem, outputIndex: number): void {
  const at = { output_index: outputIndex, item_id: item.id };
  switch (item.type) {
    case "custom_tool_call": {
      const input = String(item.input);
      for (const delta of pieces(input)) {
        list.push({ type: "response.custom_tool_call_input.delta", ...at, delta });
      }
      list.push({ type: "response.custom_tool_call_input.done", ...at, input });
      return;
    }
    case "apply_patch_call": {
      const operation = item.operation as Json;
      if (typeof operation.diff !== "string") return;
      for (const delta of splitTokens(operation.diff)) {
        list.push({ type: "response.apply_patch_call_operation_diff.delta", ...at, delta });
      }
      list.push({
        type: "response.apply_patch_call_operation_diff.done",
        ...at,
        diff: operation.diff,
      });
      return;
    }
    case "shell_call": {
      // The command events name the item by its output index only, as recorded.
      const commands = ((item.action as Json).commands as string[] | undefined) ?? [];
      commands.forEach((command, commandIndex) => {
        const place = { output_index: outputIndex, command_index: commandIndex };
        list.push({ type: "response.shell_call_command.added", ...place, command: "" });
        for (const delta of splitTokens(command)) {
          list.push({ type: "response.shell_call_command.delta", ...place, delta });
        }
        list.push({ type: "response.shell_call_command.done", ...place, command });
      });
      return;
    }
    case "shell_call_output": {
      const output = (item.output as Json[] | undefined) ?? [];
      output.forEach((result, commandIndex) => {
        const place = { ...at, command_index: commandIndex };
        if (typeof result.stdout === "string" && result.stdout !== "") {
          list.push({
            type: "response.shell_call_output_content.delta",
            ...place,
            delta: { stdout: result.stdout },
          });
        }
        list.push({ type: "response.shell_call_output_content.done", ...place, output: [result] });
      });
      return;
    }
  }
}
