import type { Message } from "../model/message.js";
import { RESPONSES_ONLY_PART_TYPES } from "../model/part-types.js";
import { isCustomToolDefinition } from "../tools/define-custom-tool.js";
import { isToolDefinition } from "../tools/is-tool-definition.js";
import type { ApiChoice, RequestParams, ResolvedApi } from "./types.js";

/**
 * The reason the Responses API is needed, or undefined when Chat Completions can do it all.
 * `auto` prefers Chat Completions for plain chat since every compatible server speaks it.
 */
export function responsesOnlyFeature(
  messages: readonly Message[],
  params: RequestParams,
): string | undefined {
  for (const tool of params.tools ?? []) {
    if (isToolDefinition(tool) || isCustomToolDefinition(tool)) continue;
    const type = (tool as { type?: string }).type;
    if (type !== "function" && type !== "custom") return `the built-in tool "${type}"`;
  }
  if (params.reasoning?.summary) return "reasoning summaries";
  if (params.previousResponseId) return "previousResponseId";
  if (params.conversationState === "previous-response-id") return "conversationState";
  if (params.background) return "background mode";
  if (params.include?.length) return "include";
  if (params.truncation) return "truncation";
  if (params.contextManagement) return "contextManagement";
  for (const message of messages) {
    for (const part of message.parts) {
      if (RESPONSES_ONLY_PART_TYPES.has(part.type))
        return `a ${part.type} part in the conversation`;
      // Inputs only the Responses API can take (Chat would have to refuse them).
      if (message.role !== "user") continue;
      if (part.type === "image" && part.fileId && !part.url && !part.data)
        return "an image given only as a file id";
      if (part.type === "file" && part.url && !part.data && !part.fileId)
        return "a file given only as a URL";
    }
  }
  return undefined;
}

/** Resolves `auto` to the API the request needs. */
export function chooseApi(
  choice: ApiChoice,
  messages: readonly Message[],
  params: RequestParams,
): ResolvedApi {
  if (choice !== "auto") return choice;
  return responsesOnlyFeature(messages, params) ? "responses" : "chat";
}
