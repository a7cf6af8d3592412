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
  /**
   * An SSE event that ends the stream cleanly when the upstream fails between two events.
   * Without it (or when the failure cuts an event in half) the stream errors.
   */
  lostEvent?: string;
}

/** True when `tail` (the last bytes passed on) ends an SSE event: a blank line. */
function endsEvent(tail: string): boolean {
  return tail.endsWith("\n\n") || tail.endsWith("\r\r") || tail.endsWith("\r\n\r\n");
}

function idOf(payload: unknown): string | undefined {
  const response = (payload as { response?: { id?: unknown } } | null)?.response;
  return typeof response?.id === "string" ? response.id : undefined;
}

/** The last four bytes of a chunk as Latin-1 text, enough to find a trailing blank line. */
function latin1Tail(chunk: Uint8Array): string {
  return String.fromCharCode(...chunk.subarray(Math.max(0, chunk.byteLength - 4)));
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
  // The last few bytes passed on (as text: line endings are ASCII), to tell whether a failure
  // falls between two events. Starts at a boundary: nothing was sent yet.
  let tail = "\n\n";
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (error) {
        if (watch.lostEvent === undefined || !endsEvent(tail)) throw error;
        controller.enqueue(new TextEncoder().encode(watch.lostEvent));
        controller.close();
        return;
      }
      const { done, value } = result;
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
      if (watch.lostEvent !== undefined && value.byteLength > 0) {
        tail = (tail + latin1Tail(value)).slice(-4);
      }
      controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}
