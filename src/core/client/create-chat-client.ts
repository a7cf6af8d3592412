import { toChatCompletionsMessages } from "../convert/to-chat-completions-messages.js";
import { toResponsesInput } from "../convert/to-responses-input.js";
import { createChatClientWith } from "./client.js";
import type { ClientCodec } from "./codec.js";
import { loadApiCodec, prefetchApiCodec, toMessagesLazily } from "./lazy-codecs.js";
import type { ChatClient, ChatClientOptions } from "./types.js";

/**
 * The core's conversions for `createChatClient`. Messages -> wire stays at hand because
 * `buildRequest` is synchronous; reading answers (the accumulators, the stream reader) and
 * normalising shorthand input load per API on first use, the reader while the request is
 * in flight.
 */
const splitCodec: ClientCodec = {
  toMessages: toMessagesLazily,
  toChatMessages: (messages) => toChatCompletionsMessages(messages),
  toResponsesInput: (messages, options) => toResponsesInput(messages, options),
  messageFromChatCompletion: async (json) => (await loadApiCodec("chat")).messageFromJson(json),
  messageFromResponse: async (json) => (await loadApiCodec("responses")).messageFromJson(json),
  readMessageStream: async (body, { api, ...options }) =>
    (await loadApiCodec(api)).readStream(body, options),
  prepare: prefetchApiCodec,
};

/**
 * Creates a client for an OpenAI-compatible API (OpenAI itself, the colloquy proxy, Azure,
 * vLLM, Ollama...). Requests stream by default; `api: "auto"` uses the Responses API only
 * when a feature needs it (built-in tools, reasoning summaries, previous response ids,
 * background mode) and Chat Completions otherwise.
 *
 * @example
 * const client = createChatClient({ baseURL: "/api/openai/v1", model: "gpt-4.1-mini" });
 * const reply = await client.invoke("Say hi");
 */
export function createChatClient(options: ChatClientOptions = {}): ChatClient {
  return createChatClientWith(options, splitCodec);
}
