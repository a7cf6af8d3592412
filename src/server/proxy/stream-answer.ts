import type { ByteScrubber } from "./byte-scrubber.js";
import type { StreamWatch } from "./sse-watcher.js";

/**
 * A successful streamed upstream answer in the runtime's own form (on Node, the upstream
 * response stream), which the runtime adapter relays to its client directly instead of
 * through Web streams: each stream hop between two sockets costs time to first byte.
 */
export interface NativeStream {
  /** Tells it apart from a `Response`. */
  readonly kind: "native-stream";
  /** The upstream's status. */
  readonly status: number;
  /** The upstream's response headers (read one by one: the relay passes only a few on). */
  readonly headers: { get(name: string): string | null };
  /** The body, in whatever form the adapter that made it reads. */
  readonly body: unknown;
}

/**
 * What the proxy answers a runtime adapter that relays native streams: a streamed answer to
 * pipe, with what to watch on the way and the headers to send.
 */
export interface StreamAnswer {
  /** Tells it apart from a `Response`. */
  readonly kind: "stream-answer";
  /** The status to send. */
  readonly status: number;
  /** The headers to send (the upstream's passed headers, CORS). */
  readonly headers: Headers;
  /** The upstream body to relay, as the adapter gave it. */
  readonly body: unknown;
  /** What to note on the way: the response id, the usage, the lost-stream event. */
  readonly watch: StreamWatch;
  /**
   * Applied to every chunk before it is watched and sent, and flushed at the end, when the
   * proxy holds secrets: an upstream that echoes the key cannot leak it through the relay.
   */
  readonly scrubber?: ByteScrubber;
}

/** The proxy's answer to an adapter: a Web `Response`, or a native stream to relay. */
export type ProxyAnswer = Response | StreamAnswer;

/**
 * How a runtime adapter sends a generation request upstream natively: a POST of a JSON body
 * whose successful streamed answer comes back as a {@link NativeStream}, and any other answer
 * (errors, JSON) as a `Response`.
 */
export type NativeUpstreamSend = (
  url: string,
  init: { method: "POST"; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<Response | NativeStream>;

/** True for a native stream rather than a `Response`. */
export function isNativeStream(answer: Response | NativeStream): answer is NativeStream {
  return (answer as Partial<NativeStream>).kind === "native-stream";
}
