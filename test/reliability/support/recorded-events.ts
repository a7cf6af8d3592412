import { createParser } from "eventsource-parser";
import {
  allExchanges,
  capturesAvailable,
  isModelCall,
  type CaptureApi,
} from "../../support/captures.js";

/** The recorded streams, as SSE text and as parsed payloads, for the fuzzers. */

/** One recorded stream. */
export interface RecordedStream {
  /** `file#index`, for failure messages. */
  label: string;
  /** The SSE body as recorded. */
  sse: string;
  /** Its `data` payloads, parsed (`[DONE]` left out). */
  payloads: Record<string, unknown>[];
}

/** The `data` payloads of an SSE body, parsed. */
export function payloadsOf(sse: string): Record<string, unknown>[] {
  const payloads: Record<string, unknown>[] = [];
  const parser = createParser({
    onEvent: (event) => {
      const data = event.data.trim();
      if (data === "" || data === "[DONE]") return;
      try {
        payloads.push(JSON.parse(data) as Record<string, unknown>);
      } catch {
        // Recordings of malformed traffic keep their bad events out of the valid pool.
      }
    },
  });
  parser.feed(`${sse}\n\n`);
  return payloads;
}

/** Every recorded streamed model call of one API; empty when the recordings are absent. */
export function recordedStreams(api: CaptureApi): RecordedStream[] {
  if (!capturesAvailable()) return [];
  return allExchanges(api)
    .filter((exchange) => exchange.kind === "stream" && isModelCall(exchange) && exchange.sse)
    .map((exchange) => ({
      label: `${exchange.file}#${exchange.index}`,
      sse: exchange.sse!,
      payloads: payloadsOf(exchange.sse!),
    }));
}
