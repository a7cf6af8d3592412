import { Stream } from "openai/core/streaming";
import { ChatCompletionStream } from "openai/lib/ChatCompletionStream";
import { ResponseStream } from "openai/lib/responses/ResponseStream";
import { createEmulatorHandler, type EmulatorOptions } from "../../src/testing/index.js";

/** Helpers shared by the emulator tests. */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- wire JSON is checked by assertions, not by types
export type Json = Record<string, any>;

export function emulator(options: EmulatorOptions = {}) {
  return createEmulatorHandler({ now: () => 1_750_000_000_000, ...options });
}

export function post(
  handler: (request: Request) => Promise<Response>,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return handler(
    new Request(`http://emulator.test${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    }),
  );
}

/** Parses SSE text into its data payloads (JSON, or the raw text when it is not JSON). */
export function ssePayloads(text: string): unknown[] {
  return text
    .split("\n\n")
    .map((block) =>
      block
        .split("\n")
        .find((line) => line.startsWith("data: "))
        ?.slice(6),
    )
    .filter((data): data is string => data !== undefined)
    .map((data) => {
      try {
        return JSON.parse(data);
      } catch {
        return data;
      }
    });
}

export async function events(response: Response): Promise<Json[]> {
  return ssePayloads(await response.text()) as Json[];
}

/** Reads a body chunk by chunk, noting the order events arrived in, until it ends or errors. */
export async function readAll(
  body: ReadableStream<Uint8Array>,
): Promise<{ text: string; error?: unknown }> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { text };
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    return { text, error };
  }
}

export const weatherTool = {
  type: "function",
  name: "get_weather",
  description: "Current weather at a place",
  parameters: {
    type: "object",
    properties: {
      location: { type: "string" },
      unit: { type: "string", enum: ["C", "F"] },
    },
    required: ["location", "unit"],
    additionalProperties: false,
  },
};

export const timeTool = {
  type: "function",
  name: "get_time",
  description: "Current time at a place",
  parameters: {
    type: "object",
    properties: { city: { type: "string" } },
    required: ["city"],
    additionalProperties: false,
  },
};

export function chatTool(tool: typeof weatherTool | typeof timeTool) {
  const { type, ...fn } = tool;
  return { type, function: fn };
}

/**
 * The openai package's own stream classes read newline-delimited JSON; its own SSE decoder
 * turns the emulator's event stream into that first, so every byte goes through its parsers.
 */
export function sseToJsonLines(response: Response): ReadableStream {
  return Stream.fromSSEResponse(response, new AbortController()).toReadableStream();
}

export function finalResponseOf(response: Response) {
  return ResponseStream.fromReadableStream(sseToJsonLines(response)).finalResponse();
}

export function finalChatCompletionOf(response: Response) {
  return ChatCompletionStream.fromReadableStream(sseToJsonLines(response)).finalChatCompletion();
}
