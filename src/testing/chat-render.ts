import type { EmulatorRequest } from "./emulator-request-model.js";
import type { Plan } from "./plan.js";
import { serviceTier } from "./responses-render.js";
import { speech } from "./speech.js";
import { toBase64 } from "./png.js";
import { splitTokens, tokenLogprob } from "./tokens.js";
import { chatUsage, countUsage } from "./usage.js";

/** Turns a plan into Chat Completions chunks and completion objects. */

type Json = Record<string, unknown>;

/** Identity of one chat completion. */
export interface ChatIdentity {
  /** `chatcmpl-emu-...`. */
  id: string;
  /** Seconds since the epoch. */
  created: number;
  /** The request. */
  request: EmulatorRequest;
}

interface ChatAnswer {
  content: string | null;
  refusal: string | null;
  /** Function calls carry `arguments`; custom tool calls (`custom: true`) their free-form input. */
  toolCalls: { id: string; name: string; arguments: string; custom?: true }[];
  /** URL citations in Chat's form, their indices into `content`. */
  annotations: Json[];
  finishReason: "stop" | "tool_calls" | "length";
}

/** What a plan says on the Chat API: text, refusal or function calls (other items have no Chat form). */
function chatAnswer(plan: Plan): ChatAnswer {
  const texts: string[] = [];
  let refusal: string | null = null;
  const toolCalls: ChatAnswer["toolCalls"] = [];
  const annotations: Json[] = [];
  let offset = 0;
  for (const item of plan.items) {
    if (item.type === "message") {
      for (const part of item.content as Json[]) {
        if (part.type === "refusal") {
          refusal = String(part.refusal);
          continue;
        }
        if (texts.length > 0) offset += 2; // the "\n\n" the texts are joined with
        // Only URL citations have a Chat form (web search through web_search_options).
        for (const annotation of (part.annotations ?? []) as Json[]) {
          if (annotation.type !== "url_citation") continue;
          const { start_index, end_index, title, url } = annotation;
          annotations.push({
            type: "url_citation",
            url_citation: {
              start_index: offset + Number(start_index),
              end_index: offset + Number(end_index),
              title,
              url,
            },
          });
        }
        texts.push(String(part.text));
        offset += String(part.text).length;
      }
    }
    if (item.type === "function_call") {
      toolCalls.push({
        id: String(item.call_id),
        name: String(item.name),
        arguments: String(item.arguments),
      });
    }
    if (item.type === "custom_tool_call") {
      toolCalls.push({
        id: String(item.call_id),
        name: String(item.name),
        arguments: String(item.input),
        custom: true,
      });
    }
  }
  return {
    content: texts.length > 0 ? texts.join("\n\n") : null,
    refusal,
    toolCalls,
    annotations,
    finishReason: plan.incomplete ? "length" : toolCalls.length > 0 ? "tool_calls" : "stop",
  };
}

/** A call as a Chat message holds it: `function` with arguments, or `custom` with its input. */
function wireToolCall(call: ChatAnswer["toolCalls"][number]): Json {
  return call.custom
    ? { id: call.id, type: "custom", custom: { name: call.name, input: call.arguments } }
    : { id: call.id, type: "function", function: { name: call.name, arguments: call.arguments } };
}

/** The spoken form of `transcript`, in the format asked for, kept an hour as OpenAI keeps it. */
function spokenAudio(identity: ChatIdentity, transcript: string): Json {
  const format = identity.request.audioOutput!.format;
  return {
    id: `audio_${identity.id.replace(/^chatcmpl-/, "")}`,
    data: toBase64(speech(transcript, format)),
    expires_at: identity.created + 3600,
    transcript,
  };
}

function logprobsOf(text: string, request: EmulatorRequest) {
  return splitTokens(text).map((token) => tokenLogprob(token, request.topLogprobs));
}

/** The non-streaming completion. */
export function chatCompletion(identity: ChatIdentity, plan: Plan): Json {
  const { request } = identity;
  const answer = chatAnswer(plan);
  const choices = Array.from({ length: request.n }, (_, index) => {
    const message: Json = {
      role: "assistant",
      content: answer.content,
      refusal: answer.refusal,
      annotations: answer.annotations,
    };
    if (answer.toolCalls.length > 0) message.tool_calls = answer.toolCalls.map(wireToolCall);
    const audio =
      request.audioOutput && answer.content !== null
        ? spokenAudio(identity, answer.content)
        : undefined;
    if (audio) {
      // The words are in the audio's transcript; the message has no text of its own.
      message.content = null;
      message.audio = audio;
    }
    return {
      index,
      message,
      logprobs: request.logprobs
        ? {
            content: answer.content === null ? null : logprobsOf(answer.content, request),
            refusal: answer.refusal === null ? null : logprobsOf(answer.refusal, request),
          }
        : null,
      finish_reason: answer.finishReason,
    };
  });
  return {
    id: identity.id,
    object: "chat.completion",
    created: identity.created,
    model: request.model,
    choices,
    usage: chatUsage(countUsage(request, plan)),
    service_tier: serviceTier(request, "final"),
    system_fingerprint: "fp_emulator",
  };
}

