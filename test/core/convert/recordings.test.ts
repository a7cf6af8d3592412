import { describe, expect, it } from "vitest";
import { messageFromChatCompletion } from "../../../src/core/convert/message-from-chat-completion.js";
import { messageFromResponse } from "../../../src/core/convert/message-from-response.js";
import { toMessages } from "../../../src/core/convert/to-messages.js";
import { toResponsesInput } from "../../../src/core/convert/to-responses-input.js";
import type { Message } from "../../../src/core/model/message.js";
import type { Part } from "../../../src/core/model/parts.js";
import { toChatCompletionsMessages } from "../../../src/core/convert/to-chat-completions-messages.js";
import {
  allExchanges,
  capturesAvailable,
  isModelCall,
  type CaptureApi,
  type CaptureExchange,
} from "../../support/captures.js";

type Json = Record<string, unknown>;

/** Every non-streamed, successful model call of one API. */
function jsonModelCalls(api: CaptureApi): CaptureExchange[] {
  if (!capturesAvailable()) return [];
  return allExchanges(api).filter((exchange) => {
    const body = exchange.json as Json | undefined;
    return (
      exchange.kind === "json" &&
      isModelCall(exchange) &&
      (exchange.status === undefined || exchange.status === 200) &&
      typeof body === "object" &&
      body !== null &&
      !("error" in body && body.error && !("output" in body))
    );
  });
}

function annotationCount(parts: readonly Part[]): number {
  return parts.reduce(
    (n, part) => n + (part.type === "text" ? (part.annotations?.length ?? 0) : 0),
    0,
  );
}

/** Parts that stand for one output item: message items may give several (one per content). */
function itemIdsOf(parts: readonly Part[]): string[] {
  return parts.map((part) => {
    if (part.type === "text" || part.type === "refusal") return part.itemId ?? "";
    if (part.type === "tool-call") return part.itemId ?? part.toolCallId;
    if ("id" in part && typeof part.id === "string") return part.id;
    return "";
  });
}

describe("every non-streamed Responses recording converts without loss", () => {
  const exchanges = jsonModelCalls("responses");
  it("has recordings to check", () => {
    if (!capturesAvailable()) return;
    expect(exchanges.length).toBeGreaterThan(30);
  });
  it.each(exchanges.map((e) => [`${e.file}#${e.index}`, e] as const))("%s", (_name, exchange) => {
    const response = exchange.json as Json;
    const output = response.output as Json[];
    const { value: message, warnings } = messageFromResponse(response);
    expect(warnings).toEqual([]);
    expect(message.role).toBe("assistant");
    expect(message.id).toBe(response.id);
    expect(message.metadata.responseId).toBe(response.id);
    expect(message.metadata.model).toBe(response.model);
    // Each output item is represented by at least one part carrying its id.
    const ids = itemIdsOf(message.parts);
    for (const item of output) {
      if (typeof item.id === "string") expect(ids).toContain(item.id);
    }
    const expectedParts = output.reduce(
      (n, item) =>
        n +
        (item.type === "message" && item.role === "assistant"
          ? (item.content as unknown[]).length
          : 1),
      0,
    );
    expect(message.parts).toHaveLength(expectedParts);
    const wireAnnotations = output.reduce(
      (n, item) =>
        n +
        (item.type === "message"
          ? (item.content as Json[]).reduce(
              (m, c) => m + (Array.isArray(c.annotations) ? c.annotations.length : 0),
              0,
            )
          : 0),
      0,
    );
    expect(annotationCount(message.parts)).toBe(wireAnnotations);
    expect(message.parts.some((p) => p.type === "unknown" && p.raw === undefined)).toBe(false);
    if (response.usage) expect(message.metadata.usage?.raw).toEqual(response.usage);
  });
});

