/**
 * Facts about the connection a runtime adapter knows and a `Request` does not carry. Other
 * fields are ignored, so a framework's own second argument (Next.js's `{ params }`) may be
 * passed as it is: `export const POST = createOpenAIProxy()` type-checks in a route file.
 */
export interface ProxyRequestContext {
  /** The client's network address (the peer of the connection), for rate limits. */
  clientAddress?: string;
  /**
   * The address the connection arrived on. On a loopback or private address the proxy
   * refuses `Host` names it was not told about (DNS rebinding); see `allowedHosts`.
   */
  localAddress?: string;
  /** A framework's own context fields (ignored). */
  readonly [field: string]: unknown;
}
