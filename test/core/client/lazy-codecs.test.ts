import { describe, expect, it } from "vitest";
import { capturesAvailable } from "../../support/captures.js";
import { createChatClient } from "../../../src/core/client/create-chat-client.js";
import { loadOnce } from "../../../src/core/client/load-once.js";
import type { ChatClientOptions, RequestParams } from "../../../src/core/client/types.js";
import { toMessages } from "../../../src/core/convert/to-messages.js";
import { ColloquyError } from "../../../src/core/errors.js";
import type { Message } from "../../../src/core/model/message.js";
import { chatSse, fakeFetch, type FakeReply } from "./support/fake-fetch.js";
import { recordedJson, recordedSse } from "./support/recordings.js";

const hasCaptures = capturesAvailable();

function textOf(message: Message | undefined): string {
  return (message?.parts ?? []).map((p) => (p.type === "text" ? p.text : "")).join("");
}

/** The clients whose conversions load on first use, each made the way an app makes it. */
const lazyClients = {
  createChatClient: (options: ChatClientOptions) => createChatClient(options),
  "createChatClient with a fixed API": (options: ChatClientOptions) => createChatClient(options),
};

describe.each(Object.entries(lazyClients))(
  "%s loads each API's conversions on first use",
  (_, make) => {
    function setup(replies: FakeReply[], options: Partial<ChatClientOptions> = {}) {
      const server = fakeFetch(replies);
      const client = make({
        baseURL: "https://api.test/v1",
        model: "gpt-4.1-mini",
        fetch: server.fetch,
        maxRetries: 0,
        ...options,
      });
      return { client, server };
    }

    /** The body `buildRequest` describes for the same call. */
    async function expectedBody(
      input: Parameters<typeof toMessages>[0],
      options: Partial<ChatClientOptions>,
      params: RequestParams = {},
    ) {
      const eager = createChatClient({
        baseURL: "https://api.test/v1",
        model: "gpt-4.1-mini",
        ...options,
      });
      return (await eager.buildRequest(toMessages(input), params)).body;
    }

    it("streams a Chat Completions answer and sends the body buildRequest describes", async () => {
      const { client, server } = setup([{ sse: chatSse("Hello there") }], { api: "chat" });
      const input = [["system", "Be brief."], "Say hi"] as const;
      const message = await client.invoke([...input], { temperature: 0.2 });
      expect(message.status).toBe("complete");
      expect(textOf(message)).toBe("Hello there");
      expect(server.requests[0]!.url).toBe("https://api.test/v1/chat/completions");
      expect(server.requests[0]!.body).toEqual(
        await expectedBody([...input], { api: "chat" }, { temperature: 0.2 }),
      );
    });

    it("resolves `auto` before loading: plain chat goes to Chat Completions", async () => {
      const { client, server } = setup([{ sse: chatSse("ok") }]);
      const snapshots: Message[] = [];
      for await (const snapshot of client.stream("hi")) snapshots.push(snapshot);
      expect(server.requests[0]!.url).toBe("https://api.test/v1/chat/completions");
      expect(textOf(snapshots.at(-1))).toBe("ok");
    });

    it("rejects bad input with the normaliser's own error", async () => {
      const { client, server } = setup([{ sse: chatSse("never") }]);
      const error = await client.invoke([["robot", "beep"]] as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ColloquyError);
      expect((error as ColloquyError).code).toBe("invalid_input");
      expect((error as Error).message).toMatch(/unknown role 'robot'/);
      expect(server.requests).toHaveLength(0);
    });

    it("still says when no model is set", async () => {
      const { client } = setup([{ sse: chatSse("never") }], { model: undefined });
      await expect(client.invoke("hi")).rejects.toThrowError(/No model given/);
    });

    it("reads a Chat Completions JSON body when streaming is off", async () => {
      const completion = {
        id: "chatcmpl-json",
        object: "chat.completion",
        model: "gpt-4.1-mini",
        choices: [
          { index: 0, message: { role: "assistant", content: "From JSON" }, finish_reason: "stop" },
        ],
      };
      const { client, server } = setup([{ json: completion }], { api: "chat", stream: false });
      const message = await client.invoke("hi");
      expect(textOf(message)).toBe("From JSON");
      expect(server.requests[0]!.body).not.toHaveProperty("stream");
    });

    describe.runIf(hasCaptures)("over recorded Responses traffic", () => {
      it("streams a Responses answer and sends the body buildRequest describes", async () => {
        const { client, server } = setup(
          [{ sse: recordedSse("responses", "text-stream.session.json") }],
          { api: "responses" },
        );
        const types: string[] = [];
        let last: Message | undefined;
        for await (const update of client.streamUpdates("Hello, world!")) {
          types.push(String((update.event as { type?: string }).type));
          last = update.snapshot;
        }
        expect(types[0]).toBe("response.created");
        expect(types.at(-1)).toBe("response.completed");
        expect(last?.status).toBe("complete");
        expect(textOf(last).length).toBeGreaterThan(0);
        expect(server.requests[0]!.url).toBe("https://api.test/v1/responses");
        expect(server.requests[0]!.body).toEqual(
          await expectedBody("Hello, world!", { api: "responses" }),
        );
      });

      it("reads a Responses JSON body when streaming is off", async () => {
        const recorded = recordedJson("responses", "azure-text.json");
        const { client } = setup([{ json: recorded.json }], { api: "responses", stream: false });
        const message = await client.invoke("hi");
        expect(message.metadata.responseId).toMatch(/^resp_/);
        expect(textOf(message).length).toBeGreaterThan(0);
      });

      it("resumes a background stream with the Responses reader", async () => {
        const { client, server } = setup([
          { sse: recordedSse("responses", "background-stream-resume.session.json", 1) },
        ]);
        let last: Message | undefined;
        for await (const update of client.resume("resp_1", { startingAfter: 1 })) {
          last = update.snapshot;
        }
        expect(server.requests[0]!.url).toBe(
          "https://api.test/v1/responses/resp_1?stream=true&starting_after=1",
        );
        expect(last?.status).toBe("complete");
      });
    });
  },
);

describe("loadOnce", () => {
  it("loads once and shares the result", async () => {
    let loads = 0;
    const load = loadOnce("a module", async () => ({ id: ++loads }));
    const [first, second] = await Promise.all([load(), load()]);
    expect(first).toBe(second);
    expect(await load()).toBe(first);
  });

  it("says what could not load and tries again on the next call", async () => {
    let attempt = 0;
    const load = loadOnce("the Chat Completions codec", async () => {
      attempt++;
      if (attempt === 1) throw new TypeError("Failed to fetch dynamically imported module");
      return "loaded";
    });
    const error = await load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ColloquyError);
    expect((error as ColloquyError).code).toBe("connection_error");
    expect((error as Error).message).toMatch(
      /^Could not load the Chat Completions codec \(Failed to fetch dynamically imported module\)\. .*retry\.$/,
    );
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expect(await load()).toBe("loaded");
  });
});
