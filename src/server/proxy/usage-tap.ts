import { createParser } from "eventsource-parser";
import type { Usage } from "../../core/model/usage.js";
import { usageFromPayload } from "./normalise-usage.js";

/** What to watch for in a relayed SSE stream. */
export interface StreamWatch {
  /**
   * Called with the response id from the first event that carries one; the event's bytes
   * reach the client only once it settles, so nobody can use an id the proxy has not noted.
   */
  onId?: (id: string) => Promise<void>;
  /** Called once the stream ends, with the last usage seen (if any) and the response id. */
  onDone?: (usage: Usage | undefined, id: string | undefined) => void;
}

function idOf(payload: unknown): string | undefined {
  const response = (payload as { response?: { id?: unknown } } | null)?.response;
  return typeof response?.id === "string" ? response.id : undefined;
}

/**
 * Passes an SSE body through byte for byte while watching its events for the response id
 * and the usage. The bytes are never re-encoded: the parser reads a decoded copy beside the
 * pass-through, and stops reading once nothing more is wanted.
 */
export function tapStream(
  body: ReadableStream<Uint8Array>,
  watch: StreamWatch,
): ReadableStream<Uint8Array> {
  let usage: Usage | undefined;
  let id: string | undefined;
  let pendingId: string | undefined;
  const decoder = new TextDecoder();
  const parser = createParser({
    onEvent(event) {
      const wantsId = watch.onId !== undefined && id === undefined && pendingId === undefined;
      // Only the final events carry usage; skipping the rest avoids parsing every delta.
      const mayHaveUsage = watch.onDone !== undefined && event.data.includes('"usage"');
      if (!wantsId && !mayHaveUsage) return;
      try {
        const payload: unknown = JSON.parse(event.data);
        if (wantsId) pendingId = idOf(payload);
        if (mayHaveUsage) usage = usageFromPayload(payload) ?? usage;
      } catch {
        // A malformed event is the client's to report; the tap only looks.
      }
    },
  });
  const watching = () => watch.onDone !== undefined || (watch.onId !== undefined && !id);
  // A pulling stream rather than pipeThrough(TransformStream): one stream instead of three,
  // and each chunk is handed on in the same turn it arrives.
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        if (watch.onDone) {
          parser.feed(decoder.decode());
          watch.onDone(usage, id ?? pendingId);
        }
        controller.close();
        return;
      }
      if (watching()) parser.feed(decoder.decode(value, { stream: true }));
      if (pendingId !== undefined && id === undefined) {
        id = pendingId;
        await watch.onId?.(id);
      }
      controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}
