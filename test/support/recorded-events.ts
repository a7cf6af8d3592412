import { captureExchanges } from "./captures.js";

/** One streamed Responses event as a test reads it: its type, text delta and annotation. */
export interface RecordedEvent {
  /** The event's `type`. */
  type: string;
  /** `response.output_text.delta`: the text added. */
  delta?: string;
  /** `response.output_text.annotation.added`: the annotation, as the API sent it. */
  annotation?: Record<string, unknown>;
}

/** The events of a recorded Responses stream, in the order the API sent them. */
export function recordedResponsesEvents(file: string): RecordedEvent[] {
  const [exchange] = captureExchanges("responses", file);
  return exchange!
    .sse!.split("\n")
    .filter((line) => line.startsWith("data:"))
    .map((line) => JSON.parse(line.slice(5)) as RecordedEvent);
}
