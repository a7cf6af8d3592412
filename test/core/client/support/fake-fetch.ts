/** A scripted server reply. */
export type FakeReply =
  | { status?: number; sse: string; headers?: Record<string, string>; failAfter?: number }
  | { status?: number; json: unknown; headers?: Record<string, string> }
  | { networkError: string }
  | ((request: RecordedRequest) => FakeReply | Promise<FakeReply>);

/** A request the fake fetch received. */
export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Record<string, unknown> | undefined;
  signal: AbortSignal | undefined;
}

/**
 * A fetch that answers from a script, one reply per call (the last repeats), and records
 * what it was asked. SSE bodies can be cut after `failAfter` bytes to simulate a dropped
 * connection mid-stream.
 */
export function fakeFetch(replies: FakeReply[]) {
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const request: RecordedRequest = {
      url: String(input),
      method: init.method ?? "GET",
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body:
        typeof init.body === "string"
          ? (JSON.parse(init.body) as Record<string, unknown>)
          : undefined,
      signal: init.signal ?? undefined,
    };
    requests.push(request);
    let reply = replies[Math.min(requests.length - 1, replies.length - 1)]!;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      while (typeof reply === "function") reply = await reply(request);
      if (init.signal?.aborted) throw init.signal.reason;
      if ("networkError" in reply) throw new TypeError(reply.networkError);
      if ("json" in reply) {
        return new Response(JSON.stringify(reply.json), {
          status: reply.status ?? 200,
          headers: { "content-type": "application/json", ...reply.headers },
        });
      }
      const bytes = new TextEncoder().encode(reply.sse);
      const failAfter = reply.failAfter;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          if (failAfter === undefined) {
            controller.enqueue(bytes);
            controller.close();
          } else {
            controller.enqueue(bytes.slice(0, failAfter));
            controller.error(new TypeError("connection reset"));
          }
        },
      });
      return new Response(body, {
        status: reply.status ?? 200,
        headers: { "content-type": "text/event-stream", ...reply.headers },
      });
    } finally {
      inFlight--;
    }
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
  };
}

/** A Chat Completions SSE body streaming `text` in small deltas. */
export function chatSse(text: string, model = "gpt-4.1-mini"): string {
  const chunks = text.match(/.{1,4}/gs) ?? [];
  const lines = chunks.map(
    (delta) =>
      `data: ${JSON.stringify({ id: "chatcmpl-1", object: "chat.completion.chunk", model, choices: [{ index: 0, delta: { content: delta }, finish_reason: null }] })}\n\n`,
  );
  lines.push(
    `data: ${JSON.stringify({ id: "chatcmpl-1", object: "chat.completion.chunk", model, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] })}\n\n`,
    "data: [DONE]\n\n",
  );
  return lines.join("");
}
