import type { CustomToolSpec, EmulatorRequest } from "./emulator-request-model.js";
import { customToolInput, grammarKeywords } from "./grammar-input.js";
import type { IdFactory } from "./ids.js";
import type { JsonSchema } from "./json-schema-sample.js";
import { message, type OutputItem } from "./output-items.js";
import { toBase64 } from "./png.js";
import { valueFromPrompt } from "./prompt-arguments.js";

/**
 * Planned output of the tools an application runs itself or OpenAI runs for it (custom tools,
 * apply_patch, shell and local shell, tool search) and of context compaction, each item in the
 * shape the recordings hold (responses/apply-patch-call, shell-call-*, local-shell-call,
 * tool-search-*, compaction-item, custom-tool-call-*).
 */

type Json = Record<string, unknown>;

function wordsOf(name: string): string[] {
  return name
    .split(/[^a-zA-Z0-9]+|(?=[A-Z])/)
    .filter((word) => word.length >= 3 && !/^(get|set|run|fetch|tool|call|exp)$/i.test(word))
    .map((word) => word.toLowerCase());
}

function said(text: string, word: string): boolean {
  return new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "i").test(text);
}

/** Custom tools the text names: by a word of the name (`run_sql` by "sql") or of its grammar ("FROM"). */
export function mentionedCustomTools(request: EmulatorRequest, text: string): CustomToolSpec[] {
  return request.customTools.filter((tool) => {
    const grammarWords = tool.grammar
      ? [...grammarKeywords(tool.grammar.syntax, tool.grammar.definition)].filter(
          (word) => word.length >= 4,
        )
      : [];
    return [...wordsOf(tool.name), ...grammarWords].some((word) => said(text, word));
  });
}

/** Items of the custom-tool-calls scenario: one call, its input shaped by the tool's grammar. */
export function customToolCalls(
  request: EmulatorRequest,
  userText: string,
  ids: IdFactory,
): OutputItem[] {
  const tool = mentionedCustomTools(request, userText)[0] ?? request.customTools[0]!;
  return [
    {
      id: ids.next("ctc"),
      type: "custom_tool_call",
      status: "completed",
      call_id: ids.next("call"),
      input: customToolInput(tool.grammar, userText),
      name: tool.name,
    },
  ];
}

/** The file path the text names, if any (`src/app.py`, `notes.md`). */
function pathIn(text: string): string | undefined {
  return /(?:[\w.-]+\/)*[\w-]+\.[A-Za-z]\w*/.exec(text)?.[0];
}

/** Items of the apply-patch scenario: a create, update or delete operation on the file named. */
export function applyPatch(userText: string, ids: IdFactory): OutputItem[] {
  const path = pathIn(userText) ?? "notes.md";
  const operation: Json = /\b(delete|remove)/i.test(userText)
    ? { type: "delete_file", path }
    : /\b(rename|update|edit|change|fix|modify|replace)/i.test(userText)
      ? {
          type: "update_file",
          diff: "@@\n-Draft\n+Final, as asked\n",
          path,
        }
      : {
          type: "create_file",
          diff: `+# ${path}\n+\n+Written by the colloquy emulator for: ${userText.slice(0, 80)}\n`,
          path,
        };
  return [
    {
      id: ids.next("apc"),
      type: "apply_patch_call",
      status: "completed",
      call_id: ids.next("call"),
      operation,
    },
  ];
}

/** The command the text asks for: one in backticks, else a directory listing. */
function commandIn(text: string): string {
  return /`([^`]+)`/.exec(text)?.[1] ?? "ls -a";
}

/**
 * Items of the shell scenario. A hosted shell (`environment` a container) runs the command
 * in OpenAI's container: the call, its output and the answer come in one response. A local
 * shell (no environment) ends with the call, for the application to run.
 */
export function shell(request: EmulatorRequest, userText: string, ids: IdFactory): OutputItem[] {
  const environment = request.shellTool?.environment as Json | undefined;
  const command = commandIn(userText);
  const callId = ids.next("call");
  const call: OutputItem = {
    id: ids.next("sh"),
    type: "shell_call",
    status: "completed",
    action: { commands: [command], max_output_length: null, timeout_ms: null },
    call_id: callId,
  };
  if (!environment || environment.type === "local") return [call];
  const containerId =
    typeof environment.container_id === "string" ? environment.container_id : ids.next("cntr");
  call.environment = { type: "container_reference", container_id: containerId };
  const stdout = ".\n..\nREADME.md\n";
  return [
    call,
    {
      id: ids.next("sho"),
      type: "shell_call_output",
      status: "completed",
      call_id: callId,
      max_output_length: null,
      output: [{ outcome: { type: "exit", exit_code: 0 }, stderr: "", stdout }],
    },
    message(ids, `I ran \`${command}\` in the container: it holds one file, README.md.`),
  ];
}

/** Items of the local-shell scenario (the `local_shell` tool): one exec action for the application. */
export function localShell(userText: string, ids: IdFactory): OutputItem[] {
  return [
    {
      id: ids.next("lsh"),
      type: "local_shell_call",
      status: "completed",
      action: { type: "exec", command: commandIn(userText).split(/\s+/), env: {} },
      call_id: ids.next("call"),
    },
  ];
}

function toolName(tool: Json): string {
  return String(tool.name ?? "tool");
}

/**
 * Items of the tool-search scenario. Hosted (`execution` not `client`): OpenAI searches the
 * deferred tools, loads the one the text names and calls it, all in one response. Client: the
 * response ends with a `tool_search_call` the application answers with `tool_search_output`.
 */
export function toolSearch(
  request: EmulatorRequest,
  userText: string,
  ids: IdFactory,
): OutputItem[] {
  if (request.toolSearch?.execution === "client") {
    return [
      {
        id: ids.next("tsc"),
        type: "tool_search_call",
        status: "completed",
        arguments: { goal: `Find a tool that can help with: ${userText.slice(0, 120)}` },
        call_id: ids.next("call"),
        execution: "client",
      },
    ];
  }
  const deferred = request.deferredFunctions;
  const named = deferred.find((tool) => wordsOf(toolName(tool)).some((w) => said(userText, w)));
  const tool = named ?? deferred[0]!;
  const name = toolName(tool);
  const parameters = tool.parameters as JsonSchema | undefined;
  return [
    {
      id: ids.next("tsc"),
      type: "tool_search_call",
      status: "completed",
      arguments: { paths: [name] },
      call_id: null,
      execution: "server",
    },
    {
      id: ids.next("tso"),
      type: "tool_search_output",
      status: "completed",
      call_id: null,
      execution: "server",
      tools: [tool],
    },
    {
      id: ids.next("fc"),
      type: "function_call",
      status: "completed",
      arguments: JSON.stringify(parameters ? valueFromPrompt(parameters, userText) : {}),
      call_id: ids.next("call"),
      name,
      namespace: name,
    },
  ];
}

/** The compaction item a response ends with when its input passed `compact_threshold`. */
export function compaction(ids: IdFactory, summary: string): OutputItem {
  const bytes = new TextEncoder().encode(`compacted:${summary.slice(0, 200)}`);
  return {
    id: ids.next("cmp"),
    type: "compaction",
    encrypted_content: `gAAAAemu${toBase64(bytes)}`,
  };
}
