import { describe, expect, it } from "vitest";
import { capturesAvailable } from "../../support/captures.js";
import { createChatClient } from "../../../src/core/client/create-chat-client.js";
import { BatchItemError } from "../../../src/core/client/batch.js";
import type { ChatClientOptions } from "../../../src/core/client/types.js";
import { APIError, ColloquyError } from "../../../src/core/errors.js";
import type { Message } from "../../../src/core/model/message.js";
import { chatSse, fakeFetch, type FakeReply } from "./support/fake-fetch.js";
import { recordedJson, recordedSse } from "./support/recordings.js";

const hasCaptures = capturesAvailable();

function textOf(message: Message): string {
  return message.parts.map((p) => (p.type === "text" ? p.text : "")).join("");
}

function setup(replies: FakeReply[], options: Partial<ChatClientOptions> = {}) {
  const server = fakeFetch(replies);
  const sleeps: number[] = [];
  const client = createChatClient(
    { baseURL: "https://api.test/v1", model: "gpt-4.1-mini", fetch: server.fetch, ...options },
    {
      sleep: async (ms, signal) => {
        sleeps.push(ms);
        if (signal.aborted) throw signal.reason;
      },
      random: () => 0,
    },
  );
  return { client, server, sleeps };
}

describe("createChatClient", () => {
  it("needs a baseURL outside the browser", () => {
    expect(() => createChatClient({ model: "m" })).toThrowError(/needs `baseURL`/);
  });

  it("needs a model", async () => {
    const { client } = setup([{ sse: chatSse("hi") }], { model: undefined });
    await expect(client.invoke("hi")).rejects.toThrowError(/No model given/);
  });
});

describe.runIf(hasCaptures)("invoke and stream over recorded streams", () => {
  it("invokes Chat Completions with a streamed recording", async () => {
    const { client, server } = setup([{ sse: recordedSse("chat", "text-stream.sse") }]);
    const message = await client.invoke([["system", "Be brief."], "Say this is a test"]);
    expect(message.role).toBe("assistant");
    expect(message.status).toBe("complete");
    expect(textOf(message).length).toBeGreaterThan(0);
    const request = server.requests[0]!;
    expect(request.url).toBe("https://api.test/v1/chat/completions");
    expect(request.method).toBe("POST");
    expect(request.headers.accept).toBe("text/event-stream");
    expect(request.body).toMatchObject({
      model: "gpt-4.1-mini",
      stream: true,
      stream_options: { include_usage: true },
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Say this is a test" },
      ],
    });
  });

  it("streams Responses snapshots that grow to the final text", async () => {
    const { client, server } = setup(
      [{ sse: recordedSse("responses", "text-stream.session.json") }],
      {
        api: "responses",
      },
    );
    const snapshots: Message[] = [];
    for await (const snapshot of client.stream("Hello, world!")) snapshots.push(snapshot);
    expect(snapshots.length).toBeGreaterThan(2);
    const texts = snapshots.map(textOf);
    for (let i = 1; i < texts.length; i++) expect(texts[i]!.startsWith(texts[i - 1]!)).toBe(true);
    const last = snapshots.at(-1)!;
    expect(last.status).toBe("complete");
    expect(last.metadata.responseId).toMatch(/^resp_/);
    expect(server.requests[0]!.url).toBe("https://api.test/v1/responses");
    expect(server.requests[0]!.body).toMatchObject({
      input: [{ role: "user", content: [{ type: "input_text", text: "Hello, world!" }] }],
      stream: true,
    });
  });

  it("hands out the raw events with the snapshots", async () => {
    const { client } = setup([{ sse: recordedSse("responses", "text-stream.session.json") }], {
      api: "responses",
    });
    const types: string[] = [];
    for await (const update of client.streamUpdates("Hello")) {
      types.push(String((update.event as { type?: string }).type));
    }
    expect(types[0]).toBe("response.created");
    expect(types.at(-1)).toBe("response.completed");
  });

  it("reads a JSON body when streaming is off", async () => {
    const recorded = recordedJson("chat", "text.session.json");
    const { client, server } = setup([{ json: recorded.json }], { stream: false });
    const message = await client.invoke("hi");
    expect(textOf(message).length).toBeGreaterThan(0);
    expect(server.requests[0]!.body).not.toHaveProperty("stream");
  });

  it("resumes a background stream after a sequence number", async () => {
    const { client, server } = setup([
      { sse: recordedSse("responses", "background-stream-resume.session.json", 1) },
    ]);
    let last: Message | undefined;
    for await (const update of client.resume("resp_1", { startingAfter: 1 }))
      last = update.snapshot;
    expect(server.requests[0]!.method).toBe("GET");
    expect(server.requests[0]!.url).toBe(
      "https://api.test/v1/responses/resp_1?stream=true&starting_after=1",
    );
    expect(last?.status).toBe("complete");
    expect(textOf(last!).length).toBeGreaterThan(0);
  });
});

