import type { Message } from "../model/message.js";

/**
 * An empty assistant message, `in-progress`, ready to accumulate a stream into. Without an
 * `id` the id is empty and the accumulators fill it from the first event that carries the
 * response or completion id, so streamed and non-streamed results share their ids.
 */
export function createAssistantMessage(id?: string): Message {
  return { id: id ?? "", role: "assistant", parts: [], metadata: {}, status: "in-progress" };
}
