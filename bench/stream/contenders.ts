import { createOpenAI } from "@ai-sdk/openai";
import { streamText } from "ai";
import { createParser } from "eventsource-parser";
import OpenAI from "openai";
import { readMessageStream } from "../../src/core/index.js";
import type { StreamApi } from "./generate-sse.js";

/** One way of turning SSE bytes into a final answer; returns the answer's text. */
export interface StreamContender {
  /** Display name. */
  name: string;
  /** Reads a fresh byte stream to the end and returns the text it accumulated. */
  run(body: () => ReadableStream<Uint8Array>, api: StreamApi): Promise<string>;
}

/** Bytes delivered in fixed slices, like a network read loop would hand them over. */
export function slicedBody(bytes: Uint8Array, sliceSize = 1024): () => ReadableStream<Uint8Array> {
  return () => {
    let offset = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) {
          controller.close();
          return;
        }
        controller.enqueue(bytes.subarray(offset, offset + sliceSize));
        offset += sliceSize;
      },
    });
  };
}

function sseResponse(body: ReadableStream<Uint8Array>): Response {
  return new Response(body, { headers: { "content-type": "text/event-stream" } });
}

function messageText(parts: readonly { type: string; text?: string }[]): string {
  return parts
    .filter((part) => part.type === "text")
    .map((part) => part.text ?? "")
    .join("");
}

const colloquy: StreamContender = {
  name: "colloquy readMessageStream",
  async run(body, api) {
    const message = await readMessageStream(body(), { api }).finalMessage();
    return messageText(message.parts as { type: string; text?: string }[]);
  },
};

/** The least any reader must do: parse SSE, parse JSON, concatenate text. */
const floor: StreamContender = {
  name: "floor (eventsource-parser + JSON.parse + concat)",
  async run(body, api) {
    let text = "";
    const parser = createParser({
      onEvent(event) {
        if (event.data === "[DONE]") return;
        const payload = JSON.parse(event.data) as {
          type?: string;
          delta?: string;
          choices?: { delta?: { content?: string | null } }[];
        };
        if (api === "chat") text += payload.choices?.[0]?.delta?.content ?? "";
        else if (payload.type === "response.output_text.delta") text += payload.delta ?? "";
      },
    });
    const decoder = new TextDecoder();
    const reader = body().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
    parser.feed(decoder.decode());
    return text;
  },
};

function openaiClient(body: () => ReadableStream<Uint8Array>): OpenAI {
  return new OpenAI({
    apiKey: "bench",
    baseURL: "http://127.0.0.1:9/v1",
    maxRetries: 0,
    fetch: async () => sseResponse(body()),
  });
}

const chatRequest = { model: "gpt-4o-mini", messages: [{ role: "user" as const, content: "hi" }] };
const responsesRequest = { model: "gpt-4.1-mini", input: "hi" };

/** The `openai` package's raw stream, accumulated by hand as its docs show. */
const openaiRaw: StreamContender = {
  name: "openai create({ stream: true }) + manual",
  async run(body, api) {
    const client = openaiClient(body);
    let text = "";
    if (api === "chat") {
      const stream = await client.chat.completions.create({ ...chatRequest, stream: true });
      for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? "";
    } else {
      const stream = await client.responses.create({ ...responsesRequest, stream: true });
      for await (const event of stream) {
        if (event.type === "response.output_text.delta") text += event.delta;
      }
    }
    return text;
  },
};

/** The `openai` package's `.stream()` helpers, which build the final object themselves. */
const openaiHelper: StreamContender = {
  name: "openai .stream() helper -> final",
  async run(body, api) {
    const client = openaiClient(body);
    if (api === "chat") {
      const completion = await client.chat.completions.stream(chatRequest).finalChatCompletion();
      return completion.choices[0]?.message.content ?? "";
    }
    const response = await client.responses.stream(responsesRequest).finalResponse();
    return response.output_text;
  },
};

/** The AI SDK's `streamText` over its OpenAI provider. */
const aiSdk: StreamContender = {
  name: "AI SDK streamText",
  async run(body, api) {
    const provider = createOpenAI({
      apiKey: "bench",
      baseURL: "http://127.0.0.1:9/v1",
      fetch: async () => sseResponse(body()),
    });
    const model =
      api === "chat" ? provider.chat("gpt-4o-mini") : provider.responses("gpt-4.1-mini");
    const result = streamText({ model, prompt: "hi", maxRetries: 0, onError: () => undefined });
    return await result.text;
  },
};

/** Every contender, the floor second so ratios read against it. */
export const STREAM_CONTENDERS: StreamContender[] = [
  colloquy,
  floor,
  openaiRaw,
  openaiHelper,
  aiSdk,
];
