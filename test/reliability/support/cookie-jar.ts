/**
 * A fetch that keeps cookies the way a browser does for one site: every `Set-Cookie` an answer
 * carries is stored (a `Max-Age` of 0 or less, or an `Expires` in the past, removes it), and
 * each request sends the cookies whose `Path` covers its path. A page keeps its cookies across
 * a reload, so a test that "reloads" reuses the same jar; a Node client without one is a new
 * anonymous caller on every request.
 */

/** One stored cookie. */
interface StoredCookie {
  /** The cookie's value. */
  value: string;
  /** The `Path` attribute, `/` when absent. */
  path: string;
}

/** True when `requestPath` is inside `cookiePath` (RFC 6265 5.1.4 path-match). */
function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith("/") || requestPath[cookiePath.length] === "/";
}

/** Reads one `Set-Cookie` value into the jar. */
function store(jar: Map<string, StoredCookie>, header: string): void {
  const [pair = "", ...attributes] = header.split(";");
  const eq = pair.indexOf("=");
  if (eq <= 0) return;
  const name = pair.slice(0, eq).trim();
  const value = pair.slice(eq + 1).trim();
  let path = "/";
  let expired = false;
  for (const attribute of attributes) {
    const [key = "", ...rest] = attribute.split("=");
    const field = key.trim().toLowerCase();
    const argument = rest.join("=").trim();
    if (field === "path" && argument.startsWith("/")) path = argument;
    if (field === "max-age" && Number(argument) <= 0) expired = true;
    if (field === "expires" && Date.parse(argument) <= Date.now()) expired = true;
  }
  if (expired) jar.delete(name);
  else jar.set(name, { value, path });
}

/** Wraps `inner` (default the global fetch) with a cookie jar of its own. */
export function fetchWithCookieJar(inner: typeof fetch = fetch): typeof fetch {
  const jar = new Map<string, StoredCookie>();
  return async (input, init) => {
    // Read without building a Request, which would take a streamed body away from `init`.
    const url = input instanceof Request ? input.url : String(input);
    const path = new URL(url).pathname;
    const cookies = [...jar]
      .filter(([, cookie]) => pathMatches(path, cookie.path))
      .map(([name, cookie]) => `${name}=${cookie.value}`);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : {}));
    if (cookies.length > 0) headers.set("cookie", cookies.join("; "));
    const response = await inner(input, { ...init, headers });
    for (const header of response.headers.getSetCookie()) store(jar, header);
    return response;
  };
}
