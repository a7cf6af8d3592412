import { connect } from "node:net";

/** What came back on a raw connection: the bytes, and the status line's code if any. */
export interface RawAnswer {
  /** Everything the server sent before closing (or before the wait ran out). */
  text: string;
  /** The status code of the first response, or undefined when none came. */
  status: number | undefined;
}

/**
 * Sends `bytes` as they are on a fresh loopback connection and collects the answer, so a
 * malformed request reaches the server exactly as written (a client library would refuse
 * to send most of them). Resolves after the server closes or `waitMs` passes.
 */
export function sendRaw(port: number, bytes: string | Buffer, waitMs = 400): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString("latin1");
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ text, status: match ? Number(match[1]) : undefined });
    };
    const timer = setTimeout(finish, waitMs);
    socket.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      // One answer is enough: the request may have left the connection open.
      if (/\r\n\r\n/.test(Buffer.concat(chunks).toString("latin1"))) setTimeout(finish, 30);
    });
    socket.on("error", finish);
    socket.on("close", finish);
    socket.write(bytes);
  });
}

/** A small seeded generator, so a failing run can be replayed with the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
