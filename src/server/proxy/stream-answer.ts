import type { ByteScrubber } from "./byte-scrubber.js";
import type { RelayWatch } from "./relay-watch.js";
import type { SseSource } from "./relay-sse.js";

/**
 * A streamed answer not yet relayed: the upstream's bytes, what to watch on the way and the
 * headers to send. The fetch-style handler relays it into a Web stream, the node:http
 * adapter straight to its socket (both through `relaySse`).
 */
export interface StreamAnswer {
  /** Tells it apart from a `Response`. */
  readonly kind: "stream-answer";
  /** The status to send. */
  readonly status: number;
  /** The headers to send (the upstream's passed headers, CORS). */
  readonly headers: Headers;
  /** The upstream's bytes. */
  readonly source: SseSource;
  /** What to note on the way: the response id, the usage, the lost-stream event. */
  readonly watch: RelayWatch;
  /**
   * Applied to every chunk before it is watched and sent, and flushed at the end, when the
   * proxy holds secrets: an upstream that echoes the key cannot leak it through the relay.
   */
  readonly scrubber?: ByteScrubber;
}

/** The proxy's answer to an adapter: a Web `Response`, or a stream to relay. */
export type ProxyAnswer = Response | StreamAnswer;
