import { describe, expect, it } from "vitest";
import { createOpenAIProxy, type UsageReport } from "../../src/server/index.js";
import { usageFromPayload } from "../../src/server/proxy/normalise-usage.js";
import { allExchanges, capturesAvailable, type CaptureExchange } from "../support/captures.js";

/** Streams `text` in uneven slices, the way a network delivers it. */
function unevenStream(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  let step = 1;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      const size = ((step++ * 7919) % 977) + 1;
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

/** The usage a client would find in the stream's last usage-bearing event. */
function lastUsage(sse: string): UsageReport["usage"] | undefined {
  let found: UsageReport["usage"] | undefined;
  for (const line of sse.split("\n")) {
    if (!line.startsWith("data: ") || line === "data: [DONE]") continue;
    try {
      found = usageFromPayload(JSON.parse(line.slice(6))) ?? found;
    } catch {
      // Not JSON: not a usage carrier.
    }
  }
  return found;
}

const streams: CaptureExchange[] = capturesAvailable()
  ? [...allExchanges("responses"), ...allExchanges("chat")].filter(
      (e) => e.kind === "stream" && e.sse,
    )
  : [];

describe.skipIf(streams.length === 0)("recorded OpenAI streams through the proxy", () => {
  it.each(streams.map((e) => [`${e.api}/${e.file}#${e.index}`, e] as const))(
    "%s arrives byte for byte, with its usage reported",
    async (_name, exchange) => {
      const reports: UsageReport[] = [];
      const proxy = createOpenAIProxy({
        models: "all",
        logger: false,
        rateLimit: false,
        onUsage: (report) => void reports.push(report),
        upstream: () =>
          new Response(unevenStream(exchange.sse!), {
            headers: { "content-type": "text/event-stream" },
          }),
      });
      const path = exchange.api === "chat" ? "/v1/chat/completions" : "/v1/responses";
      const body =
        exchange.api === "chat"
          ? { model: "m", messages: [{ role: "user", content: "hi" }], stream: true }
          : { model: "m", input: "hi", stream: true };
      const response = await proxy(
        new Request(`http://local/api/openai${path}`, {
          method: "POST",
          body: JSON.stringify(body),
        }),
      );
      expect(await response.text()).toBe(exchange.sse);
      const expected = lastUsage(exchange.sse!);
      if (expected) {
        await expect.poll(() => reports.length).toBe(1);
        expect(reports[0]!.usage).toEqual(expected);
      } else {
        expect(reports).toEqual([]);
      }
    },
  );
});
