import { createChatClient } from "../core/client/create-chat-client.js";
import type { ChatClient } from "../core/client/types.js";
import type { ColloquyOptions } from "./options.js";
import { useClientFor } from "./use-client-for.js";

export { stableKey } from "./use-client-for.js";

/**
 * The client for these options, rebuilt only when an option really changes: object options
 * written inline (`defaults`, `headers`) are compared by content, functions by identity.
 */
export function useChatClient(options: ColloquyOptions): ChatClient {
  return useClientFor(options, createChatClient);
}
