import { describe, expect, it } from "vitest";
import { ResponseStream } from "openai/lib/responses/ResponseStream";
import { ChatCompletionStream } from "openai/lib/ChatCompletionStream";
import type { Message } from "../../../src/core/model/message.js";
import type { Part } from "../../../src/core/model/parts.js";
import { messageFromResponse } from "../../../src/core/convert/message-from-response.js";
import { messageFromChatCompletion } from "../../../src/core/convert/message-from-chat-completion.js";
import { usageFromChatCompletions } from "../../../src/core/convert/usage-from-wire.js";
import { readMessageStream } from "../../../src/core/stream/read-message-stream.js";
import { capturesAvailable, type CaptureExchange } from "../../support/captures.js";
import {
  isResumeCall,
  ssePayloads,
  sseToJsonLines,
  startingAfter,
  streamedCalls,
  textStream,
} from "./stream-helpers.js";

/**
 * Every streamed model call in the recordings, replayed through `readMessageStream`, must end
 * as the same message as the non-streamed conversion of the final response that the `openai`
 * package's own accumulator builds from the same stream.
 */

const available = capturesAvailable();

/**
 * Parts without what legitimately differs: the measured reasoning time (only a stream knows
 * it), and encrypted blobs, which the server encrypts afresh for `response.completed` (both
 * are valid to send back; the streamed one is from `output_item.done`).
 */
function comparableParts(parts: readonly Part[]): unknown {
  return JSON.parse(
    JSON.stringify(parts, (key, value: unknown) => {
      if (key === "durationMs") return undefined;
      if (key === "encryptedContent" || key === "encrypted_content") {
        return typeof value === "string" ? "<encrypted>" : value;
      }
      return value;
    }),
  );
}

function comparable(message: Message) {
  return {
    id: message.id,
    status: message.status,
    parts: comparableParts(message.parts),
    usage: message.metadata.usage,
    model: message.metadata.model,
    responseId: message.metadata.responseId,
    responseStatus: message.metadata.responseStatus,
    incompleteReason: message.metadata.incompleteReason,
    errorMessage: message.error?.message,
  };
}

function jsonLinesStream(sse: string): ReadableStream<Uint8Array> {
  return textStream(sseToJsonLines(sse));
}

/** The response of the last `response.completed` / `incomplete` / `failed` event. */
function finalResponsePayload(sse: string): Record<string, unknown> {
  const terminal = ssePayloads(sse)
    .filter((event) =>
      ["response.completed", "response.incomplete", "response.failed"].includes(String(event.type)),
    )
    .at(-1);
  if (!terminal) throw new Error("the recording has no terminal response event");
  return terminal.response as Record<string, unknown>;
}

/**
 * The final response without the `parsed` fields the openai helper adds to text content for
 * its structured-output parsing (they are not on the wire).
 */
function withoutParsed<T extends { output: unknown[] }>(response: T): T {
  const output = response.output.map((item) => {
    const record = item as Record<string, unknown>;
    if (record.type !== "message" || !Array.isArray(record.content)) return item;
    const content = (record.content as Record<string, unknown>[]).map(
      ({ parsed: _parsed, ...rest }) => rest,
    );
    return { ...record, content };
  });
  const { output_parsed: _outputParsed, ...rest } = response as T & { output_parsed?: unknown };
  return { ...rest, output } as T;
}

/**
 * Recordings the `openai` package's accumulator cannot replay, so the reference is the final
 * `response.*` payload of the stream instead (resume streams, which start mid-response, use
 * it too).
 */
const FINAL_PAYLOAD_REFERENCE: Record<string, string> = {
  "apply-patch-call.chunks.jsonl#0": "it throws on apply_patch_call_operation_diff events",
  "error-event-response-failed.chunks.jsonl#0": "it throws on the error event / response.failed",
  "message-phase-commentary-final.chunks.jsonl#0": "it throws 'missing output at index 2'",
  "shell-call-hosted-container.chunks.jsonl#0": "it throws on shell_call_command events",
  "shell-call-local.chunks.jsonl#0": "it throws on shell_call_command events",
};

/** The reference message for one recorded Responses stream. */
async function referenceResponseMessage(label: string, sse: string): Promise<Message> {
  if (label in FINAL_PAYLOAD_REFERENCE) return messageFromResponse(finalResponsePayload(sse)).value;
  const response = await ResponseStream.fromReadableStream(jsonLinesStream(sse)).finalResponse();
  return messageFromResponse(withoutParsed(response)).value;
}

const responsesCalls = available ? streamedCalls("responses") : [];
const chatCalls = available ? streamedCalls("chat") : [];

/** The POST stream a resume call continues: the previous stream in the same file. */
function precedingStream(exchange: CaptureExchange): CaptureExchange {
  const earlier = responsesCalls.filter(
    (other) => other.file === exchange.file && other.index < exchange.index && !isResumeCall(other),
  );
  return earlier.at(-1)!;
}

