import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ChatStore,
  createChatClient,
  memoryChatStorage,
  type StoredChat,
} from "../../src/core/index.js";
import { startProxyStack, type ProxyStack } from "./support/stack.js";
import { textOf } from "./support/chat-checks.js";
import { fetchWithCookieJar } from "./support/cookie-jar.js";

/**
 * Reload safety: a background response through the proxy; at seeded random moments the page
 * "reloads" (its connection drops, a new ChatStore starts from what storage held) and the
 * answer resumes. Nothing may be lost or applied twice. The page keeps its cookies across a
 * reload, as a browser does: the proxy's session cookie is what makes the resuming page the
 * owner of the response the first page started.
 */

let stack: ProxyStack;
beforeAll(async () => {
  // Events a few ms apart, so a reload can land in the middle of the answer.
  stack = await startProxyStack({ delayMs: 3 });
});
afterAll(() => stack.close());

/** One HTTP exchange the client made: the sequence numbers its body carried, in order. */
interface Connection {
  url: string;
  sequence: number[];
  drop: AbortController;
}

/**
 * A fetch that records every event's sequence number and can cut any connection, with one
 * cookie jar for every page of a run (the browser's, which a reload keeps).
 */
function observedFetch(connections: Connection[]): typeof fetch {
  const browserFetch = fetchWithCookieJar();
  return async (input, init) => {
    const drop = new AbortController();
    const signal = init?.signal ? AbortSignal.any([init.signal, drop.signal]) : drop.signal;
    const connection: Connection = { url: String(input), sequence: [], drop };
    connections.push(connection);
    const response = await browserFetch(input, { ...init, signal });
    if (!response.body) return response;
    const decoder = new TextDecoder();
    let buffer = "";
    const observe = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        buffer += decoder.decode(chunk, { stream: true });
        const events = buffer.split("\n\n");
        buffer = events.pop()!;
        for (const event of events) {
          const match = /"sequence_number":(\d+)/.exec(event);
          if (match) connection.sequence.push(Number(match[1]));
        }
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(observe), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

const CHAT_ID = "reload-safety";

describe("reload safety of a background response", () => {
  it("resumes after seeded random reloads with the full text and contiguous sequence numbers", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 4, max: 60 }), { minLength: 1, maxLength: 3 }),
        async (dropAfterUpdates) => {
          const connections: Connection[] = [];
          const client = createChatClient({
            baseURL: stack.baseURL,
            api: "responses",
            model: "gpt-5-mini",
            background: true,
            maxRetries: 0,
            fetch: observedFetch(connections),
          });
          /** What each reload found in storage, and the connection it cut. */
          const reloads: { saved: StoredChat; connection: Connection }[] = [];
          let saved: StoredChat | undefined;

          const open = (stored?: StoredChat) => {
            const storage = memoryChatStorage();
            if (stored) storage.save(CHAT_ID, stored);
            return {
              storage,
              store: new ChatStore({
                client,
                id: CHAT_ID,
                storage,
                saveThrottleMs: 0,
                notify: "sync",
              }),
            };
          };

          /** Runs `store` until `limit` updates, then "reloads": keeps storage, cuts the wire. */
          const runUntilReload = async (
            page: ReturnType<typeof open>,
            limit: number | undefined,
            begin: (store: ChatStore) => Promise<unknown>,
          ) => {
            let updates = 0;
            let reloaded = false;
            const unsubscribe = page.store.subscribe(() => {
              updates += 1;
              if (limit === undefined || reloaded || updates < limit) return;
              const stored = page.storage.entries.get(CHAT_ID);
              const last = stored?.messages.at(-1);
              if (last?.status !== "in-progress") return;
              reloaded = true;
              saved = structuredClone(stored);
              reloads.push({ saved: saved!, connection: connections.at(-1)! });
              connections.at(-1)!.drop.abort(new Error("page reloaded"));
            });
            await begin(page.store);
            await page.store.settled();
            unsubscribe();
            page.store.dispose();
            return reloaded;
          };

          const first = open();
          let stillStreaming = await runUntilReload(first, dropAfterUpdates[0], (store) =>
            store.send(`Tell me a long story about reloads (${dropAfterUpdates.join(",")})`),
          );
          let page = first;
          for (let i = 1; stillStreaming; i++) {
            page = open(saved);
            stillStreaming = await runUntilReload(page, dropAfterUpdates[i], (store) =>
              store.start(),
            );
          }

          const state = page.store.getSnapshot();
          const answer = state.messages.at(-1)!;
          expect(state.error).toBeUndefined();
          expect(state.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
          expect(answer.status).toBe("complete");
          // The first reload point always falls inside the answer (~145 events).
          expect(reloads.length).toBeGreaterThanOrEqual(1);
          // Each reload resumed the answer it had, not a new one.
          const responseId = answer.metadata.responseId!;
          for (const reload of reloads) {
            expect(reload.saved.messages.at(-1)!.metadata.responseId).toBe(responseId);
            expect(reload.saved.messages.at(-1)!.id).toBe(answer.id);
          }
          expect(connections.filter((c) => c.url.includes("starting_after="))).toHaveLength(
            reloads.length,
          );

          // The text equals what the emulator holds for the response.
          const stored = (await (
            await fetch(`${stack.emulator.url}/responses/${responseId}`)
          ).json()) as { output: { type: string; content?: { text?: string }[] }[] };
          const fullText = stored.output
            .filter((item) => item.type === "message")
            .flatMap((item) => item.content ?? [])
            .map((content) => content.text ?? "")
            .join("");
          expect(textOf(answer)).toBe(fullText);

          // The events the pages applied: each cut connection up to what its reload kept.
          const applied = connections.flatMap((connection) => {
            const reload = reloads.find((r) => r.connection === connection);
            if (!reload) return connection.sequence;
            const kept = reload.saved.messages.at(-1)!.metadata.lastSequenceNumber!;
            return connection.sequence.filter((n) => n <= kept);
          });
          expect(applied).toEqual(applied.map((_, index) => index));
          expect(applied.at(-1)).toBe(answer.metadata.lastSequenceNumber);

          // Another browser (its own cookie jar) is not the owner: resuming is still refused.
          const stranger = await fetchWithCookieJar()(`${stack.baseURL}/responses/${responseId}`);
          expect(stranger.status).toBe(404);
        },
      ),
      { numRuns: 6, seed: 20_261_122 },
    );
  });
});
