import OpenAI, { APIError } from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TextPart } from "../../src/core/model/parts.js";
import { readChatStream } from "../../src/core/stream/read-chat-stream.js";
import { readResponsesStream } from "../../src/core/stream/read-responses-stream.js";
import { createOpenAIProxy, toNodeHandler } from "../../src/server/index.js";
import { createEmulatorHandler } from "../../src/testing/index.js";
import { serve } from "./support/serve.js";

/**
 * An upstream connection that breaks mid-answer: the proxy ends the client's stream cleanly
 * with an error event in the API's own shape, so the browser keeps every byte before it
 * (a reset may make it drop the last ones) and the client can say what happened. Both
 * relays are covered: an in-process upstream (Web streams) and one over the network (the
 * node:http adapter's native relay).
 */

const emulator = createEmulatorHandler({ pace: "instant" });

/** An upstream that breaks in the middle of an event: nothing clean can follow it. */
const HALF_EVENT = 'data: {"id":"chatcmpl-1","choi';

type Served = Awaited<ReturnType<typeof serve>>;
const lanes: Record<"in-process" | "over the network", { proxy?: Served; halfEvent?: Served }> = {
  "in-process": {},
  "over the network": {},
};
const upstreams: Served[] = [];

beforeAll(async () => {
  const inProcess = lanes["in-process"];
  inProcess.proxy = await serve(
    toNodeHandler(createOpenAIProxy({ upstream: emulator, models: "all", logger: false })),
  );
  const halfEvent = async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(HALF_EVENT));
        },
        pull(controller) {
          controller.error(new Error("upstream reset"));
        },
      }),
      { headers: { "content-type": "text/event-stream" } },
    );
  inProcess.halfEvent = await serve(
    toNodeHandler(createOpenAIProxy({ upstream: halfEvent, models: "all", logger: false })),
  );

  const network = lanes["over the network"];
  // Its own emulator: a fault directive fails only the first request with its input.
  const emulatorServer = await serve(toNodeHandler(createEmulatorHandler({ pace: "instant" })));
  const halfEventServer = await serve((req, res) => {
    req.resume();
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write(HALF_EVENT, () => setTimeout(() => res.destroy(), 20));
  });
  upstreams.push(emulatorServer, halfEventServer);
  network.proxy = await serve(
    toNodeHandler(
      createOpenAIProxy({ baseURL: `${emulatorServer.url}/v1`, models: "all", logger: false }),
    ),
  );
  network.halfEvent = await serve(
    toNodeHandler(
      createOpenAIProxy({ baseURL: `${halfEventServer.url}/v1`, models: "all", logger: false }),
    ),
  );
});

afterAll(async () => {
  for (const lane of Object.values(lanes)) {
    await lane.proxy?.close();
    await lane.halfEvent?.close();
  }
  for (const upstream of upstreams) await upstream.close();
});

const post = (base: string, path: string, body: unknown) =>
  fetch(`${base}/api/openai/v1${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

const textOf = (parts: readonly { type: string }[]) =>
  parts
    .filter((part): part is TextPart => part.type === "text")
    .map((part) => part.text)
    .join("");

describe.each(Object.keys(lanes) as (keyof typeof lanes)[])(
  "an upstream %s that breaks",
  (lane) => {
    const proxyUrl = () => lanes[lane].proxy!.url;

    it("Responses: the stream ends with an `error` event, and the partial answer is kept", async () => {
      const response = await post(proxyUrl(), "/responses", {
        model: "gpt-4.1-mini",
        input: "Tell me a story [fault:disconnect-after=8]",
        stream: true,
      });
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(body.trimEnd().split("\n\n").at(-1)).toMatch(/^event: error\ndata: .*"upstream_lost"/);
      const message = await readResponsesStream(new Blob([body]).stream(), {}).finalMessage();
      expect(message.status).toBe("failed");
      expect(message.error).toMatchObject({ code: "upstream_lost" });
      expect(message.error!.message).toMatch(/connection .* was lost/);
      expect(textOf(message.parts).length).toBeGreaterThan(0);
    });

    it("Chat Completions: the stream ends with an `{ error }` chunk, and the partial answer is kept", async () => {
      const response = await post(proxyUrl(), "/chat/completions", {
        model: "gpt-4.1-mini",
        messages: [{ role: "user", content: "Tell me a story [fault:disconnect-after=8]" }],
        stream: true,
      });
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(body.trimEnd().split("\n\n").at(-1)).toMatch(/^data: \{"error":.*"upstream_lost"/);
      const message = await readChatStream(new Blob([body]).stream(), {}).finalMessage();
      expect(message.status).toBe("failed");
      expect(message.error).toMatchObject({ code: "upstream_lost" });
      expect(textOf(message.parts).length).toBeGreaterThan(0);
    });

    it("the openai SDK yields the Responses `error` event with the message, numbered after the last event", async () => {
      const client = new OpenAI({ apiKey: "unused", baseURL: `${proxyUrl()}/api/openai/v1` });
      const stream = await client.responses.create({
        model: "gpt-4.1-mini",
        input: "Tell me a story through the SDK [fault:disconnect-after=8]",
        stream: true,
      });
      const events: { type: string; sequence_number: number }[] = [];
      for await (const event of stream) events.push(event);
      const last = events.at(-1)!;
      expect(last).toMatchObject({
        type: "error",
        code: "upstream_lost",
        param: null,
        message: expect.stringMatching(/connection .* was lost/),
      });
      expect(events.length).toBeGreaterThan(1);
      expect(last.sequence_number).toBe(events.at(-2)!.sequence_number + 1);
    });

    it("the openai SDK raises the Chat Completions `{ error }` chunk as an APIError with the message", async () => {
      const client = new OpenAI({ apiKey: "unused", baseURL: `${proxyUrl()}/api/openai/v1` });
      const stream = await client.chat.completions.create({
        model: "gpt-4.1-mini",
        messages: [
          { role: "user", content: "Tell me a story through the SDK [fault:disconnect-after=8]" },
        ],
        stream: true,
      });
      let text = "";
      const failure = await (async () => {
        try {
          for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
        } catch (error) {
          return error;
        }
        return undefined;
      })();
      expect(failure).toBeInstanceOf(APIError);
      expect(failure).toMatchObject({ code: "upstream_lost", type: "server_error" });
      expect((failure as APIError).message).toMatch(/connection .* was lost/);
      expect(text.length).toBeGreaterThan(0);
    });

    it("an upstream that breaks inside an event still breaks the client's stream", async () => {
      const response = await post(lanes[lane].halfEvent!.url, "/chat/completions", {
        model: "gpt-4.1-mini",
        messages: [{ role: "user", content: "hi" }],
        stream: true,
      });
      expect(response.status).toBe(200);
      // Appending an event to half of one would read as garbage; the truncation must show.
      await expect(response.text()).rejects.toThrow();
    });
  },
);
