import type { Message } from "../model/message.js";
import type { ApiCodec } from "./codec.js";
import { loadOnce } from "./load-once.js";
import type { ApiChoice, ChatInput, ResolvedApi } from "./types.js";

/*
 * Each API's wire format is its own chunk, loaded the first time a request goes to that API:
 * an app that only talks to the Responses API never downloads the Chat Completions
 * converters and accumulator, and the other way round.
 */

const loadResponses = loadOnce("colloquy's Responses API codec", async () => {
  const module = await import("./responses-codec.js");
  return module.responsesCodec;
});

const loadChat = loadOnce("colloquy's Chat Completions codec", async () => {
  const module = await import("./chat-codec.js");
  return module.chatCodec;
});

const loadToMessages = loadOnce("colloquy's input normalising", async () => {
  const module = await import("../convert/to-messages.js");
  return module.toMessages;
});

/** The codec of `api`, loading it on first use. */
export function loadApiCodec(api: ResolvedApi): Promise<ApiCodec> {
  return api === "chat" ? loadChat() : loadResponses();
}

/** Starts loading `api`'s codec; a failure is reported when the codec is really needed. */
export function prefetchApiCodec(api: ResolvedApi): void {
  loadApiCodec(api).catch(() => undefined);
}

/** Shorthand input as messages, with the normaliser loaded on first use. */
export async function toMessagesLazily(input: ChatInput): Promise<Message[]> {
  return (await loadToMessages())(input);
}

/**
 * Loads what a first request to `api` will need once the browser is idle, so the first send
 * does not wait for it. `auto` sends plain chat to Chat Completions, so that codec is the one
 * fetched; the Responses codec loads when a request needs it. Nothing happens where the
 * runtime cannot say when it is idle (Node, test environments).
 */
export function prefetchWhenIdle(api: ApiChoice): void {
  const whenIdle = (globalThis as { requestIdleCallback?: (callback: () => void) => unknown })
    .requestIdleCallback;
  if (typeof whenIdle !== "function") return;
  whenIdle(() => {
    loadToMessages().catch(() => undefined);
    prefetchApiCodec(api === "auto" ? "chat" : api);
  });
}
