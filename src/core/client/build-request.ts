import type { Message } from "../model/message.js";
import { buildChatRequest } from "./chat-request.js";
import { chooseApi } from "./choose-api.js";
import type { ClientCodec } from "./codec.js";
import { buildResponsesRequest } from "./responses-request.js";
import type { ApiChoice, BuiltRequest, RequestParams } from "./types.js";

/** What request building needs besides messages and params. */
export interface BuildContext {
  /** The API choice (resolved here when `auto`). */
  api: ApiChoice;
  /** Stream the response. */
  stream: boolean;
  /** The message converters. */
  codec: Pick<ClientCodec, "toChatMessages" | "toResponsesInput">;
}

/**
 * Builds the HTTP request for messages and params (pure). Params that the chosen API cannot
 * express are dropped with a warning rather than sent to fail upstream.
 */
export function buildRequest(
  messages: readonly Message[],
  params: RequestParams,
  context: BuildContext,
): BuiltRequest {
  const api = chooseApi(context.api, messages, params);
  const { stream, codec } = context;
  return api === "chat"
    ? buildChatRequest(messages, params, { stream, toChatMessages: codec.toChatMessages })
    : buildResponsesRequest(messages, params, {
        stream,
        toResponsesInput: codec.toResponsesInput,
      });
}
