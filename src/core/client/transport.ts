import { ColloquyError } from "../errors.js";
import { apiErrorFromResponse, retryAfterSeconds } from "./api-error.js";
import type { HeadersOption } from "./types.js";

/** How requests reach the server. */
export interface Transport {
  /** Absolute or (in browsers) relative URL of the API root, without a trailing slash. */
  baseURL: string;
  /** Extra headers for every request. */
  headers?: HeadersOption;
  /** The fetch implementation. */
  fetch: typeof globalThis.fetch;
  /** Milliseconds until the whole exchange (to its last byte) is abandoned. */
  timeout?: number;
  /** Retries on 408/409/429/5xx and network errors. */
  maxRetries: number;
  /** Waits between retries; replaceable so tests need no real time. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** A number in [0, 1) for jitter. */
  random: () => number;
}

/** One HTTP call. */
export interface TransportRequest {
  /** `GET` or `POST`. */
  method: "GET" | "POST";
  /** Path under `baseURL`, with any query string. */
  path: string;
  /** JSON body for POST. */
  body?: unknown;
  /** True when an event stream is expected. */
  stream: boolean;
  /** The caller's signal. */
  signal?: AbortSignal;
}

/** A successful response and the signal that governs reading its body. */
export interface TransportResponse {
  /** The 2xx response. */
  response: Response;
  /** Aborts on the caller's signal or the timeout; pass it to the body reader. */
  signal: AbortSignal;
  /** Converts an error thrown while reading the body into timeout / aborted errors. */
  mapError: (error: unknown) => unknown;
}

const RETRYABLE_STATUS = new Set([408, 409, 429]);

/** Waits `ms`, or rejects when `signal` aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** Backoff before retry `attempt` (0-based): 0.5 s doubling to 8 s, minus up to 25% jitter. */
function backoffMs(attempt: number, random: () => number): number {
  const base = Math.min(500 * 2 ** attempt, 8000);
  return base * (1 - 0.25 * random());
}

/**
 * Sends one request with retries and a timeout. Retries happen only before a 2xx response
 * is handed back, so a stream that has started delivering is never sent twice.
 */
export async function send(
  transport: Transport,
  request: TransportRequest,
): Promise<TransportResponse> {
  const timeoutSignal =
    transport.timeout !== undefined ? AbortSignal.timeout(transport.timeout) : undefined;
  const signals = [request.signal, timeoutSignal].filter((s): s is AbortSignal => !!s);
  const signal = signals.length ? AbortSignal.any(signals) : new AbortController().signal;
  const url = transport.baseURL + request.path;

  const mapError = (error: unknown): unknown => {
    if (timeoutSignal?.aborted && !request.signal?.aborted) {
      if (error instanceof ColloquyError && error.code === "timeout") return error;
      return new ColloquyError(
        "timeout",
        `The request to ${url} took longer than the ${transport.timeout} ms timeout. Raise \`timeout\` or ask for less output.`,
        { cause: error, snapshot: error instanceof ColloquyError ? error.snapshot : undefined },
      );
    }
    if (request.signal?.aborted) {
      if (error instanceof ColloquyError) return error;
      return new ColloquyError("aborted", "The request was aborted by the caller.", {
        cause: error,
      });
    }
    return error;
  };

  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      const headers = await resolveHeaders(transport.headers);
      signal.throwIfAborted();
      response = await transport.fetch(url, {
        method: request.method,
        headers: {
          ...(request.body !== undefined ? { "content-type": "application/json" } : {}),
          accept: request.stream ? "text/event-stream" : "application/json",
          ...headers,
        },
        body: request.body !== undefined ? JSON.stringify(request.body) : undefined,
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw mapError(error);
      const failure = new ColloquyError(
        "connection_error",
        `could not reach ${transport.baseURL}: ${(error as Error)?.message ?? String(error)}. Check the URL and that the server is running.`,
        { cause: error },
      );
      if (attempt >= transport.maxRetries) throw failure;
      await transport.sleep(backoffMs(attempt, transport.random), signal).catch((e: unknown) => {
        throw mapError(e);
      });
      continue;
    }
    if (response.ok) return { response, signal, mapError };

    const shouldRetryHeader = response.headers.get("x-should-retry");
    const retryable =
      shouldRetryHeader === "true" ||
      (shouldRetryHeader !== "false" &&
        (RETRYABLE_STATUS.has(response.status) || response.status >= 500));
    const error = await apiErrorFromResponse(response);
    // An exhausted quota does not come back by waiting.
    if (!retryable || attempt >= transport.maxRetries || error.type === "insufficient_quota") {
      throw error;
    }
    const after = retryAfterSeconds(response.headers);
    const wait =
      after !== undefined && after >= 0 && after <= 60
        ? after * 1000
        : backoffMs(attempt, transport.random);
    await transport.sleep(wait, signal).catch((e: unknown) => {
      throw mapError(e);
    });
  }
}

async function resolveHeaders(option: HeadersOption | undefined): Promise<Record<string, string>> {
  if (!option) return {};
  return typeof option === "function" ? await option() : option;
}
