import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Message } from "../../../src/core/model/message.js";
import { readMessageStream } from "../../../src/core/stream/read-message-stream.js";
import { capturesAvailable, captureExchanges, type CaptureApi } from "../../support/captures.js";
import { byteStream } from "./stream-helpers.js";

/**
 * Any split of a recording's bytes, down to single bytes and through multi-byte characters,
 * gives the same final message as reading it in one piece.
 */

const available = capturesAvailable();

/** Small recordings of each API covering text, tools, reasoning, citations and non-ASCII text. */
const RECORDINGS: { api: CaptureApi; file: string; index?: number }[] = [
  { api: "responses", file: "function-call-stream.session.json" },
  { api: "responses", file: "azure-text.chunks.jsonl" },
  { api: "responses", file: "error-event-response-failed.chunks.jsonl" },
  { api: "responses", file: "custom-tool-call-stream.cassette.yaml", index: 0 },
  { api: "chat", file: "parallel-tool-calls-stream.sse" },
  { api: "chat", file: "logprobs-refusal-stream.sse" },
  { api: "chat", file: "azure-prompt-filter-results-stream.chunks.jsonl" },
  { api: "chat", file: "structured-output-n3-choices-stream.sse" },
];

/** The final message of the recording read in pieces ending at `cuts`. */
async function finalOf(api: CaptureApi, bytes: Uint8Array, cuts: number[]): Promise<Message> {
  const stream = readMessageStream(byteStream(bytes, cuts), { api, now: () => 0 });
  return stream.finalMessage();
}

describe.skipIf(!available)("any byte split gives the same message", () => {
  for (const { api, file, index = 0 } of RECORDINGS) {
    it(`${api}/${file}`, async () => {
      const exchange = captureExchanges(api, file).filter((e) => e.kind === "stream")[index]!;
      const bytes = new TextEncoder().encode(exchange.sse!);
      const whole = await finalOf(api, bytes, []);
      expect(whole.status).not.toBe("in-progress");

      // Every single byte on its own: the worst case for both the decoder and the SSE parser.
      const everyByte = Array.from({ length: bytes.length }, (_, offset) => offset);
      expect(await finalOf(api, bytes, everyByte)).toEqual(whole);

      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 60 }),
          async (cuts) => {
            const sorted = [...cuts].sort((a, b) => a - b);
            expect(await finalOf(api, bytes, sorted)).toEqual(whole);
          },
        ),
        { numRuns: 40 },
      );
    });
  }
});
