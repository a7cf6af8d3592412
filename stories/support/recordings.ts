// The real recordings the stories replay, read in place through the `@captures` alias.
import chatLogprobs from "@captures/chat/logprobs-content-stream.sse?raw";
import chatText from "@captures/chat/text-stream.sse?raw";
import chatToolCall from "@captures/chat/tool-call-stream.sse?raw";
import chatRefusal from "@captures/chat/refusal-stream.sse?raw";
import codeInterpreter from "@captures/responses/code-interpreter-container-file-citation.chunks.jsonl?raw";
import compaction from "@captures/responses/compaction-item.chunks.jsonl?raw";
import responsesText from "@captures/responses/azure-text.chunks.jsonl?raw";
import responseFailed from "@captures/responses/error-event-response-failed.chunks.jsonl?raw";
import imagePartial from "@captures/responses/image-generation-partial-image.chunks.jsonl?raw";
import mcpApproval from "@captures/responses/mcp-approval.1-request.chunks.jsonl?raw";
import reasoningLoop from "@captures/responses/reasoning-summary-function-call-loop.chunks.jsonl?raw";
import webSearch from "@captures/responses/web-search-url-citations.chunks.jsonl?raw";
import webSearchBody from "@captures/responses/web-search-url-citations.json?raw";
import { eventsFromChunks, eventsFromSse, firstCall } from "./parse-recording.js";
import { messageFromBody, type Recording } from "./replay.js";

const responses = (text: string): Recording => ({
  api: "responses",
  events: firstCall(eventsFromChunks(text)),
});
const chat = (text: string): Recording => ({ api: "chat", events: eventsFromSse(text) });

/** Recorded streams by what they show. */
export const recordings = {
  /** Chat Completions: a plain text answer. */
  chatText: chat(chatText),
  /** Chat Completions: text with token logprobs. */
  chatLogprobs: chat(chatLogprobs),
  /** Chat Completions: a function call with streamed arguments. */
  chatToolCall: chat(chatToolCall),
  /** Chat Completions: a refusal. */
  chatRefusal: chat(chatRefusal),
  /** Responses: a plain text answer. */
  responsesText: responses(responsesText),
  /** Responses: web search, then text with url citations. */
  webSearch: responses(webSearch),
  /** Responses: image generation with partial images. */
  imagePartial: responses(imagePartial),
  /** Responses: reasoning summaries, then a function call. */
  reasoning: responses(reasoningLoop),
  /** Responses: an MCP tool list and an approval request. */
  mcpApproval: responses(mcpApproval),
  /** Responses: code interpreter with a container file citation. */
  codeInterpreter: responses(codeInterpreter),
  /** Responses: a stream that fails (`error`, then `response.failed`). */
  failed: responses(responseFailed),
  /** Responses: a very long answer (800+ deltas). */
  longAnswer: responses(compaction),
} satisfies Record<string, Recording>;

/** Names of the recorded streams. */
export type RecordingName = keyof typeof recordings;

/** Non-streamed bodies, as messages. */
export const recordedBodies = {
  /** Responses: the web search answer, not streamed. */
  webSearch: () => messageFromBody("responses", JSON.parse(webSearchBody)),
};
