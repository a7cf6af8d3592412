import type { IncomingHttpHeaders } from "node:http";

/**
 * One header from Node's parse of a message, as `Headers.get` gives it: null when absent,
 * repeated values joined. Reading one this way costs nothing; building `Headers` costs a
 * copy of them all.
 */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(", ") : value;
}