describe("batch", () => {
  it("keeps input order and runs at most `concurrency` requests at once", async () => {
    const gate =
      (text: string): FakeReply =>
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { sse: chatSse(text) };
      };
    const server = fakeFetch([
      async (request) => {
        const content = (request.body!.messages as { content: string }[])[0]!.content;
        return gate(`echo ${content}`);
      },
    ]);
    const client = createChatClient({
      baseURL: "https://api.test/v1",
      model: "m",
      fetch: server.fetch,
    });
    const inputs = ["a", "b", "c", "d", "e", "f", "g"];
    const results = await client.batch(inputs, { concurrency: 2 });
    expect(results.map(textOf)).toEqual(inputs.map((i) => `echo ${i}`));
    expect(server.maxInFlight).toBe(2);
  });

  it("rejects naming the failed item, and batchSettled reports each", async () => {
    const { client } = setup([
      async (request) => {
        const content = (request.body!.messages as { content: string }[])[0]!.content;
        return content === "bad"
          ? { status: 400, json: { error: { message: "nope", type: "invalid_request_error" } } }
          : { sse: chatSse(content) };
      },
    ]);
    const error = await client
      .batch(["ok", "bad", "ok"], { concurrency: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchItemError);
    expect((error as BatchItemError).index).toBe(1);
    expect((error as Error).message).toMatch(/Batch item 1 failed: 400 nope/);
    const settled = await client.batchSettled(["ok", "bad"]);
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected"]);
  });
});

describe("retries", () => {
  it("honours retry-after on 429, then succeeds", async () => {
    const { client, server, sleeps } = setup([
      {
        status: 429,
        json: { error: { message: "slow down", type: "requests" } },
        headers: { "retry-after": "2" },
      },
      { sse: chatSse("done") },
    ]);
    const message = await client.invoke("hi");
    expect(textOf(message)).toBe("done");
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
  });

  it("prefers retry-after-ms", async () => {
    const { client, sleeps } = setup([
      { status: 503, json: {}, headers: { "retry-after-ms": "250", "retry-after": "9" } },
      { sse: chatSse("ok") },
    ]);
    await client.invoke("hi");
    expect(sleeps).toEqual([250]);
  });

  it("backs off exponentially on 500 and network errors, up to maxRetries", async () => {
    const { client, server, sleeps } = setup(
      [
        { status: 500, json: { error: { message: "boom" } } },
        { networkError: "ECONNRESET" },
        { status: 500, json: {} },
      ],
      { maxRetries: 2 },
    );
    const error = await client.invoke("hi").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(500);
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toEqual([500, 1000]);
  });

  it("does not retry a 400, nor an exhausted quota", async () => {
    const { client, server } = setup([{ status: 400, json: { error: { message: "bad" } } }]);
    await expect(client.invoke("hi")).rejects.toBeInstanceOf(APIError);
    expect(server.requests).toHaveLength(1);
  });

  it("never retries once the stream has started delivering", async () => {
    const sse = chatSse("a long answer that gets cut");
    const { client, server } = setup([{ sse, failAfter: 200 }, { sse }]);
    const error = await client.invoke("hi").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ColloquyError);
    expect((error as ColloquyError).code).toBe("connection_error");
    expect(server.requests).toHaveLength(1);
  });

  it("maps a network failure to connection_error naming the URL", async () => {
    const { client } = setup([{ networkError: "getaddrinfo ENOTFOUND" }], { maxRetries: 0 });
    const error = (await client.invoke("hi").catch((e: unknown) => e)) as ColloquyError;
    expect(error.code).toBe("connection_error");
    expect(error.message).toMatch(/could not reach https:\/\/api\.test\/v1: getaddrinfo ENOTFOUND/);
  });
});

