import { messageFromResponse } from "../convert/message-from-response.js";
import { readResponsesStream } from "../stream/read-responses-stream.js";
import type { ApiCodec } from "./codec.js";
import { buildResponsesRequest } from "./responses-request.js";

/** The Responses API on the wire: `input` items out, response events and objects in. */
export const responsesCodec: ApiCodec = {
  buildRequest: (messages, params, stream) => buildResponsesRequest(messages, params, { stream }),
  messageFromJson: (json) => messageFromResponse(json as Record<string, unknown>),
  readStream: (body, options) => readResponsesStream(body, options),
};
