import type { SseSink, SseSource, SseSourceEvents } from "./relay-sse.js";

/**
 * A Web stream's bytes as a relay source: read one chunk at a time, and only while the relay
 * wants them (a chunk read just as the relay pauses is held until it resumes).
 */
export function webSseSource(body: ReadableStream<Uint8Array>): SseSource {
  const reader = body.getReader();
  let events: SseSourceEvents | undefined;
  let paused = false;
  let reading = false;
  let over = false;
  let held: Uint8Array | undefined;
  const pump = async () => {
    if (reading || !events) return;
    reading = true;
    try {
      while (!paused && !over) {
        if (held) {
          const chunk = held;
          held = undefined;
          events.chunk(chunk);
          continue;
        }
        const { done, value } = await reader.read();
        if (over) return;
        if (done) {
          over = true;
          events.end();
          return;
        }
        if (paused) held = value;
        else events.chunk(value);
      }
    } catch (error) {
      if (!over) {
        over = true;
        events.fail(error);
      }
    } finally {
      reading = false;
    }
  };
  return {
    start(given) {
      events = given;
      void pump();
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      void pump();
    },
    cancel() {
      over = true;
      void reader.cancel().catch(() => undefined);
    },
  };
}

/**
 * A relay sink that is a Web stream, for a fetch-style handler's `Response` (Next route
 * handlers, any Web runtime): a chunk is handed on in the turn it is written, and the stream
 * tells the relay it is full once a chunk waits unread.
 */
export function webSseSink(): { sink: SseSink; stream: ReadableStream<Uint8Array> } {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let drained: (() => void) | undefined;
  let closed: (() => void) | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(given) {
      controller = given;
    },
    pull() {
      const then = drained;
      drained = undefined;
      then?.();
    },
    cancel() {
      closed?.();
    },
  });
  const sink: SseSink = {
    write(chunk) {
      controller.enqueue(chunk);
      return (controller.desiredSize ?? 0) > 0;
    },
    onDrain(then) {
      drained = then;
    },
    onClose(then) {
      closed = then;
    },
    end(last) {
      if (last) controller.enqueue(last);
      controller.close();
    },
    fail(error) {
      controller.error(error);
    },
  };
  return { sink, stream };
}
