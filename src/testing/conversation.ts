import type { IdFactory } from "./ids.js";
import type { ResponseStore } from "./response-store.js";
import type { RequestError } from "./validate-request.js";

/**
 * The state `previous_response_id` carries: a stored response's conversation (what it was
 * given, then what it answered) comes before the new input, as on OpenAI, so the scripted
 * model sees the whole exchange. Responses created with `store: false` are never kept, so
 * they cannot be continued.
 */

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The request's `input` as items, each with an id (a string input is one user message). */
export function inputItems(body: Json, ids: IdFactory): Json[] {
  const raw: Json[] =
    typeof body.input === "string"
      ? [{ type: "message", role: "user", content: body.input }]
      : Array.isArray(body.input)
        ? body.input.filter(isObject)
        : [];
  return raw.map((item) => {
    const isMessage = item.type === undefined || item.type === "message";
    const stored = isMessage ? withContentParts(item) : item;
    if (typeof item.id === "string") return stored;
    return {
      id: ids.next(isMessage ? "msg" : "item"),
      ...(isMessage ? { type: "message" } : {}),
      ...stored,
    };
  });
}

/** A message with string content as OpenAI keeps it: a list of one text part. */
function withContentParts(item: Json): Json {
  if (typeof item.content !== "string") return item;
  const type = item.role === "assistant" ? "output_text" : "input_text";
  return { ...item, content: [{ type, text: item.content }] };
}

/** The conversation `previous_response_id` names, or OpenAI's error when none is kept. */
export function carriedConversation(store: ResponseStore, body: Json): Json[] | RequestError {
  const previousId = body.previous_response_id;
  if (typeof previousId !== "string") return [];
  const previous = store.get(previousId);
  if (!previous) {
    return {
      status: 400,
      error: {
        message: `Previous response with id '${previousId}' not found.`,
        type: "invalid_request_error",
        param: "previous_response_id",
        code: "previous_response_not_found",
      },
    };
  }
  const output = previous.current().output;
  return [...previous.conversation, ...(Array.isArray(output) ? output.filter(isObject) : [])];
}

/** `GET /v1/responses/{id}/input_items`: the response's own input, newest first by default. */
export function inputItemsList(items: Json[], order: string | null): Json {
  const data = order === "asc" ? [...items] : [...items].reverse();
  return {
    object: "list",
    data,
    first_id: (data[0]?.id as string | undefined) ?? null,
    last_id: (data[data.length - 1]?.id as string | undefined) ?? null,
    has_more: false,
  };
}
