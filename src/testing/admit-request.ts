import { carriedConversation, inputItems } from "./conversation.js";
import type { EmulatorApi, EmulatorRequest } from "./emulator-request-model.js";
import { readChatRequest, readResponsesRequest } from "./emulator-request.js";
import type { IdFactory } from "./ids.js";
import type { ResponseStore } from "./response-store.js";
import { contextProblem, validateBody, type RequestError } from "./validate-request.js";

/**
 * The gate every create request passes before the scripted model sees it: OpenAI's own
 * checks (validate-request.ts), then the conversation `previous_response_id` carries, so
 * what the model reads and what a client's error path sees are what OpenAI would give.
 */

type Json = Record<string, unknown>;

/** A request OpenAI would accept, read, with the state it brings. */
export interface AdmittedRequest {
  /** The request as the scenarios read it (Responses: the carried conversation included). */
  request: EmulatorRequest;
  /** Responses: the carried conversation, then this request's own input items. */
  conversation: Json[];
  /** Responses: this request's own input items, with ids. */
  input: Json[];
}

/**
 * Reads `body` as `api` does, or answers with the error OpenAI would: the body's own
 * problems first, then an unknown `previous_response_id`, then input beyond the context
 * window (which only the whole conversation shows).
 */
export function admitRequest(
  api: EmulatorApi,
  body: Json,
  store: ResponseStore,
  ids: IdFactory,
): AdmittedRequest | RequestError {
  if (api === "chat") {
    const problem = validateBody("chat", body);
    if (problem) return problem;
    const request = readChatRequest(body);
    return contextProblem(request) ?? { request, conversation: [], input: [] };
  }
  const carried = carriedConversation(store, body);
  const found = Array.isArray(carried);
  const input = inputItems(body, ids);
  const conversation = found ? [...carried, ...input] : input;
  // Without the carried calls, outputs that answer them would look unanswered: check the
  // pairing only when the conversation is whole, after the id itself is known.
  const problem = validateBody("responses", body, found ? conversation : []);
  if (problem) return problem;
  if (!found) return carried;
  const request = readResponsesRequest({ ...body, input: conversation });
  return contextProblem(request) ?? { request, conversation, input };
}

/** True when `value` is a rejection rather than an admitted request. */
export function isRequestError(value: AdmittedRequest | RequestError): value is RequestError {
  return "status" in value;
}
