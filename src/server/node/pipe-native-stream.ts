import type { ServerResponse } from "node:http";
import { createSseWatcher } from "../proxy/sse-watcher.js";
import type { StreamAnswer } from "../proxy/stream-answer.js";
import type { NodeUpstreamBody } from "./node-http-fetch.js";
import { writesInFlight } from "./writes-in-flight.js";

/**
 * Relays a streamed answer from the upstream's response stream to the client's, chunk by
 * chunk as it arrives, without Web streams in between: the same watch as the Web relay (the
 * response id noted before its event goes out, the usage, the lost event when the upstream
 * breaks between two events), with backpressure both ways. Resolves when the relay is over;
 * never rejects.
 */
export function pipeNativeStream(
  answer: StreamAnswer,
  res: ServerResponse,
  closed: Promise<void>,
): Promise<void> {
  const { source, message, finish } = answer.body as NodeUpstreamBody;
  const watcher = createSseWatcher(answer.watch);
  const flushable = res as ServerResponse & { flush?: () => void };
  const flushed = writesInFlight();
  return new Promise<void>((resolve) => {
    let over = false;
    let noting = false;
    let draining = false;
    /** What happened while a chunk waited on its id (the end, a failure): done after it. */
    let afterNoting: (() => void) | undefined;
    const whenNoted = (then: () => void) => {
      if (noting) afterNoting ??= then;
      else then();
    };

    const stop = () => {
      if (over) return false;
      over = true;
      finish();
      resolve();
      return true;
    };
    const resumeIfFree = () => {
      if (!over && !noting && !draining) source.resume();
    };
    const write = (chunk: Uint8Array) => {
      if (!res.write(chunk, flushed.track()) && !draining) {
        draining = true;
        source.pause();
        res.once("drain", () => {
          draining = false;
          resumeIfFree();
        });
      }
      // Compression middleware buffers unless told to flush.
      flushable.flush?.();
    };
    const fail = () => {
      if (!stop()) return;
      const lost = watcher.lostEvent();
      if (lost) {
        res.end(lost);
        return;
      }
      // What already arrived must still reach the client, so the socket closes only once
      // those writes have left; the missing final chunk then tells the client it ended early.
      void Promise.race([flushed.all(), closed]).then(() => res.destroy());
    };

    void closed.then(() => {
      // The client left: nothing more to relay, and the upstream request is cancelled.
      if (stop()) message.destroy();
    });
    const { scrubber } = answer;
    source.on("data", (chunk: Buffer) => {
      if (over) return;
      const raw = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      const bytes = scrubber ? scrubber.push(raw) : raw;
      if (bytes.byteLength > 0) pass(bytes);
    });
    /** Watches one chunk and writes it, after its response id is noted when it has one. */
    function pass(bytes: Uint8Array): void {
      const pending = watcher.see(bytes);
      if (!pending) {
        write(bytes);
        return;
      }
      noting = true;
      source.pause();
      const goOn = () => {
        noting = false;
        if (over) return;
        write(bytes);
        const then = afterNoting;
        afterNoting = undefined;
        if (then) then();
        else resumeIfFree();
      };
      pending.then(goOn, goOn);
    }
    const end = () => {
      if (over) return;
      watcher.end();
      stop();
      res.end();
    };
    // The end, or a failure, can come while the last chunk waits on its id: it goes out first.
    source.once("end", () =>
      whenNoted(() => {
        // What the scrubber held back (the tail of an unfinished event) goes out last.
        const rest = scrubber?.flush();
        if (over || rest === undefined || rest.byteLength === 0) return end();
        pass(rest);
        whenNoted(end);
      }),
    );
    source.once("error", () => whenNoted(fail));
    // A connection that drops mid-body ends the message without an error on some paths.
    message.once("aborted", () => whenNoted(fail));
    message.once("close", () => {
      if (!message.complete) whenNoted(fail);
    });
  });
}
