import type { SseSource } from "./relay-sse.js";

/** One request to the upstream, described independently of how it is sent. */
export type UpstreamCall =
  | {
      method: "get" | "post" | "delete";
      path: string;
      body?: Record<string, unknown>;
      query?: Record<string, unknown>;
      stream?: boolean;
    }
  | { method: "upload"; file: File; purpose: string };

/**
 * A successful streamed upstream answer whose bytes come from the runtime's own transport
 * (on Node, the upstream's response stream) rather than a Web `Response`, so the relay reads
 * them without Web streams in between.
 */
export interface UpstreamStream {
  /** Tells it apart from a `Response`. */
  readonly kind: "upstream-stream";
  /** The upstream's status. */
  readonly status: number;
  /** The upstream's response headers (read one by one: the relay passes only a few on). */
  readonly headers: { get(name: string): string | null };
  /** The bytes. */
  readonly source: SseSource;
}

/** What an upstream answers: a `Response` (failures included, OpenAI-shaped), or a stream. */
export type UpstreamAnswer = Response | UpstreamStream;

/**
 * The fetch-like function the direct upstream sends with: `fetch` itself, or a runtime
 * adapter's own HTTP client, which may hand a successful event stream back as an
 * {@link UpstreamStream}.
 */
export type UpstreamSend = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal },
) => Promise<UpstreamAnswer>;

/**
 * How the proxy reaches the upstream. Two implementations: the direct one (`fetch`, or the
 * runtime adapter's send, straight to the URL: the fast path), and the openai client (Azure
 * resource endpoints, Entra ID tokens, uploads). Failures come back as the proxy's
 * OpenAI-shaped error answers (`upstreamErrorAnswer`), never as exceptions.
 */
export interface Upstream {
  /** Sends one call. */
  send(call: UpstreamCall, signal: AbortSignal): Promise<Response>;
  /**
   * Sends one call with a runtime adapter's own send (used where the implementation sends
   * directly): a successful event stream may then come back as an {@link UpstreamStream}.
   */
  send(call: UpstreamCall, signal: AbortSignal, transport: UpstreamSend): Promise<UpstreamAnswer>;
}

/** True for a stream from the runtime's transport rather than a `Response`. */
export function isUpstreamStream(answer: UpstreamAnswer): answer is UpstreamStream {
  return (answer as Partial<UpstreamStream>).kind === "upstream-stream";
}
