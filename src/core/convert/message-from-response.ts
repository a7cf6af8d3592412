import type * as R from "openai/resources/responses/responses";
import type { Message, MessageError, MessageMetadata, MessageStatus } from "../model/message.js";
import type { Part } from "../model/parts.js";
import { createMessageId } from "../model/create.js";
import { partsFromOutputItem } from "./parts-from-output-item.js";
import type { ConversionResult, ConversionWarning } from "./result.js";
import { usageFromResponses } from "./usage-from-wire.js";
import { describe, invalidInput } from "./input-errors.js";
import { isRecord, unmappedFields } from "./wire-helpers.js";

/**
 * Fields of a response object that are mapped into the message, or that only echo the
 * request back (instructions, tools, sampling and reasoning settings, the request's own
 * metadata, ...). Everything else, such as Azure's `content_filters` or fields newer than
 * this version, goes to `metadata.extra` so nothing the server reported is lost.
 */
const RESPONSE_MAPPED_OR_ECHOED: ReadonlySet<string> = new Set([
  // mapped
  "id",
  "object",
  "created_at",
  "model",
  "output",
  "output_text",
  "usage",
  "status",
  "incomplete_details",
  "error",
  "service_tier",
  "background",
  // echoed request parameters
  "instructions",
  "tools",
  "tool_choice",
  "parallel_tool_calls",
  "temperature",
  "top_p",
  "top_logprobs",
  "frequency_penalty",
  "presence_penalty",
  "max_output_tokens",
  "max_tool_calls",
  "previous_response_id",
  "conversation",
  "reasoning",
  "text",
  "truncation",
  "metadata",
  "user",
  "store",
  "prompt",
  "prompt_cache_key",
  "prompt_cache_retention",
  "safety_identifier",
  "include",
  "stream",
]);

/** Responses `status` -> message status. */
export function messageStatusFromResponseStatus(status: unknown): MessageStatus {
  switch (status) {
    case "incomplete":
      return "incomplete";
    case "failed":
      return "failed";
    case "cancelled":
      return "aborted";
    case "in_progress":
    case "queued":
      return "in-progress";
    default:
      return "complete";
  }
}

/** Options for `messageFromResponse`. */
export interface MessageFromResponseOptions {
  /** The message id; defaults to the response id. */
  id?: string;
}

/**
 * Response metadata (everything but the parts) from a Responses API response object, shared
 * with the streaming accumulator so a streamed message ends with the same metadata.
 */
export function metadataFromResponse(response: Record<string, unknown>): MessageMetadata {
  const metadata: MessageMetadata = {};
  if (typeof response.model === "string") metadata.model = response.model;
  if (typeof response.id === "string") metadata.responseId = response.id;
  if (typeof response.status === "string") metadata.responseStatus = response.status;
  const details = response.incomplete_details;
  if (isRecord(details) && typeof details.reason === "string") {
    metadata.incompleteReason = details.reason;
  }
  const usage = usageFromResponses(response.usage);
  if (usage) metadata.usage = usage;
  if (typeof response.service_tier === "string" || response.service_tier === null) {
    metadata.serviceTier = response.service_tier;
  }
  if (typeof response.created_at === "number") metadata.createdAt = response.created_at;
  if (typeof response.background === "boolean") metadata.background = response.background;
  const extra = unmappedFields(response, RESPONSE_MAPPED_OR_ECHOED);
  if (extra) metadata.extra = extra;
  return metadata;
}

/** The error of a failed response, as message data; `undefined` when there is none. */
export function errorFromResponse(response: Record<string, unknown>): MessageError | undefined {
  const error = response.error;
  if (!isRecord(error)) return undefined;
  return {
    message:
      typeof error.message === "string" ? error.message : "The response failed without a message.",
    ...(typeof error.code === "string" ? { code: error.code } : {}),
  };
}

/**
 * A Responses API response object -> one assistant `Message`. Every output item becomes a
 * part (unknown items as `UnknownPart`), so nothing is dropped; usage, status and the
 * response's own fields go to `metadata`. Throws `ColloquyError("invalid_input")` when
 * `response` is not an object.
 */
export function messageFromResponse(
  response: R.Response | Record<string, unknown>,
  options: MessageFromResponseOptions = {},
): ConversionResult<Message> {
  if (!isRecord(response)) {
    return invalidInput(
      "messageFromResponse",
      `expected a response object, got ${describe(response)}. Pass the object returned by POST /v1/responses.`,
    );
  }
  const raw: Record<string, unknown> = response;
  const warnings: ConversionWarning[] = [];
  let parts: Part[] = [];
  if (Array.isArray(raw.output)) {
    parts = (raw.output as unknown[]).flatMap((item) =>
      isRecord(item) ? partsFromOutputItem(item as { type: string }) : [],
    );
  } else {
    warnings.push({
      code: "missing-output",
      message:
        "The response has no `output` array, so the message has no parts. Pass the response object returned by POST /v1/responses.",
    });
  }
  const status = messageStatusFromResponseStatus(raw.status);
  const message: Message = {
    id: options.id ?? (typeof raw.id === "string" ? raw.id : createMessageId()),
    role: "assistant",
    parts,
    metadata: metadataFromResponse(raw),
    status,
  };
  const error = errorFromResponse(raw);
  if (error) message.error = error;
  return { value: message, warnings };
}
