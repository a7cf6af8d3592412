/**
 * The ids of stored things a generation request names, which the upstream resolves with
 * the proxy's key whoever sent them: each must belong to the caller, as a read would.
 */
export interface ReferencedIds {
  /** Responses a request continues (`previous_response_id`). */
  responses: string[];
  /** Uploaded files (`file_id` of input parts, code-interpreter `file_ids`). */
  files: string[];
  /**
   * Ids of things the proxy never creates, so it cannot know their owner: conversations,
   * `item_reference` items, containers named by id (a container is known only when a
   * response of the caller's ran code in it). Each is a kind and an id.
   */
  unowned: { kind: string; id: string }[];
}

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function collectPartFiles(parts: unknown, files: string[]): void {
  if (!Array.isArray(parts)) return;
  for (const part of parts) {
    if (!isObject(part)) continue;
    if (typeof part["file_id"] === "string") files.push(part["file_id"]);
    // Chat Completions: { type: "file", file: { file_id } }.
    const file = part["file"];
    if (isObject(file) && typeof file["file_id"] === "string") files.push(file["file_id"]);
  }
}

function collectTools(tools: unknown, ids: ReferencedIds): void {
  if (!Array.isArray(tools)) return;
  for (const tool of tools) {
    if (!isObject(tool)) continue;
    const container = tool["container"];
    if (typeof container === "string") ids.unowned.push({ kind: "container", id: container });
    else if (isObject(container) && Array.isArray(container["file_ids"])) {
      for (const id of container["file_ids"]) if (typeof id === "string") ids.files.push(id);
    }
  }
}

/** The ids a `POST /v1/responses` body names. */
export function responsesReferences(body: Loose): ReferencedIds {
  const ids: ReferencedIds = { responses: [], files: [], unowned: [] };
  const previous = body["previous_response_id"];
  if (typeof previous === "string") ids.responses.push(previous);
  const conversation = body["conversation"];
  const conversationId = isObject(conversation) ? conversation["id"] : conversation;
  if (typeof conversationId === "string") {
    ids.unowned.push({ kind: "conversation", id: conversationId });
  }
  const input = body["input"];
  if (Array.isArray(input)) {
    for (const item of input) {
      if (!isObject(item)) continue;
      if (item["type"] === "item_reference" && typeof item["id"] === "string") {
        ids.unowned.push({ kind: "item", id: item["id"] });
      }
      if (typeof item["file_id"] === "string") ids.files.push(item["file_id"]);
      collectPartFiles(item["content"], ids.files);
    }
  }
  collectTools(body["tools"], ids);
  return ids;
}

/** The ids a `POST /v1/chat/completions` body names: files in message parts. */
export function chatReferences(body: Loose): ReferencedIds {
  const ids: ReferencedIds = { responses: [], files: [], unowned: [] };
  const messages = body["messages"];
  if (Array.isArray(messages)) {
    for (const message of messages)
      if (isObject(message)) collectPartFiles(message["content"], ids.files);
  }
  return ids;
}

/** True when a request names nothing stored: the common case, which costs no lookup. */
export function referencesNothing(ids: ReferencedIds): boolean {
  return ids.responses.length === 0 && ids.files.length === 0 && ids.unowned.length === 0;
}