describe.skipIf(!available)("Responses recordings conform to the non-streamed mapping", () => {
  it("has recordings to replay", () => {
    expect(responsesCalls.length).toBeGreaterThan(40);
  });

  for (const exchange of responsesCalls.filter((call) => !isResumeCall(call))) {
    it(exchange.label, async () => {
      const streamed = await readMessageStream(textStream(exchange.sse!), {
        api: "responses",
      }).finalMessage();
      const message = await referenceResponseMessage(exchange.label, exchange.sse!);
      expect(comparable(streamed)).toEqual(comparable(message));
    });
  }

  for (const exchange of responsesCalls.filter(isResumeCall)) {
    it(`${exchange.label} continues its POST stream after starting_after`, async () => {
      const after = startingAfter(exchange);
      // The snapshot a client would have persisted when the connection dropped.
      let persisted: Message | undefined;
      for await (const { snapshot } of readMessageStream(
        textStream(precedingStream(exchange).sse!),
        {
          api: "responses",
        },
      )) {
        if ((snapshot.metadata.lastSequenceNumber ?? -1) <= after) persisted = snapshot;
      }
      expect(persisted).toBeDefined();
      const resumed = await readMessageStream(textStream(exchange.sse!), {
        api: "responses",
        initial: persisted!,
      }).finalMessage();
      // The openai accumulator cannot start mid-response: the final payload is the reference.
      const reference = messageFromResponse(finalResponsePayload(exchange.sse!)).value;
      expect(comparable(resumed)).toEqual(comparable(reference));
      expect(resumed.id).toBe(persisted!.id);
    });
  }
});

/** Chat parts grouped by what the comparison covers. */
function chatDigest(message: Message) {
  const parts = message.parts;
  return {
    id: message.id,
    status: message.status,
    finishReason: message.metadata.finishReason,
    usage: message.metadata.usage,
    model: message.metadata.model,
    text: parts.flatMap((part) => (part.type === "text" ? [part.text] : [])).join(""),
    textLogprobs: parts.flatMap((part) => (part.type === "text" ? (part.logprobs ?? []) : [])),
    refusal: parts.flatMap((part) => (part.type === "refusal" ? [part.refusal] : [])).join(""),
    refusalLogprobs: parts.flatMap((part) =>
      part.type === "refusal" ? (part.logprobs ?? []) : [],
    ),
    toolCalls: parts.flatMap((part) =>
      part.type === "tool-call"
        ? [[part.kind, part.state, part.toolCallId, part.toolName, part.inputText, part.input]]
        : [],
    ),
    alternatives: (message.metadata.alternatives ?? []).map((alternative) => ({
      index: alternative.index,
      finishReason: alternative.finishReason,
      text: alternative.parts.flatMap((part) => (part.type === "text" ? [part.text] : [])).join(""),
    })),
  };
}

/** Output audio, which the openai Chat accumulator does not collect: compared with the deltas. */
function audioFromChunks(sse: string) {
  let data = "";
  let transcript = "";
  let id: string | undefined;
  for (const chunk of ssePayloads(sse)) {
    for (const choice of (chunk.choices ?? []) as {
      delta?: { audio?: Record<string, unknown> };
    }[]) {
      const audio = choice.delta?.audio;
      if (!audio) continue;
      if (typeof audio.data === "string") data += audio.data;
      if (typeof audio.transcript === "string") transcript += audio.transcript;
      if (typeof audio.id === "string") id = audio.id;
    }
  }
  return { data, transcript, id };
}

/**
 * The recording as input for the openai Chat accumulator, which throws on chunks that have no
 * `choices` key at all (the audio recording's padding-only chunks): those get `choices: []`.
 */
function openaiChatInput(sse: string): ReadableStream<Uint8Array> {
  const lines = ssePayloads(sse).map((chunk) =>
    JSON.stringify("choices" in chunk ? chunk : { ...chunk, choices: [] }),
  );
  return textStream(`${lines.join("\n")}\n`);
}

/**
 * Usage from the usage chunk. The openai accumulator takes `usage` from the last chunk even
 * when that is `null` (the moderation recording sends a chunk after the usage chunk), so the
 * reference reads the chunks directly.
 */
function usageFromChunks(sse: string) {
  const chunk = ssePayloads(sse)
    .filter((payload) => payload.usage)
    .at(-1);
  return chunk ? usageFromChatCompletions(chunk.usage) : undefined;
}

function sentFinishReason(sse: string): boolean {
  return ssePayloads(sse).some((chunk) =>
    ((chunk.choices ?? []) as { finish_reason?: unknown }[]).some(
      (choice) => typeof choice.finish_reason === "string",
    ),
  );
}

describe.skipIf(!available)("Chat recordings conform to the non-streamed mapping", () => {
  it("has recordings to replay", () => {
    expect(chatCalls.length).toBeGreaterThan(15);
  });

  for (const exchange of chatCalls) {
    it(exchange.label, async () => {
      const streamed = await readMessageStream(textStream(exchange.sse!), {
        api: "chat",
      }).finalMessage();
      const completion = await ChatCompletionStream.fromReadableStream(
        openaiChatInput(exchange.sse!),
      ).finalChatCompletion();
      const reference = messageFromChatCompletion(completion).value;
      expect(chatDigest(streamed)).toEqual({
        ...chatDigest(reference),
        usage: usageFromChunks(exchange.sse!),
        // The openai accumulator reports "stop" when no chunk sent a finish_reason at all
        // (the audio recording); the streamed message reports none.
        finishReason: sentFinishReason(exchange.sse!) ? reference.metadata.finishReason : undefined,
      });
      const audio = audioFromChunks(exchange.sse!);
      if (audio.data !== "" || audio.transcript !== "") {
        const part = streamed.parts.find((p) => p.type === "audio");
        expect(part).toMatchObject({ type: "audio", origin: "output", ...audio });
      }
    });
  }
});
