import { describe, expect, it } from "vitest";
import { relaySse } from "../../src/server/proxy/relay-sse.js";
import { watchFor } from "../../src/server/proxy/relay-watch.js";
import { webSseSink, webSseSource } from "../../src/server/proxy/web-sse.js";

const bytes = (text: string) => new TextEncoder().encode(text);

/** An upstream body the test feeds by hand, noting how far it was read and whether it was cancelled. */
function upstream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const state = { cancelled: false };
  const body = new ReadableStream<Uint8Array>(
    {
      start: (given) => void (controller = given),
      cancel: () => void (state.cancelled = true),
    },
    { highWaterMark: 0 },
  );
  return { body, state, send: (text: string) => controller.enqueue(bytes(text)), controller };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("relaySse through the Web sink", () => {
  it("passes every byte through and notes the response id before its event goes out", async () => {
    const source = upstream();
    const { sink, stream } = webSseSink();
    const order: string[] = [];
    const relayed = relaySse(webSseSource(source.body), sink, {
      onId: async (id) => void order.push(`noted ${id}`),
    });
    const created = 'data: {"type":"response.created","response":{"id":"resp_1"}}\n\n';
    source.send(created);
    source.send("data: {}\n\n");
    source.controller.close();
    const reader = stream.getReader();
    const first = await reader.read();
    order.push("sent");
    expect(new TextDecoder().decode(first.value)).toBe(created);
    expect(order).toEqual(["noted resp_1", "sent"]);
    await reader.read();
    expect((await reader.read()).done).toBe(true);
    await relayed;
  });

  it("stops reading the upstream while the client does not read", async () => {
    const source = upstream();
    const { sink, stream } = webSseSink();
    void relaySse(webSseSource(source.body), sink, {});
    for (let i = 0; i < 20; i++) source.send(`data: ${i}\n\n`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // One chunk waits in the client's stream and at most one is held: the rest stay upstream.
    expect(source.controller.desiredSize).toBeLessThanOrEqual(-18);
    source.controller.close();
    expect((await readAll(stream)).split("\n\n").length).toBe(21);
  });

  it("cancels the upstream when the client goes away", async () => {
    const source = upstream();
    const { sink, stream } = webSseSink();
    const relayed = relaySse(webSseSource(source.body), sink, {});
    source.send("data: 1\n\n");
    await stream.cancel();
    await relayed;
    expect(source.state.cancelled).toBe(true);
  });

  it("ends the stream with the API's lost event when the upstream breaks between two events", async () => {
    const source = upstream();
    const { sink, stream } = webSseSink();
    void relaySse(webSseSource(source.body), sink, watchFor({}, "responses"));
    source.send('data: {"type":"a","sequence_number":4}\n\n');
    source.controller.error(new TypeError("terminated"));
    const text = await readAll(stream);
    expect(text).toContain('"code":"upstream_lost"');
    expect(text).toContain('"sequence_number":5');
  });

  it("breaks the client's stream when the upstream breaks mid-event", async () => {
    const source = upstream();
    const { sink, stream } = webSseSink();
    void relaySse(webSseSource(source.body), sink, watchFor({}, "chat"));
    source.send('data: {"half":');
    source.controller.error(new TypeError("terminated"));
    await expect(readAll(stream)).rejects.toThrow("terminated");
  });
});
