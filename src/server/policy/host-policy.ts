import { ProxyRejection } from "../proxy/openai-error.js";

/**
 * Host names the proxy answers for, besides loopback names (`localhost`, `*.localhost`) and
 * IP addresses, which are always answered: e.g. `["app.example.com", ".example.org"]` (a
 * leading dot allows every subdomain), or `"any"`. A page on another site can make the
 * browser reach a server on loopback or a private network through a name it controls (DNS
 * rebinding); the `Host` header then carries that name, and refusing unknown names stops it.
 */
export type AllowedHostsOption = readonly string[] | "any";

/** The name part of a `Host` value, lower case, without port or IPv6 brackets. */
export function hostName(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith("["))
    return lower.slice(1, lower.indexOf("]") === -1 ? undefined : lower.indexOf("]"));
  const colon = lower.lastIndexOf(":");
  return (colon === -1 ? lower : lower.slice(0, colon)).replace(/\.$/, "");
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

function isIpLiteral(name: string): boolean {
  return IPV4.test(name) || name.includes(":");
}

function isLoopbackName(name: string): boolean {
  return name === "localhost" || name.endsWith(".localhost");
}

/**
 * True for an address a page elsewhere could only reach through the visitor's browser:
 * loopback, private (RFC 1918, unique local) and link-local. Servers listening on one of
 * these are the targets of DNS rebinding.
 */
export function isPrivateAddress(address: string): boolean {
  const plain = address.startsWith("::ffff:") ? address.slice(7) : address;
  if (IPV4.test(plain)) {
    const [a, b] = plain.split(".").map(Number) as [number, number];
    return (
      a === 127 ||
      a === 10 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254)
    );
  }
  const lower = plain.toLowerCase();
  return lower === "::1" || /^f[cd]/.test(lower) || lower.startsWith("fe80:");
}

/** The `Host` check, with its configuration resolved once. */
export interface HostPolicy {
  /** Throws a 421 rejection when `host` is not answered for on a connection to `localAddress`. */
  check(host: string, localAddress: string | undefined): void;
}

/**
 * Builds the `Host` check. With `allowedHosts` (or a `publicOrigin`) given, names outside it
 * are refused everywhere; with neither, they are refused on connections that arrived on a
 * loopback or private address (the server cannot know the public names it is deployed
 * under, and a server on a public address is reachable without a browser anyway).
 */
export function createHostPolicy(
  allowedHosts: AllowedHostsOption | undefined,
  publicOrigin: string | undefined,
): HostPolicy {
  if (allowedHosts === "any") return { check: () => undefined };
  const names = [...(allowedHosts ?? [])].map((name) => name.toLowerCase());
  if (publicOrigin !== undefined) names.push(new URL(publicOrigin).hostname.toLowerCase());
  const configured = allowedHosts !== undefined || publicOrigin !== undefined;
  const allowed = (name: string) =>
    isLoopbackName(name) ||
    isIpLiteral(name) ||
    names.some((entry) =>
      entry.startsWith(".") ? name.endsWith(entry) || name === entry.slice(1) : name === entry,
    );
  return {
    check(host, localAddress) {
      const name = hostName(host);
      if (allowed(name)) return;
      if (!configured && (localAddress === undefined || !isPrivateAddress(localAddress))) return;
      throw new ProxyRejection(
        421,
        `This server does not answer for the host '${name.slice(0, 100)}' (a name it was not told about, as in DNS rebinding). If it is this server's own name, add it to the proxy's \`allowedHosts\` option (colloquy serve: --allow-host ${name.slice(0, 100)}).`,
        { code: "host_not_allowed" },
      );
    },
  };
}
