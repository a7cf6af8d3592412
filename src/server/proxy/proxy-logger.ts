/** Where the proxy writes its one line per request. Shaped like `console`. */
export interface ProxyLogger {
  /** Requests that succeeded. */
  info(line: string): void;
  /** Requests refused with a 4xx. */
  warn(line: string): void;
  /** Requests that failed with a 5xx. */
  error(line: string): void;
}

/** Facts of one handled request for its log line. */
export interface RequestLogEntry {
  /** HTTP method. */
  method: string;
  /** Path and query. */
  path: string;
  /** Response status. */
  status: number;
  /** The user `authorize` identified, if any. */
  user?: string;
  /** The model asked for, if any. */
  model?: string;
  /** Milliseconds until the response head was ready. */
  ms: number;
}

/**
 * A value as it may appear in a log line: control characters (newlines above all) escaped,
 * so a client-chosen model or path cannot end the line and forge another.
 */
function loggable(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) =>
    char === "\n"
      ? "\\n"
      : char === "\r"
        ? "\\r"
        : `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** Formats and writes the log line of one request at a level that follows its status. */
export function logRequest(logger: ProxyLogger | false, entry: RequestLogEntry): void {
  if (!logger) return;
  const parts = [`colloquy: ${loggable(entry.method)} ${loggable(entry.path)} ${entry.status}`];
  if (entry.user !== undefined) parts.push(`user=${loggable(entry.user)}`);
  if (entry.model !== undefined) parts.push(`model=${loggable(entry.model)}`);
  parts.push(`${Math.round(entry.ms)}ms`);
  const line = parts.join(" ");
  if (entry.status >= 500) logger.error(line);
  else if (entry.status >= 400) logger.warn(line);
  else logger.info(line);
}
