import { APIError } from "../errors.js";

/** What to do about an HTTP error, by status, appended to OpenAI's own message. */
function adviceFor(status: number, type: string | undefined): string {
  if (type === "insufficient_quota")
    return "The account is out of credit: check billing and quota.";
  if (status === 400)
    return "The request was rejected as invalid: check the parameter named above.";
  if (status === 401) return "Check the API key the server (or proxy) sends.";
  if (status === 403) return "The key or project is not allowed to use this model or feature.";
  if (status === 404) return "Check baseURL, the model name and any ids in the request.";
  if (status === 429) return "Rate limited: wait and retry, or lower the request rate.";
  if (status >= 500) return "The upstream failed: retry later.";
  return "";
}

/** Seconds to wait before retrying, from `retry-after-ms` or `retry-after`. */
export function retryAfterSeconds(headers: Headers): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && ms.trim() !== "" && Number.isFinite(Number(ms))) return Number(ms) / 1000;
  const after = headers.get("retry-after");
  if (after === null || after.trim() === "") return undefined;
  const seconds = Number(after);
  if (Number.isFinite(seconds)) return seconds;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

/** Turns a non-2xx response into an `APIError` carrying OpenAI's error fields. */
export async function apiErrorFromResponse(response: Response): Promise<APIError> {
  const text = await response.text().catch(() => "");
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  const error =
    body && typeof body === "object" && "error" in body
      ? ((body as { error: unknown }).error as Record<string, unknown> | null)
      : undefined;
  const upstreamMessage =
    (error && typeof error.message === "string" && error.message) ||
    (typeof body === "string" && body.slice(0, 500)) ||
    response.statusText ||
    "no error message";
  const type = error && typeof error.type === "string" ? error.type : undefined;
  const code = error && typeof error.code === "string" ? error.code : undefined;
  // A 403 the server explained (the proxy names the option that allows an origin) needs no
  // guessed cause; one that says nothing gets the likely one.
  const explained = response.status === 403 && typeof error?.message === "string";
  const advice = explained ? "" : adviceFor(response.status, type ?? code);
  return new APIError(
    response.status,
    `${response.status} ${upstreamMessage}${advice ? ` ${advice}` : ""}`,
    {
      errorCode: code ?? null,
      type: type ?? null,
      param: error && typeof error.param === "string" ? error.param : null,
      retryAfterSeconds: retryAfterSeconds(response.headers),
      requestId: response.headers.get("x-request-id") ?? undefined,
      body,
    },
  );
}
