import type { RequestHead } from "../proxy/incoming-call.js";
import type { ProxyRequestContext } from "../proxy/proxy-request-context.js";

/**
 * Which reverse proxies in front of this server may speak for the client: `true` trusts
 * whatever sits in front (a platform such as Vercel or Fly that always sets the headers),
 * a list trusts only the named peer addresses (e.g. `["127.0.0.1", "10.0.0.5"]`), and the
 * default `false` trusts none. Only a trusted proxy's `X-Forwarded-For`, `X-Real-IP`,
 * `X-Forwarded-Host`, `X-Forwarded-Proto` and `Forwarded` are read: any client can send
 * them, so read from anyone else they would let a client pick its rate-limit key or its host.
 */
export type TrustProxyOption = boolean | readonly string[];

/** Drops the IPv4-mapped prefix Node reports on dual-stack sockets (`::ffff:127.0.0.1`). */
function plainAddress(address: string): string {
  const trimmed = address.trim();
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}

function isTrustedAddress(address: string | undefined, trust: TrustProxyOption): boolean {
  if (trust === true) return true;
  if (trust === false || address === undefined) return false;
  const plain = plainAddress(address);
  return trust.some((entry) => plainAddress(entry) === plain);
}

/** True when the peer of the connection is a trusted proxy (always, with `true`). */
export function peerIsTrusted(context: ProxyRequestContext, trust: TrustProxyOption): boolean {
  if (trust === true) return true;
  return isTrustedAddress(context.clientAddress, trust);
}

/**
 * The client's address: the connection's peer, or with trusted proxies the address they
 * report. With a list, `X-Forwarded-For` is read from the right, skipping the trusted hops,
 * so a client that writes its own entries at the left changes nothing.
 */
export function clientAddressOf(
  call: RequestHead & { readonly context: ProxyRequestContext },
  trust: TrustProxyOption,
): string | undefined {
  const peer = call.context.clientAddress;
  if (!peerIsTrusted(call.context, trust)) return peer;
  const hops = (call.header("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter((hop) => hop !== "");
  if (trust === true) return hops[0] ?? call.header("x-real-ip") ?? peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    if (!isTrustedAddress(hop, trust)) return hop;
  }
  return hops[0] ?? peer;
}

/** The `host=` of the first element of a `Forwarded` header, unquoted. */
function forwardedParameter(header: string, name: string): string | undefined {
  const first = header.split(",")[0] ?? "";
  for (const pair of first.split(";")) {
    const [key, value] = pair.split("=");
    if (key?.trim().toLowerCase() === name && value !== undefined) {
      return value.trim().replace(/^"|"$/g, "");
    }
  }
  return undefined;
}

/**
 * The host the client asked for: the `Host` header, or with a trusted proxy in front the one
 * it reports (`X-Forwarded-Host`, else `Forwarded: host=`). Falls back to the URL's host
 * when there is no header (a fetch handler given a bare `Request`).
 */
export function requestedHost(
  call: RequestHead & { readonly context: ProxyRequestContext },
  trust: TrustProxyOption,
): string {
  if (peerIsTrusted(call.context, trust)) {
    const forwarded =
      call.header("x-forwarded-host")?.split(",")[0]?.trim() ||
      forwardedParameter(call.header("forwarded") ?? "", "host");
    if (forwarded) return forwarded.toLowerCase();
  }
  return (call.header("host") ?? call.url.host).toLowerCase();
}

/** The scheme the client used: the URL's, or a trusted proxy's `X-Forwarded-Proto`. */
export function requestedScheme(
  call: RequestHead & { readonly context: ProxyRequestContext },
  trust: TrustProxyOption,
): string {
  if (peerIsTrusted(call.context, trust)) {
    const forwarded =
      call.header("x-forwarded-proto")?.split(",")[0]?.trim() ||
      forwardedParameter(call.header("forwarded") ?? "", "proto");
    if (forwarded) return forwarded.toLowerCase();
  }
  return call.url.protocol.replace(/:$/, "");
}
