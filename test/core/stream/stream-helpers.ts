import { createParser } from "eventsource-parser";
import type { CaptureApi, CaptureExchange } from "../../support/captures.js";
import { allExchanges, isModelCall } from "../../support/captures.js";

/** Test helpers: recorded streams as byte streams, split where the test says. */

/** A byte stream delivering `bytes` in pieces ending at `cuts` (sorted offsets). */
export function byteStream(
  bytes: Uint8Array,
  cuts: readonly number[] = [],
): ReadableStream<Uint8Array> {
  const ends = [...cuts.filter((cut) => cut > 0 && cut < bytes.length), bytes.length];
  let start = 0;
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next >= ends.length) {
        controller.close();
        return;
      }
      const end = ends[next++]!;
      controller.enqueue(bytes.slice(start, end));
      start = end;
    },
  });
}

/** A byte stream of `text`, optionally split at `cuts`. */
export function textStream(text: string, cuts: readonly number[] = []): ReadableStream<Uint8Array> {
  return byteStream(new TextEncoder().encode(text), cuts);
}

/** The SSE `data` payloads of a recording as newline-delimited JSON (`[DONE]` left out). */
export function sseToJsonLines(sse: string): string {
  const lines: string[] = [];
  const parser = createParser({
    onEvent: (event) => {
      if (event.data.trim() !== "[DONE]") lines.push(event.data);
    },
  });
  parser.feed(`${sse}\n\n`);
  return `${lines.join("\n")}\n`;
}

/** Every parsed `data` payload of a recording, in order. */
export function ssePayloads(sse: string): Record<string, unknown>[] {
  return sseToJsonLines(sse)
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Every streamed model call of one API, labelled for test names. */
export function streamedCalls(api: CaptureApi): (CaptureExchange & { label: string })[] {
  return allExchanges(api)
    .filter((exchange) => exchange.kind === "stream" && isModelCall(exchange))
    .map((exchange) => ({ ...exchange, label: `${exchange.file}#${exchange.index}` }));
}

/** True for a GET that resumes a background response after `starting_after`. */
export function isResumeCall(exchange: CaptureExchange): boolean {
  return exchange.method === "GET" && /[?&]starting_after=\d+/.test(exchange.path ?? "");
}

/** The `starting_after` of a resume call. */
export function startingAfter(exchange: CaptureExchange): number {
  return Number(/[?&]starting_after=(\d+)/.exec(exchange.path ?? "")![1]);
}
