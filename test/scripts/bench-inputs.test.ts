import { describe, expect, it } from "vitest";
import { readMessageStream, messageText } from "../../src/core/index.js";
import { median, percentile } from "../../bench/lib/stats.js";
import { chunkSizes, generateMarkdown } from "../../bench/render/generate-markdown.js";
import { generateStream } from "../../bench/stream/generate-sse.js";
import { sseEvents, uiMessageStreamEvents } from "../../bench/chat/generate-ui-stream.js";

describe("bench inputs", () => {
  it.each(["responses", "chat"] as const)(
    "generates the same %s stream for a seed, which reads back to its text",
    async (api) => {
      const first = generateStream(api, 300, 4);
      expect(generateStream(api, 300, 4).sse).toBe(first.sse);
      const message = await readMessageStream(
        new Response(first.sse, { headers: { "content-type": "text/event-stream" } }),
        { api },
      ).finalMessage();
      expect(message.status).toBe("complete");
      expect(messageText(message)).toBe(first.text);
    },
  );

  it("generates markdown of the asked size with every block kind, in 4-6 character chunks", () => {
    const text = generateMarkdown(10 * 1024);
    expect(text.length).toBeGreaterThanOrEqual(10 * 1024);
    for (const marker of ["## ", "- ", "```ts", "| --- |", "> ", "1. ", "](https://"]) {
      expect(text).toContain(marker);
    }
    const sizes = chunkSizes(text.length);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(text.length);
    expect(sizes.slice(0, -1).every((size) => size >= 4 && size <= 6)).toBe(true);
  });

  it("splits SSE into events and frames the AI SDK's UI message stream", () => {
    expect(sseEvents("data: 1\n\ndata: 2\n\n")).toEqual(["data: 1\n\n", "data: 2\n\n"]);
    const events = uiMessageStreamEvents(["a", "b"]);
    expect(events.filter((e) => e.includes('"text-delta"'))).toHaveLength(2);
    expect(events.at(-1)).toBe("data: [DONE]\n\n");
  });

  it("takes medians and nearest-rank percentiles", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 99)).toBe(10);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
  });
});
