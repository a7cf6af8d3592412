import { createEmulatorHandler } from "../../src/testing/index.js";

/** The emulator answering in the page, and every request body the chat sent it. */
export interface RecordingEmulator {
  /** A `fetch` for `chatOptions.fetch`: the emulator's handler, run in the page. */
  fetch: typeof fetch;
  /** The JSON bodies of the model requests, in order. */
  bodies: Record<string, unknown>[];
}

/** The in-page emulator, recording what each request carried. */
export function recordingEmulator(): RecordingEmulator {
  const handler = createEmulatorHandler();
  const bodies: Record<string, unknown>[] = [];
  return {
    bodies,
    fetch: async (input, init) => {
      if (typeof init?.body === "string")
        bodies.push(JSON.parse(init.body) as Record<string, unknown>);
      return handler(new Request(new URL(String(input), "http://127.0.0.1/"), init));
    },
  };
}

/**
 * The calls in a request body that have no output: function / custom calls without their
 * `*_call_output` (Responses), `tool_calls` without a `role: "tool"` message (Chat). OpenAI
 * rejects a request with any.
 */
export function unansweredCalls(body: Record<string, unknown>): string[] {
  const calls = new Set<string>();
  const answered = new Set<string>();
  if (Array.isArray(body.input)) {
    for (const item of body.input as Record<string, unknown>[]) {
      if (item.type === "function_call" || item.type === "custom_tool_call") {
        calls.add(String(item.call_id));
      }
      if (item.type === "function_call_output" || item.type === "custom_tool_call_output") {
        answered.add(String(item.call_id));
      }
    }
  }
  if (Array.isArray(body.messages)) {
    for (const message of body.messages as Record<string, unknown>[]) {
      for (const call of (message.tool_calls as { id: string }[] | undefined) ?? []) {
        calls.add(call.id);
      }
      if (message.role === "tool") answered.add(String(message.tool_call_id));
    }
  }
  return [...calls].filter((id) => !answered.has(id));
}
