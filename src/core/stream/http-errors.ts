import { APIError, ColloquyError } from "../errors.js";
import type { Message } from "../model/message.js";

/**
 * The errors for bodies that are not an event stream: OpenAI's JSON error bodies become
 * `APIError`, HTML pages and other content become `not_event_stream`.
 */

type Loose = Record<string, unknown>;

/** What is known about the HTTP response a body came from. */
export interface BodyOrigin {
  /** HTTP status, when the body came from a `Response`. */
  status?: number;
  /** HTTP status text, when known. */
  statusText?: string;
  /** Response headers, when known. */
  headers?: Headers;
}

function describeStatus(origin: BodyOrigin): string {
  if (origin.status === undefined) return "no HTTP status known";
  return `status ${origin.status}${origin.statusText ? ` ${origin.statusText}` : ""}`;
}

function excerpt(text: string, length = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > length ? `${flat.slice(0, length)}...` : flat;
}

/** True when `text` starts like an HTML document. */
export function looksLikeHtml(text: string): boolean {
  return text.trimStart().startsWith("<");
}

function retryAfterSeconds(headers: Headers | undefined): number | undefined {
  const ms = Number(headers?.get("retry-after-ms"));
  if (Number.isFinite(ms) && ms > 0) return ms / 1000;
  const seconds = Number(headers?.get("retry-after"));
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

/**
 * An `APIError` from an error body: OpenAI's `{ error: { message, type, param, code } }`, or
 * any text (shown in the message) when the body is something else.
 */
export function apiErrorFromBody(text: string, origin: BodyOrigin, snapshot?: Message): APIError {
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // Not JSON: the text itself is the best description there is.
  }
  const wire = (typeof body === "object" && body !== null ? (body as Loose).error : undefined) as
    Loose | string | undefined;
  const fields: Loose = typeof wire === "object" && wire !== null ? wire : {};
  const status = origin.status ?? 0;
  const detail =
    typeof fields.message === "string"
      ? fields.message
      : typeof wire === "string"
        ? wire
        : excerpt(text) || "(empty body)";
  const requestId = origin.headers?.get("x-request-id") ?? undefined;
  const retry = retryAfterSeconds(origin.headers);
  return new APIError(status, `The API answered ${describeStatus(origin)}: ${detail}`, {
    errorCode: typeof fields.code === "string" ? fields.code : null,
    type: typeof fields.type === "string" ? fields.type : null,
    param: typeof fields.param === "string" ? fields.param : null,
    body,
    ...(requestId ? { requestId } : {}),
    ...(retry !== undefined ? { retryAfterSeconds: retry } : {}),
    ...(snapshot ? { snapshot } : {}),
  });
}

/** True when a JSON text is an OpenAI error body (`{ "error": ... }`). */
export function isErrorBody(text: string): boolean {
  try {
    const body = JSON.parse(text) as unknown;
    return typeof body === "object" && body !== null && "error" in body;
  } catch {
    return false;
  }
}

/** The `not_event_stream` error for an HTML page or other content where events were expected. */
export function notEventStreamError(
  text: string,
  origin: BodyOrigin,
  contentType?: string | null,
  snapshot?: Message,
): ColloquyError {
  if (looksLikeHtml(text)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    return new ColloquyError(
      "not_event_stream",
      `expected an event stream but got HTML (${describeStatus(origin)}${title ? `, "${title}"` : ""}): ` +
        `a proxy, gateway or web server answered instead of the API. Check the base URL and that ` +
        `the endpoint streams. The page begins: ${excerpt(text)}`,
      snapshot ? { snapshot } : undefined,
    );
  }
  return new ColloquyError(
    "not_event_stream",
    `expected an event stream (text/event-stream) but got ${contentType ? `"${contentType}"` : "something else"} ` +
      `(${describeStatus(origin)}). Check that the request asked for streaming (stream: true). ` +
      `The body begins: ${excerpt(text) || "(empty)"}`,
    snapshot ? { snapshot } : undefined,
  );
}
