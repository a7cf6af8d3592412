import type { IncomingMessage, ServerResponse } from "node:http";
import type { SseSink, SseSource } from "../proxy/relay-sse.js";
import { writesInFlight } from "./writes-in-flight.js";

const cut = () => new TypeError("terminated: the upstream closed the stream");

/**
 * The upstream's node:http response stream as a relay source, without Web streams in
 * between: each stream hop between two sockets costs time to first byte.
 *
 * @param message - the upstream response: its `aborted` / `close` tell a cut connection.
 * @param body - its bytes, decoded when the upstream compressed them.
 * @param finish - releases the request's abort listener; called once the body ended or failed.
 */
export function nodeSseSource(
  message: IncomingMessage,
  body: NodeJS.ReadableStream,
  finish: () => void,
): SseSource {
  let over = false;
  const settle = () => {
    if (over) return false;
    over = true;
    finish();
    return true;
  };
  return {
    start(events) {
      body.on("data", (chunk: Buffer) => {
        if (!over) events.chunk(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      });
      body.once("end", () => {
        if (settle()) events.end();
      });
      const fail = (error: unknown) => {
        if (settle()) events.fail(error);
      };
      body.once("error", fail);
      // A connection that drops mid-body ends the message without an error on some paths.
      message.once("aborted", () => fail(cut()));
      message.once("close", () => {
        if (!message.complete) fail(cut());
      });
    },
    pause: () => void body.pause(),
    resume: () => void body.resume(),
    cancel() {
      settle();
      message.destroy();
    },
  };
}

/**
 * A node:http response as a relay sink: writes with the socket's backpressure, flushes each
 * chunk (compression middleware buffers unless told to), and on a failure lets what was
 * written leave before the socket closes, so the missing final chunk tells the client the
 * answer ended early.
 *
 * @param closed - settles when the response closes (the client left, or the answer ended).
 */
export function nodeSseSink(res: ServerResponse, closed: Promise<void>): SseSink {
  const flushable = res as ServerResponse & { flush?: () => void };
  const flushed = writesInFlight();
  return {
    write(chunk) {
      const room = res.write(chunk, flushed.track());
      flushable.flush?.();
      return room;
    },
    onDrain(then) {
      res.once("drain", then);
    },
    onClose(then) {
      void closed.then(then);
    },
    end(last) {
      if (last) res.end(last);
      else res.end();
    },
    fail() {
      void Promise.race([flushed.all(), closed]).then(() => res.destroy());
    },
  };
}
