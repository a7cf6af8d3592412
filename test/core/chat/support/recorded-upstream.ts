import { ChatStore } from "../../../../src/core/chat/chat-store.js";
import { createChatClient } from "../../../../src/core/client/create-chat-client.js";
import { captureExchanges } from "../../../support/captures.js";
import { fakeFetch, type FakeReply } from "../../client/support/fake-fetch.js";

/** A recorded exchange to replay: its file and, for files holding several, which one. */
export interface RecordedReply {
  /** The recording in responses/, e.g. `shell-call-local.chunks.jsonl`. */
  file: string;
  /** Which exchange of the file (default 0). */
  index?: number;
}

/**
 * A ChatStore whose upstream replays recorded Responses exchanges in order (the last one
 * repeats), so a tool loop runs against what OpenAI really sent; `requests` holds what the
 * store sent back, to compare with the recorded requests.
 */
export function storeOverRecordings(replies: readonly RecordedReply[], stream: boolean) {
  const scripted: FakeReply[] = replies.map(({ file, index = 0 }) => {
    const exchange = captureExchanges("responses", file)[index];
    if (!exchange) throw new Error(`responses/${file} has no exchange ${index}`);
    return exchange.kind === "stream" ? { sse: exchange.sse! } : { json: exchange.json };
  });
  const server = fakeFetch(scripted);
  const client = createChatClient({
    baseURL: "https://api.test/v1",
    model: "gpt-5.1",
    api: "responses",
    stream,
    fetch: server.fetch,
  });
  const store = new ChatStore({ client, notify: "sync", storage: null });
  const inputOf = (request: number) =>
    (server.requests[request]?.body?.input ?? []) as Record<string, unknown>[];
  return { store, requests: server.requests, inputOf };
}

/** Waits until `test` holds (polling every 5 ms, up to 4 s). */
export async function waitUntil(test: () => boolean, what = "condition"): Promise<void> {
  for (let i = 0; i < 800; i++) {
    if (test()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`Timed out waiting for ${what}.`);
}
