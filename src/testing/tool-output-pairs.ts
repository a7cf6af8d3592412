import { invalid, type RequestError } from "./request-error.js";

/**
 * Every call the application runs needs its output in the next request, and every output its
 * call: function and custom tool calls, apply_patch, shell and local shell calls, and a client
 * tool search. OpenAI documents the refusal for function calls; the others are held to the same
 * rule (the stricter choice), so a loop that forgets an output fails offline as online.
 */

type Json = Record<string, unknown>;

/** Each call type, the output type that answers it, and how the error names the call. */
const PAIRS: Record<string, { output: string; kind: string }> = {
  function_call: { output: "function_call_output", kind: "function call" },
  custom_tool_call: { output: "custom_tool_call_output", kind: "custom tool call" },
  apply_patch_call: { output: "apply_patch_call_output", kind: "apply patch call" },
  shell_call: { output: "shell_call_output", kind: "shell call" },
  local_shell_call: { output: "local_shell_call_output", kind: "local shell call" },
  tool_search_call: { output: "tool_search_output", kind: "tool search call" },
};

const OUTPUTS = new Set(Object.values(PAIRS).map((pair) => pair.output));

/** True when OpenAI ran the item itself (hosted shell, hosted tool search): nothing to answer. */
function serverSide(item: Json): boolean {
  return item.execution === "server" || item.call_id === null || item.environment !== undefined;
}

/** The first unanswered call or unmatched output in `items`, as OpenAI words it for functions. */
export function toolOutputsProblem(items: Json[]): RequestError | undefined {
  const calls = new Map<string, string>();
  const aliases = new Map<string, string>();
  const answered = new Set<string>();
  const hosted = new Set<string>();
  for (const item of items) {
    const type = String(item.type);
    if (PAIRS[type] && serverSide(item)) hosted.add(String(item.call_id));
    if (PAIRS[type] && !serverSide(item)) {
      const callId = String(item.call_id);
      calls.set(callId, type);
      // A local shell output names its call by the call's item id (`id`), or by `call_id`.
      if (typeof item.id === "string") aliases.set(item.id, callId);
    }
    if (OUTPUTS.has(type) && !serverSide(item)) {
      const key = String(item.call_id ?? item.id);
      // The output of a command OpenAI ran itself comes with its call in the same response.
      if (hosted.has(key)) continue;
      const callId = calls.has(key) ? key : aliases.get(key);
      if (callId === undefined) {
        return invalid(
          `No tool call found for function call output with call_id ${key}.`,
          "input",
          null,
        );
      }
      answered.add(callId);
    }
  }
  for (const [callId, type] of calls) {
    if (!answered.has(callId)) {
      return invalid(`No tool output found for ${PAIRS[type]!.kind} ${callId}.`, "input", null);
    }
  }
  return undefined;
}