describe("every non-streamed Chat Completions recording converts without loss", () => {
  const exchanges = jsonModelCalls("chat");
  it("has recordings to check", () => {
    if (!capturesAvailable()) return;
    expect(exchanges.length).toBeGreaterThan(10);
  });
  it.each(exchanges.map((e) => [`${e.file}#${e.index}`, e] as const))("%s", (_name, exchange) => {
    const completion = exchange.json as Json;
    const choice = (completion.choices as Json[])[0]!;
    const wire = choice.message as Json;
    const { value: message, warnings } = messageFromChatCompletion(completion);
    expect(warnings).toEqual([]);
    expect(message.id).toBe(completion.id);
    expect(message.metadata.finishReason).toBe(choice.finish_reason);
    const calls = (wire.tool_calls as unknown[] | undefined)?.length ?? 0;
    const toolParts = message.parts.filter((p) => p.type === "tool-call");
    expect(toolParts).toHaveLength(calls + (wire.function_call ? 1 : 0));
    if (typeof wire.content === "string" && wire.content !== "") {
      expect(message.parts.find((p) => p.type === "text")).toMatchObject({ text: wire.content });
    }
    if (typeof wire.refusal === "string") {
      expect(message.parts.find((p) => p.type === "refusal")).toMatchObject({
        refusal: wire.refusal,
      });
    }
    expect(annotationCount(message.parts)).toBe(
      (wire.annotations as unknown[] | undefined)?.length ?? 0,
    );
    expect(message.metadata.usage?.raw).toEqual(completion.usage);
  });
});

/** What sending output back as input cannot keep: logprobs, and output-only image fields. */
function sendable(parts: readonly Part[]): unknown[] {
  return parts.map((part) => {
    if (part.type === "text") {
      const { logprobs: _logprobs, extra: _extra, ...rest } = part;
      return rest;
    }
    if (part.type === "image") return { type: part.type, id: part.id, data: part.data };
    return part;
  });
}

describe("every non-streamed Responses recording survives output -> input -> messages", () => {
  const exchanges = jsonModelCalls("responses").filter(
    // The compact endpoint's output holds the user's messages too; they read back as user turns.
    (e) =>
      !((e.json as Json).output as Json[]).some(
        (i) => i.type === "message" && i.role !== "assistant",
      ),
  );
  it.each(exchanges.map((e) => [`${e.file}#${e.index}`, e] as const))("%s", (_name, exchange) => {
    const { value: message } = messageFromResponse(exchange.json as Json);
    const { value: input, warnings } = toResponsesInput([message]);
    expect(warnings).toEqual([]);
    const back = toMessages(input);
    expect(back.flatMap((m) => m.role)).toEqual(back.length > 0 ? ["assistant"] : []);
    expect(sendable(back.flatMap((m) => m.parts))).toEqual(sendable(message.parts));
  });
});

/** Every recorded model call whose request carries a message list. */
function recordedRequests(api: CaptureApi): [string, unknown[]][] {
  if (!capturesAvailable()) return [];
  return allExchanges(api)
    .filter(isModelCall)
    .map((e) => {
      const request = e.request as Json | undefined;
      const list = api === "responses" ? request?.input : request?.messages;
      return [`${e.file}#${e.index}`, list] as [string, unknown];
    })
    .filter((entry): entry is [string, unknown[]] => Array.isArray(entry[1]));
}

function withoutIds(messages: readonly Message[]) {
  return messages.map(({ role, parts, status }) => ({ role, parts, status }));
}

describe("every recorded request reads as messages and converts back to the same conversation", () => {
  it.each(recordedRequests("responses"))("responses %s", (_name, input) => {
    const messages = toMessages(input as never);
    const { value, warnings } = toResponsesInput(messages);
    expect(warnings).toEqual([]);
    expect(withoutIds(toMessages(value))).toEqual(withoutIds(messages));
  });
  it.each(recordedRequests("chat"))("chat %s", (_name, input) => {
    const messages = toMessages(input as never);
    const { value, warnings } = toChatCompletionsMessages(messages);
    expect(warnings).toEqual([]);
    // Legacy `function_call` history goes out modernised as `tool_calls` (numbered from 0).
    const legacy = (input as Json[]).some((m) => m.role === "function");
    const unnumbered = (list: Message[]) =>
      withoutIds(list).map((m) => ({
        ...m,
        parts: m.parts.map((p) => (legacy && p.type === "tool-call" ? { ...p, index: 0 } : p)),
      }));
    expect(unnumbered(toMessages(value))).toEqual(unnumbered(messages));
    // Each assistant step is followed by its own tool results, as the API requires.
    const roles = (input as Json[]).map((m) => (m.role === "function" ? "tool" : m.role));
    expect(value.map((m) => m.role)).toEqual(roles);
  });
});
