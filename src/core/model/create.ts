import type { Message, MessageMetadata, Role } from "./message.js";
import type { Part } from "./parts.js";

/** Small constructors for messages, used by the converters and by apps. */

let fallbackCounter = 0;

/**
 * A fresh message id: `crypto.randomUUID()` where available (browsers, Node 19+), otherwise
 * a time-and-counter id that is unique within this process.
 */
export function createMessageId(): string {
  const uuid = globalThis.crypto?.randomUUID?.bind(globalThis.crypto);
  if (uuid) return uuid();
  fallbackCounter += 1;
  return `msg-${Date.now().toString(36)}-${fallbackCounter.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Fields for `createMessage`; everything but `role` has a default. */
export interface CreateMessageInit {
  /** Who wrote it. */
  role: Role;
  /** The content; defaults to none. */
  parts?: readonly Part[];
  /** Defaults to `createMessageId()`. */
  id?: string;
  /** Defaults to `{}`. */
  metadata?: MessageMetadata;
  /** Defaults to `complete`. */
  status?: Message["status"];
}

/** Builds a complete `Message` with defaults for everything not given. */
export function createMessage(init: CreateMessageInit): Message {
  return {
    id: init.id ?? createMessageId(),
    role: init.role,
    parts: init.parts ?? [],
    metadata: init.metadata ?? {},
    status: init.status ?? "complete",
  };
}

/** A message holding one text part. */
export function createTextMessage(role: Role, text: string, id?: string): Message {
  return createMessage({ role, parts: [{ type: "text", text }], ...(id ? { id } : {}) });
}