describe.runIf(hasCaptures)("error mapping with recorded error bodies", () => {
  it.each([
    [
      "chat",
      "error-401-invalid-api-key.session.json",
      401,
      "invalid_api_key",
      "invalid_request_error",
      null,
      /Check the API key/,
    ],
    [
      "chat",
      "error-400-invalid-schema.session.json",
      400,
      "invalid_function_parameters",
      "invalid_request_error",
      "tools[0].function.parameters",
      /Invalid schema for function/,
    ],
  ] as const)("%s/%s", async (api, file, status, code, type, param, message) => {
    const recorded = recordedJson(api, file);
    expect(recorded.status).toBe(status);
    const { client } = setup([
      { status, json: recorded.json, headers: { "x-request-id": "req_123" } },
    ]);
    const error = (await client.invoke("hi").catch((e: unknown) => e)) as APIError;
    expect(error).toBeInstanceOf(APIError);
    expect(error.status).toBe(status);
    expect(error.errorCode).toBe(code);
    expect(error.type).toBe(type);
    expect(error.param).toBe(param);
    expect(error.requestId).toBe("req_123");
    expect(error.message).toMatch(message);
  });

  it("insufficient quota: a 429 that is not retried", async () => {
    const recorded = recordedJson("responses", "error-insufficient-quota.json");
    const { client, server } = setup([{ status: 429, json: recorded.json }]);
    const error = (await client.invoke("hi").catch((e: unknown) => e)) as APIError;
    expect(error.type).toBe("insufficient_quota");
    expect(error.message).toMatch(/You exceeded your current quota.*check billing/);
    expect(server.requests).toHaveLength(1);
  });

  it("a failure reported inside the stream rejects invoke with the snapshot", async () => {
    const { client } = setup(
      [{ sse: recordedSse("responses", "error-event-response-failed.chunks.jsonl") }],
      {
        api: "responses",
      },
    );
    const error = (await client.invoke("hi").catch((e: unknown) => e)) as APIError;
    expect(error).toBeInstanceOf(APIError);
    expect(error.snapshot?.status).toBe("failed");
  });
});

describe("timeout and abort", () => {
  const hang: FakeReply = (request) =>
    new Promise<FakeReply>((_, reject) => {
      if (request.signal?.aborted) reject(request.signal.reason);
      request.signal?.addEventListener("abort", () => reject(request.signal!.reason));
    });

  it("times out with a timeout error", async () => {
    const { client } = setup([hang], { timeout: 20, maxRetries: 0 });
    const error = (await client.invoke("hi").catch((e: unknown) => e)) as ColloquyError;
    expect(error.code).toBe("timeout");
    expect(error.message).toMatch(/20 ms timeout/);
  });

  it("aborts with the caller's signal", async () => {
    const { client } = setup([hang]);
    const controller = new AbortController();
    const pending = client.invoke("hi", { signal: controller.signal });
    controller.abort();
    const error = (await pending.catch((e: unknown) => e)) as ColloquyError;
    expect(error.code).toBe("aborted");
  });

  it("releases the connection when the consumer stops reading early", async () => {
    const { client, server } = setup([{ sse: chatSse("a fairly long answer in many chunks") }]);
    for await (const snapshot of client.stream("hi")) {
      expect(snapshot.role).toBe("assistant");
      break;
    }
    expect(server.requests[0]!.signal?.aborted).toBe(true);
  });

  it("sends headers from a function, resolved per request", async () => {
    let n = 0;
    const { client, server } = setup([{ sse: chatSse("x") }], {
      headers: async () => ({ authorization: `Bearer t${++n}` }),
    });
    await client.invoke("a");
    await client.invoke("b");
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Bearer t1", "Bearer t2"]);
  });

  it("cancels a background response", async () => {
    const { client, server } = setup([{ json: { id: "resp_1", status: "cancelled" } }]);
    await client.cancel("resp_1");
    expect(server.requests[0]).toMatchObject({
      method: "POST",
      url: "https://api.test/v1/responses/resp_1/cancel",
    });
  });
});
