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
 * (a reset may make it drop the last ones) and the client can say what happened.
 */

const emulator = createEmulatorHandler({ pace: "instant" });
let proxy: Awaited<ReturnType<typeof serve>>;
let halfEventProxy: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  proxy = await serve(
    toNodeHandler(createOpenAIProxy({ upstream: emulator, models: "all", logger: false })),
  );
  // An upstream that breaks in the middle of an event: nothing clean can follow it.
  const halfEvent = async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('data: {"id":"chatcmpl-1","choi'));
        },
        pull(controller) {
          controller.error(new Error("upstream reset"));
        },
      }),
      { headers: { "content-type": "text/event-stream" } },
    );
  halfEventProxy = await serve(
    toNodeHandler(createOpenAIProxy({ upstream: halfEvent, models: "all", logger: false })),
  );
});

afterAll(async () => {
  await proxy.close();
  await halfEventProxy.close();
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

describe("an upstream that breaks between two events", () => {
  it("Responses: the stream ends with an `error` event, and the partial answer is kept", async () => {
    const response = await post(proxy.url, "/responses", {
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
    const response = await post(proxy.url, "/chat/completions", {
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

  it("an upstream that breaks inside an event still breaks the client's stream", async () => {
    const response = await post(halfEventProxy.url, "/chat/completions", {
      model: "gpt-4.1-mini",
      messages: [{ role: "user", content: "hi" }],
      stream: true,
    });
    expect(response.status).toBe(200);
    // Appending an event to half of one would read as garbage; the truncation must show.
    await expect(response.text()).rejects.toThrow();
  });
});
