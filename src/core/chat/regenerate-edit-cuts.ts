import type { Message } from "../model/message.js";
import { forkAt, type ChatBranches } from "./branches.js";
import { ColloquyError } from "../errors.js";
import { unknownMessage } from "./chat-store-errors.js";
import { indexOfMessage } from "./conversation.js";
import { isReadyToContinue } from "./tool-parts.js";

/**
 * Where `regenerate()` and `edit()` cut the conversation before asking again, and the
 * conversation after the cut, with what it replaced kept as an earlier version. Pure: the
 * store applies the result and streams the new answer.
 */

/**
 * The index `regenerate(messageId?)` cuts at (the messages before it stay). Without an id:
 * after the last user message, past the tool steps whose results are all in. With an
 * assistant message's id: at it; with a user message's id: after it. Throws for an id the
 * conversation does not have.
 */
export function regenerateCut(messages: readonly Message[], messageId?: string): number {
  if (messageId !== undefined) {
    const index = indexOfMessage(messages, messageId);
    if (index === -1) throw unknownMessage(messageId);
    return messages[index]!.role === "user" ? index + 1 : index;
  }
  const lastUser = findLastIndex(messages, (m) => m.role === "user");
  let cut = lastUser === -1 ? messages.length : lastUser + 1;
  // Tool steps already answered stay: asking again from their results replaces only the
  // last answer, and the tools do not run a second time.
  while (cut < messages.length && isReadyToContinue(messages[cut])) cut++;
  return cut;
}

/**
 * The index of the user message `edit(messageId, ...)` replaces. Throws for an id the
 * conversation does not have, or one of a message that is not the user's.
 */
export function editIndex(messages: readonly Message[], messageId: string): number {
  const index = indexOfMessage(messages, messageId);
  if (index === -1) throw unknownMessage(messageId);
  const message = messages[index]!;
  if (message.role !== "user") {
    throw new ColloquyError(
      "invalid_input",
      `Message "${messageId}" is a ${message.role} message; only user messages can be edited. Use regenerate() for answers.`,
    );
  }
  return index;
}

/**
 * The conversation cut at `cut`, then `next` when given (an edited message), and the
 * branches with what followed the cut kept as an earlier version.
 */
export function cutConversation(
  messages: readonly Message[],
  branches: ChatBranches,
  cut: number,
  next?: Message,
): { messages: readonly Message[]; branches: ChatBranches } {
  return {
    messages: next ? [...messages.slice(0, cut), next] : messages.slice(0, cut),
    branches: forkAt(branches, messages, cut),
  };
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}
