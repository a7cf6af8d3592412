import type { Message } from "../../src/core/index.js";
import {
  accumulateChatChunk,
  accumulateResponsesEvent,
  createAssistantMessage,
  messageFromChatCompletion,
  messageFromResponse,
} from "../../src/core/index.js";
import { finishChatMessage } from "../../src/core/stream/accumulate-chat-chunk.js";
import type { RecordedEvent } from "./parse-recording.js";

/** A recorded stream ready to replay: which API produced it, and its events in order. */
export interface Recording {
  /** `responses` or `chat`. */
  api: "responses" | "chat";
  /** The event payloads, in arrival order. */
  events: readonly RecordedEvent[];
}

type ResponsesEvent = Parameters<typeof accumulateResponsesEvent>[1];
type ChatChunk = Parameters<typeof accumulateChatChunk>[1];

/** Folds one more event into the message, as the client does while streaming. */
export function applyEvent(
  api: Recording["api"],
  snapshot: Message,
  event: RecordedEvent,
): Message {
  return api === "responses"
    ? accumulateResponsesEvent(snapshot, event as unknown as ResponsesEvent)
    : accumulateChatChunk(snapshot, event as unknown as ChatChunk);
}

/**
 * The message after the first `count` events (all by default). A complete Chat stream is
 * finished the way the client finishes it when the body ends.
 */
export function replayRecording(recording: Recording, count = recording.events.length): Message {
  let message = createAssistantMessage("recorded");
  for (const event of recording.events.slice(0, count)) {
    message = applyEvent(recording.api, message, event);
  }
  if (recording.api === "chat" && count >= recording.events.length) {
    message = finishChatMessage(message);
  }
  return message;
}

/** A non-streamed body (`.json`) as a message. */
export function messageFromBody(api: Recording["api"], body: unknown): Message {
  return api === "responses"
    ? messageFromResponse(body as Parameters<typeof messageFromResponse>[0]).value
    : messageFromChatCompletion(body as Parameters<typeof messageFromChatCompletion>[0]).value;
}
