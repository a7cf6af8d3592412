import { messageFromChatCompletion } from "../convert/message-from-chat-completion.js";
import { readChatStream } from "../stream/read-chat-stream.js";
import { buildChatRequest } from "./chat-request.js";
import type { ApiCodec } from "./codec.js";

/** Chat Completions on the wire: `messages` out, completion chunks and objects in. */
export const chatCodec: ApiCodec = {
  buildRequest: (messages, params, stream) => buildChatRequest(messages, params, { stream }),
  messageFromJson: (json) => messageFromChatCompletion(json as Record<string, unknown>),
  readStream: (body, options) => readChatStream(body, options),
};
