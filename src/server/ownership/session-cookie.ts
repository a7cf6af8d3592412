import type { RequestHead } from "../proxy/incoming-call.js";

/** The cookie the proxy keeps its anonymous sessions in. */
export const SESSION_COOKIE = "colloquy_session";

/** A caller's session: its id, and the `Set-Cookie` value when it was just issued. */
export interface Session {
  /** The session id (random, 128 bits, base64url). */
  id: string;
  /** The header value that gives the browser its new cookie, when one was issued. */
  setCookie?: string;
}

/** Reads and issues the signed session cookie that tells anonymous callers apart. */
export interface SessionKeeper {
  /** The caller's session, issuing a new one when the request carries no valid cookie. */
  sessionOf(call: RequestHead, secure: boolean): Promise<Session>;
}

/** Options of {@link createSessionKeeper}. */
export interface SessionKeeperOptions {
  /** The HMAC key; default random for this process (sessions then end when it does). */
  secret?: string;
  /** The cookie's `Path`: the proxy's base path. */
  path: string;
  /** How long the browser keeps the cookie, in seconds. */
  maxAgeSeconds: number;
}

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function cookieValue(header: string | null, name: string): string | undefined {
  if (header === null) return undefined;
  for (const pair of header.split(";")) {
    const eq = pair.indexOf("=");
    if (eq !== -1 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
  }
  return undefined;
}

/** Compares two strings in time that does not depend on where they differ. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** Most verified cookie values remembered, so a returning caller costs no HMAC. */
const VERIFIED_CACHE = 10_000;

/**
 * Keeps anonymous sessions in a cookie `<id>.<HMAC-SHA256(id)>`, so two browsers behind one
 * address (NAT, a company proxy) are two owners, and a client cannot claim another's
 * session without the secret. Several proxy instances behind one app need the same secret.
 */
export function createSessionKeeper(options: SessionKeeperOptions): SessionKeeper {
  const secret =
    options.secret !== undefined
      ? encoder.encode(options.secret)
      : crypto.getRandomValues(new Uint8Array(32));
  const key = crypto.subtle.importKey("raw", secret, { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const verified = new Map<string, string>();
  const sign = async (id: string) =>
    base64url(new Uint8Array(await crypto.subtle.sign("HMAC", await key, encoder.encode(id))));

  async function verify(value: string): Promise<string | undefined> {
    const known = verified.get(value);
    if (known !== undefined) return known;
    const dot = value.indexOf(".");
    if (dot <= 0 || value.length > 200) return undefined;
    const id = value.slice(0, dot);
    if (!sameText(value.slice(dot + 1), await sign(id))) return undefined;
    if (verified.size >= VERIFIED_CACHE) verified.delete(verified.keys().next().value as string);
    verified.set(value, id);
    return id;
  }

  return {
    async sessionOf(call, secure) {
      const given = cookieValue(call.header("cookie"), SESSION_COOKIE);
      const id = given === undefined ? undefined : await verify(given);
      if (id !== undefined) return { id };
      const fresh = base64url(crypto.getRandomValues(new Uint8Array(16)));
      const value = `${fresh}.${await sign(fresh)}`;
      const attributes = [
        `${SESSION_COOKIE}=${value}`,
        `Path=${options.path}`,
        `Max-Age=${options.maxAgeSeconds}`,
        "HttpOnly",
        "SameSite=Strict",
        ...(secure ? ["Secure"] : []),
      ];
      return { id: fresh, setCookie: attributes.join("; ") };
    },
  };
}
