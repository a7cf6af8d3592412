import { createParser, type EventSourceMessage } from "eventsource-parser";

/**
 * Bytes to server-sent events. Text decoding keeps multi-byte characters split across chunks
 * intact, and the SSE parser keeps events split across chunks intact, so any split of the
 * bytes gives the same events.
 */
export class SseDecoder {
  private readonly decoder = new TextDecoder();
  private readonly pending: EventSourceMessage[] = [];
  private readonly parser = createParser({
    onEvent: (event) => this.pending.push(event),
  });

  /** Feeds bytes; returns the events they completed, in order. */
  push(bytes: Uint8Array): EventSourceMessage[] {
    this.parser.feed(this.decoder.decode(bytes, { stream: true }));
    return this.pending.splice(0);
  }

  /**
   * Ends the input; returns the events the end completes. An event not followed by its blank
   * line is still delivered (some recordings and servers omit the last one); the caller
   * decides what a truncated one means.
   */
  end(): EventSourceMessage[] {
    const rest = this.decoder.decode();
    this.parser.feed(`${rest}\n\n`);
    return this.pending.splice(0);
  }
}
