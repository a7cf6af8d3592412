import { describe, expect, it } from "vitest";
import { capturesAvailable } from "../../support/captures.js";
import { createChatClient } from "../../../src/core/client/create-chat-client.js";
import type { ApiChoice, ChatClientOptions } from "../../../src/core/client/types.js";
import { toMessages } from "../../../src/core/convert/to-messages.js";
import { fakeFetch, type FakeReply } from "./support/fake-fetch.js";
import { recordedSse } from "./support/recordings.js";

const hasCaptures = capturesAvailable();
const hi = toMessages("hi");

function clientFor(
  api: ApiChoice,
  replies: FakeReply[] = [],
  options: Partial<ChatClientOptions> = {},
) {
  const server = fakeFetch(replies);
  const client = createChatClient({
    baseURL: "https://api.test/v1",
    model: "gpt-4.1-mini",
    api,
    fetch: server.fetch,
    maxRetries: 0,
    ...options,
  });
  return { client, server };
}

describe("frequencyPenalty, presencePenalty, seed, stop and n", () => {
  const params = {
    frequencyPenalty: 0.5,
    presencePenalty: -0.25,
    seed: 42,
    stop: ["\n\n", "END"],
    n: 3,
  };

  it("are sent as Chat Completions fields", async () => {
    const { client } = clientFor("chat");
    const request = await client.buildRequest(hi, params);
    expect(request.body).toMatchObject({
      frequency_penalty: 0.5,
      presence_penalty: -0.25,
      seed: 42,
      stop: ["\n\n", "END"],
      n: 3,
    });
    expect(request.warnings).toEqual([]);
  });

  it("accept a single stop string", async () => {
    const { client } = clientFor("chat");
    expect((await client.buildRequest(hi, { stop: "END" })).body.stop).toBe("END");
  });

  it("are left out of a Responses request, one warning each, since that API has none of them", async () => {
    const { client } = clientFor("responses");
    const request = await client.buildRequest(hi, params);
    for (const field of ["frequency_penalty", "presence_penalty", "seed", "stop", "n"]) {
      expect(request.body).not.toHaveProperty(field);
    }
    expect(request.warnings).toHaveLength(5);
    expect(request.warnings[0]).toMatch(/frequencyPenalty is a Chat Completions parameter/);
  });

  it("set on the client are defaults a call overrides", async () => {
    const { client } = clientFor("chat", [], { seed: 1, stop: "x" });
    expect((await client.buildRequest(hi, { seed: 2 })).body).toMatchObject({ seed: 2, stop: "x" });
  });

  it.runIf(hasCaptures)(
    "n > 1: the other recorded choices are on metadata.alternatives",
    async () => {
      const { client, server } = clientFor("chat", [
        { sse: recordedSse("chat", "structured-output-n3-choices-stream.sse") },
      ]);
      const message = await client.invoke("Three answers", { n: 3 });
      expect(server.requests[0]!.body!.n).toBe(3);
      expect(message.parts.length).toBeGreaterThan(0);
      expect(message.metadata.alternatives?.map((a) => a.index)).toEqual([1, 2]);
      for (const alternative of message.metadata.alternatives ?? []) {
        expect(alternative.parts.length).toBeGreaterThan(0);
      }
    },
  );
});

describe("api per call", () => {
  it("buildRequest sends one call to the other API than the client's", async () => {
    const { client } = clientFor("chat");
    expect((await client.buildRequest(hi)).api).toBe("chat");
    const request = await client.buildRequest(hi, { api: "responses" });
    expect(request.api).toBe("responses");
    expect(request.path).toBe("/responses");
    expect(request.body).not.toHaveProperty("api");
  });

  it("invoke posts to the API the call names, and the next call is back on the client's", async () => {
    const { client, server } = clientFor(
      "responses",
      [
        {
          json: {
            id: "c1",
            object: "chat.completion",
            model: "gpt-4.1-mini",
            choices: [
              { index: 0, message: { role: "assistant", content: "Hi" }, finish_reason: "stop" },
            ],
          },
        },
        {
          json: {
            id: "resp_1",
            object: "response",
            model: "gpt-4.1-mini",
            status: "completed",
            output: [
              {
                type: "message",
                id: "msg_1",
                role: "assistant",
                status: "completed",
                content: [{ type: "output_text", text: "Hello", annotations: [] }],
              },
            ],
          },
        },
      ],
      { stream: false },
    );
    const first = await client.invoke("hi", { api: "chat" });
    expect(server.requests[0]!.url).toBe("https://api.test/v1/chat/completions");
    expect(server.requests[0]!.body).not.toHaveProperty("api");
    expect(first.parts).toMatchObject([{ type: "text", text: "Hi" }]);
    const second = await client.invoke("hi");
    expect(server.requests[1]!.url).toBe("https://api.test/v1/responses");
    expect(second.parts).toMatchObject([{ type: "text", text: "Hello" }]);
  });

  it("auto per call still picks Responses when a feature needs it", async () => {
    const { client } = clientFor("chat");
    expect((await client.buildRequest(hi, { api: "auto", background: true })).api).toBe(
      "responses",
    );
  });
});
