import { messageFromChatCompletion } from "../convert/message-from-chat-completion.js";
import { messageFromResponse } from "../convert/message-from-response.js";
import { toChatCompletionsMessages } from "../convert/to-chat-completions-messages.js";
import { toMessages } from "../convert/to-messages.js";
import { toResponsesInput } from "../convert/to-responses-input.js";
import { readMessageStream } from "../stream/read-message-stream.js";
import type { ClientCodec } from "./codec.js";

/**
 * The core's conversions and stream readers, all loaded up front: for tests and for callers of
 * `createChatClientWith` that want nothing loaded on use (`createChatClient` loads them per API).
 */
export const defaultCodec: ClientCodec = {
  toMessages,
  toChatMessages: (messages) => toChatCompletionsMessages(messages),
  toResponsesInput: (messages, options) => toResponsesInput(messages, options),
  messageFromChatCompletion: (json) => messageFromChatCompletion(json as Record<string, unknown>),
  messageFromResponse: (json) => messageFromResponse(json as Record<string, unknown>),
  readMessageStream: (body, options) => readMessageStream(body, options),
};
