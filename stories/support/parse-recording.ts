/** One recorded stream event: a Responses event or a Chat Completions chunk, as parsed JSON. */
export type RecordedEvent = Record<string, unknown> & { type?: string };

/** `.chunks.jsonl`: one event payload per line. */
export function eventsFromChunks(text: string): RecordedEvent[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as RecordedEvent);
}

/** `.sse`: a raw `text/event-stream` body; the `[DONE]` sentinel is left out. */
export function eventsFromSse(text: string): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  for (const block of text.replace(/\r\n/g, "\n").split("\n\n")) {
    const data = block
      .split("\n")
      .filter((line) => line.startsWith("data:"))
      .map((line) => line.slice(5).replace(/^ /, ""))
      .join("\n");
    if (data === "" || data === "[DONE]") continue;
    events.push(JSON.parse(data) as RecordedEvent);
  }
  return events;
}

/**
 * The events of the first API call in a recording: some files hold several consecutive
 * Responses calls, each starting with `response.created`.
 */
export function firstCall(events: readonly RecordedEvent[]): RecordedEvent[] {
  const next = events.findIndex((event, index) => index > 0 && event.type === "response.created");
  return next === -1 ? [...events] : events.slice(0, next);
}

/** The events of the `n`th API call (0-based) in a recording that holds several. */
export function nthCall(events: readonly RecordedEvent[], n: number): RecordedEvent[] {
  const starts = events.flatMap((event, index) =>
    event.type === "response.created" ? [index] : [],
  );
  const start = starts[n];
  if (start === undefined)
    throw new Error(`The recording has ${starts.length} calls, not ${n + 1}.`);
  return events.slice(start, starts[n + 1] ?? events.length);
}
