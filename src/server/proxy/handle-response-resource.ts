import type { ResponseRecord } from "../ownership/response-owner-store.js";
import { ProxyRejection } from "./openai-error.js";
import type { RouteContext } from "./proxy-context.js";
import { relayAnswer, usageReporter } from "./relay-response.js";
import type { ProxyAnswer } from "./stream-answer.js";

const RESPONSE_ID = /^[A-Za-z0-9_-]{1,200}$/;

function responseId(context: RouteContext): string {
  const id = context.params["id"] ?? "";
  if (!RESPONSE_ID.test(id)) {
    throw new ProxyRejection(
      400,
      `'${id}' is not a response id. Use the id of a response, e.g. resp_abc123.`,
      { param: "response_id", code: "invalid_value" },
    );
  }
  return id;
}

/**
 * Relays a read or cancel of a stored response: the bytes as they come, with the usage
 * reported the first time it shows (a background response finishing in a resumed stream).
 */
function relayStored(
  upstream: Response,
  context: RouteContext,
  id: string,
  record: ResponseRecord | undefined,
): Promise<ProxyAnswer> {
  // The model the creator asked for; a response the proxy did not see created has none.
  const report = usageReporter(context, async () => record?.model ?? "unknown", "responses", true);
  return relayAnswer(
    upstream,
    report ? { onUsage: (usage) => report(usage, id) } : {},
    "responses",
  );
}

function readQuery(url: URL): { query: Record<string, unknown>; stream: boolean } {
  const query: Record<string, unknown> = {};
  const stream = url.searchParams.get("stream");
  if (stream !== null) {
    if (stream !== "true" && stream !== "false") {
      throw new ProxyRejection(400, `'stream' must be true or false, not '${stream}'.`, {
        param: "stream",
        code: "invalid_value",
      });
    }
    query["stream"] = stream;
  }
  const startingAfter = url.searchParams.get("starting_after");
  if (startingAfter !== null) {
    if (!/^\d+$/.test(startingAfter)) {
      throw new ProxyRejection(
        400,
        `'starting_after' must be a non-negative integer (an event sequence number), not '${startingAfter}'.`,
        { param: "starting_after", code: "invalid_value" },
      );
    }
    query["starting_after"] = startingAfter;
  }
  const obfuscation = url.searchParams.get("include_obfuscation");
  if (obfuscation === "true" || obfuscation === "false") query["include_obfuscation"] = obfuscation;
  const include = [...url.searchParams.getAll("include[]"), ...url.searchParams.getAll("include")];
  if (include.length > 0) query["include"] = include;
  return { query, stream: stream === "true" };
}

/**
 * `GET /v1/responses/{id}`: the stored response, or with `stream=true` (and
 * `starting_after=N`) its events replayed and continued, passed through as they arrive.
 */
export async function handleRetrieveResponse(context: RouteContext): Promise<ProxyAnswer> {
  const id = responseId(context);
  const { query, stream } = readQuery(context.call.url);
  const record = await context.settings.responses.authorize(id, await context.owner());
  const upstream = await context.settings.upstream.send(
    { method: "get", path: `/responses/${id}`, query, stream },
    context.call.signal,
  );
  return relayStored(upstream, context, id, record);
}

/** `POST /v1/responses/{id}/cancel`: cancels a background response. */
export async function handleCancelResponse(context: RouteContext): Promise<ProxyAnswer> {
  const id = responseId(context);
  const record = await context.settings.responses.authorize(id, await context.owner());
  const upstream = await context.settings.upstream.send(
    { method: "post", path: `/responses/${id}/cancel` },
    context.call.signal,
  );
  return relayStored(upstream, context, id, record);
}

/** The query of `GET /v1/responses/{id}/input_items`, checked before it goes upstream. */
function readListQuery(url: URL): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  const limit = url.searchParams.get("limit");
  if (limit !== null) {
    if (!/^\d{1,3}$/.test(limit) || Number(limit) < 1 || Number(limit) > 100) {
      throw new ProxyRejection(
        400,
        `'limit' must be a whole number from 1 to 100, not '${limit}'.`,
        {
          param: "limit",
          code: "invalid_value",
        },
      );
    }
    query["limit"] = limit;
  }
  const order = url.searchParams.get("order");
  if (order !== null) {
    if (order !== "asc" && order !== "desc") {
      throw new ProxyRejection(400, `'order' must be asc or desc, not '${order}'.`, {
        param: "order",
        code: "invalid_value",
      });
    }
    query["order"] = order;
  }
  const after = url.searchParams.get("after");
  if (after !== null) {
    if (!RESPONSE_ID.test(after)) {
      throw new ProxyRejection(
        400,
        `'after' must be an item id, e.g. msg_abc123, not '${after}'.`,
        {
          param: "after",
          code: "invalid_value",
        },
      );
    }
    query["after"] = after;
  }
  const include = [...url.searchParams.getAll("include[]"), ...url.searchParams.getAll("include")];
  if (include.length > 0) query["include"] = include;
  return query;
}

/** `GET /v1/responses/{id}/input_items`: the items a response was given, for its creator only. */
export async function handleListInputItems(context: RouteContext): Promise<ProxyAnswer> {
  const id = responseId(context);
  const query = readListQuery(context.call.url);
  await context.settings.responses.authorize(id, await context.owner());
  const upstream = await context.settings.upstream.send(
    { method: "get", path: `/responses/${id}/input_items`, query },
    context.call.signal,
  );
  return relayAnswer(upstream, {}, "responses");
}

/** `DELETE /v1/responses/{id}`: deletes a stored response, for its creator only. */
export async function handleDeleteResponse(context: RouteContext): Promise<ProxyAnswer> {
  const id = responseId(context);
  await context.settings.responses.authorize(id, await context.owner());
  const upstream = await context.settings.upstream.send(
    { method: "delete", path: `/responses/${id}` },
    context.call.signal,
  );
  return relayAnswer(upstream, {}, "responses");
}
