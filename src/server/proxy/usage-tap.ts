import { createSseWatcher, type StreamWatch } from "./sse-watcher.js";

/**
 * Passes an SSE body through byte for byte while watching its events for the response id
 * and the usage (see `createSseWatcher`), ending it with the lost event when the upstream
 * fails between two events.
 */
export function tapStream(
  body: ReadableStream<Uint8Array>,
  watch: StreamWatch,
): ReadableStream<Uint8Array> {
  const watcher = createSseWatcher(watch);
  // A pulling stream rather than pipeThrough(TransformStream): one stream instead of three,
  // and each chunk is handed on in the same turn it arrives.
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (error) {
        const lost = watcher.lostEvent();
        if (!lost) throw error;
        controller.enqueue(lost);
        controller.close();
        return;
      }
      const { done, value } = result;
      if (done) {
        watcher.end();
        controller.close();
        return;
      }
      const noting = watcher.see(value);
      if (noting) await noting;
      controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}
