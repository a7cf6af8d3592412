import type { MessageError } from "../model/message.js";
import type { ChatPersistence } from "./chat-persistence.js";
import type { ChatStateCell } from "./chat-state-cell.js";
import type { ChatTurns } from "./chat-turns.js";
import { isResumable, totalUsage, upsertMessage } from "./conversation.js";
import type { ChatStoreOptions } from "./types.js";

/** What an answer a reload cut off records when it cannot be resumed. */
const interrupted: MessageError = {
  message:
    "The answer was interrupted before it finished (the page was closed or reloaded). Regenerate to ask again.",
  code: "stream_cut",
};

/**
 * Loads the saved conversation into the store (`ChatStore.start`) and picks up an answer a
 * reload cut off: a background response is reconnected to from its last event when the
 * client can and `options.resume` is not false, any other is marked failed with `stream_cut` so Retry is
 * offered instead of a spinner that never ends. Resolves once loaded; a resumed stream goes
 * on (`ChatStore.settled` waits for it).
 */
export async function restoreConversation(
  cell: ChatStateCell,
  persistence: ChatPersistence,
  turns: ChatTurns,
  options: Pick<ChatStoreOptions, "resume">,
): Promise<void> {
  const stored = await persistence.load();
  if (stored) {
    const { messages, branches } = stored;
    // Not saved back: storage already holds what was just read from it.
    cell.set({ messages, branches: branches ?? {}, usage: totalUsage(messages) }, "now", false);
  }
  const last = cell.state.messages.at(-1);
  if (last?.role !== "assistant" || last.status !== "in-progress") return;
  if (options.resume !== false && turns.client.resume && isResumable(last)) {
    // Not awaited: start() resolves once loaded, the stream goes on (see settled()).
    void turns.run({ kind: "resume", message: last });
    return;
  }
  cell.set(
    {
      messages: upsertMessage(cell.state.messages, {
        ...last,
        status: "failed",
        error: interrupted,
      }),
    },
    "now",
  );
}
