import { createParser } from "eventsource-parser";
import type { Usage } from "../../core/model/usage.js";
import { usageFromPayload } from "./normalise-usage.js";

/**
 * Passes an SSE body through byte for byte while watching its events for usage, and calls
 * `onDone` with the last usage seen once the stream ends. The bytes are never re-encoded:
 * the parser reads a decoded copy beside the pass-through.
 */
export function tapStreamUsage(
  body: ReadableStream<Uint8Array>,
  onDone: (usage: Usage | undefined) => void,
): ReadableStream<Uint8Array> {
  let usage: Usage | undefined;
  const decoder = new TextDecoder();
  const parser = createParser({
    onEvent(event) {
      // Only the final events carry usage; skipping the rest avoids parsing every delta.
      if (!event.data.includes('"usage"')) return;
      try {
        usage = usageFromPayload(JSON.parse(event.data)) ?? usage;
      } catch {
        // A malformed event is the client's to report; the tap only looks for usage.
      }
    },
  });
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        controller.enqueue(chunk);
        parser.feed(decoder.decode(chunk, { stream: true }));
      },
      flush() {
        parser.feed(decoder.decode());
        onDone(usage);
      },
    }),
  );
}