/** Every chunk of the streamed completion (without the `[DONE]` sentinel). */
export function chatChunks(identity: ChatIdentity, plan: Plan): Json[] {
  const { request } = identity;
  const answer = chatAnswer(plan);
  const chunks: Json[] = [];
  const push = (choices: Json[]) => {
    const chunk: Json = {
      id: identity.id,
      object: "chat.completion.chunk",
      created: identity.created,
      model: request.model,
      service_tier: serviceTier(request, "final"),
      system_fingerprint: "fp_emulator",
      choices,
    };
    if (request.includeUsage) chunk.usage = null;
    chunks.push(chunk);
  };
  const each = (make: (index: number) => Json) =>
    push(Array.from({ length: request.n }, (_, index) => make(index)));
  const choice = (index: number, delta: Json, logprobs: Json | null = null) => ({
    index,
    delta,
    logprobs,
    finish_reason: null,
  });

  const usageChunk = () => {
    push([]);
    chunks.at(-1)!.usage = chatUsage(countUsage(request, plan));
  };
  if (request.audioOutput && answer.content !== null && answer.toolCalls.length === 0) {
    audioChunks(identity, answer.content, each, request.includeUsage ? usageChunk : undefined);
    return chunks;
  }
  each((index) =>
    choice(
      index,
      {
        role: "assistant",
        content: answer.refusal === null ? "" : null,
        refusal: answer.refusal === null ? null : "",
      },
      request.logprobs ? { content: [], refusal: null } : null,
    ),
  );
  for (const token of answer.content === null ? [] : splitTokens(answer.content)) {
    const logprobs = request.logprobs
      ? { content: [tokenLogprob(token, request.topLogprobs)], refusal: null }
      : null;
    each((index) => choice(index, { content: token }, logprobs));
  }
  for (const token of answer.refusal === null ? [] : splitTokens(answer.refusal)) {
    const logprobs = request.logprobs
      ? { content: null, refusal: [tokenLogprob(token, request.topLogprobs)] }
      : null;
    each((index) => choice(index, { refusal: token }, logprobs));
  }
  // The citations follow the text they point into, in a delta of their own.
  if (answer.annotations.length > 0) {
    each((index) => choice(index, { annotations: answer.annotations }));
  }
  answer.toolCalls.forEach((call, callIndex) => {
    // A custom call has no arguments to stream: it comes whole, in the shape a message holds it.
    if (call.custom) {
      each((index) => choice(index, { tool_calls: [{ index: callIndex, ...wireToolCall(call) }] }));
      return;
    }
    each((index) =>
      choice(index, {
        tool_calls: [
          {
            index: callIndex,
            id: call.id,
            type: "function",
            function: { name: call.name, arguments: "" },
          },
        ],
      }),
    );
    for (const piece of call.arguments.match(/[\s\S]{1,8}/g) ?? []) {
      each((index) =>
        choice(index, { tool_calls: [{ index: callIndex, function: { arguments: piece } }] }),
      );
    }
  });
  each((index) => ({ index, delta: {}, logprobs: null, finish_reason: answer.finishReason }));
  if (request.includeUsage) usageChunk();
  return chunks;
}

/**
 * A spoken answer's chunks, as the recorded audio stream has them: the role, the transcript,
 * the audio data in pieces, the usage when asked for, and last a delta with only `expires_at`,
 * which ends the audio (there is no separate finish reason; the openai package reads the
 * choice as stopped).
 */
function audioChunks(
  identity: ChatIdentity,
  transcript: string,
  each: (make: (index: number) => Json) => void,
  usageChunk: (() => void) | undefined,
): void {
  const audio = spokenAudio(identity, transcript);
  const delta = (index: number, body: Json) => ({ index, delta: body, finish_reason: null });
  each((index) => delta(index, { role: "assistant", refusal: null }));
  splitTokens(transcript).forEach((token, at) => {
    const part = at === 0 ? { id: audio.id, transcript: token } : { transcript: token };
    each((index) => delta(index, { content: null, audio: part }));
  });
  const data = String(audio.data);
  for (let start = 0; start < data.length; start += 4096) {
    const piece = data.slice(start, start + 4096);
    each((index) =>
      delta(
        index,
        start === 0
          ? {
              role: "assistant",
              content: null,
              refusal: null,
              audio: { id: audio.id, data: piece },
            }
          : { audio: { data: piece } },
      ),
    );
  }
  usageChunk?.();
  each((index) => ({ index, delta: { audio: { expires_at: audio.expires_at } } }));
}
