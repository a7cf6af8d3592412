import type { Message } from "../model/message.js";
import type { Part } from "../model/parts.js";
import type { Usage } from "../model/usage.js";
import type { AttachmentError, AttachmentLimits } from "./attachments.js";
import type { ChatBranches } from "./branches.js";
import type { ChatStorage } from "./storage.js";
import type { ChatClient, ConversationState, RequestParams } from "../client/types.js";

/**
 * Where the conversation is: `ready` for input, `submitted` while waiting for the first
 * byte, `streaming` while the answer arrives, `error` after a request failed.
 */
export type ChatStatus = "ready" | "submitted" | "streaming" | "error";

/** The state a `ChatStore` publishes: immutable, replaced on every change. */
export interface ChatState {
  /** The conversation, oldest first. Unchanged messages keep their identity across updates. */
  readonly messages: readonly Message[];
  /** Where the conversation is. */
  readonly status: ChatStatus;
  /** The error of the last request, until `clearError()` or the next send. */
  readonly error: Error | undefined;
  /** Token usage summed over every assistant message. */
  readonly usage: Usage | undefined;
  /** Attachments the last `send` refused (the send itself did not happen). */
  readonly rejectedAttachments: readonly AttachmentError[];
  /**
   * Earlier versions of the conversation that regenerating or editing replaced, by branch
   * point (see `branchPosition` and `ChatStore.selectBranch`). Saved with the messages.
   */
  readonly branches: ChatBranches;
}

/**
 * What a `ChatStore` needs from a client: `streamUpdates`, and for background responses
 * `resume` and `cancel`. A `ChatClient` from `createChatClient` is one.
 */
export type ChatStoreClient = Pick<ChatClient, "streamUpdates"> &
  Partial<Pick<ChatClient, "resume" | "cancel">>;

/** When listeners hear about streaming deltas. */
export type NotifyMode =
  /** At most once per animation frame (a timeout where there are no frames). */
  | "frame"
  /** Once per microtask: every delta of one network chunk together. */
  | "microtask"
  /** Immediately, on every change. */
  | "sync";

/** Options of a `ChatStore`. */
export interface ChatStoreOptions {
  /** The client that talks to the model. */
  client: ChatStoreClient;
  /** Names the conversation: the key `storage` saves it under (required with `storage`). */
  id?: string;
  /** Messages to start with when storage has none. */
  initialMessages?: readonly Message[];
  /** `stateless` (default) or `previous-response-id`. */
  conversationState?: ConversationState;
  /** Request parameters sent with every turn (model, tools, instructions, background, ...). */
  requestParams?: RequestParams;
  /**
   * Where the conversation is kept across reloads, under `id`: `localStorageChatStorage()`,
   * `indexedDbChatStorage()` or your own. Default none (`null`): nothing is saved or loaded
   * unless you ask for it.
   */
  storage?: ChatStorage | null;
  /** Minimum milliseconds between saves while a message streams (default 250). */
  saveThrottleMs?: number;
  /** How streaming deltas are batched into notifications (default `frame`). */
  notify?: NotifyMode;
  /** What `send` accepts as attachments. */
  attachments?: Partial<AttachmentLimits>;
  /** Makes message ids (default: random UUIDs). */
  generateId?: () => string;
  /** Resume an interrupted background response found in storage (default true). */
  resume?: boolean;
  /** Called with every error the store records, for logging. */
  onError?: (error: Error) => void;
  /** Called when an assistant message is finished (complete, incomplete, failed or aborted). */
  onFinish?: (message: Message) => void;
}

/** What `send` accepts: text, parts, or text with files to attach. */
export type SendInput =
  | string
  | readonly Part[]
  | {
      /** The message text. */
      text?: string;
      /** Files to attach: images become image parts, PDFs file parts. */
      files?: Iterable<File> | ArrayLike<File>;
      /** Further parts, appended after the text and files. */
      parts?: readonly Part[];
    };

/** What `send` resolves to. It never rejects for a bad attachment: it reports it here. */
export type SendResult =
  | {
      /** The message was added and the request ran (its outcome is in the store's state). */
      sent: true;
      /** The id of the user message added. */
      messageId: string;
    }
  | {
      /** Nothing was sent and nothing was cleared. */
      sent: false;
      /** Why: the attachments refused (also in `state.rejectedAttachments`), or a request in flight. */
      reason: "rejected-attachments" | "busy" | "empty";
      /** The attachments refused, when that was the reason. */
      rejectedAttachments: readonly AttachmentError[];
    };

/** The result of a tool call, as `addToolResult` takes it. */
export type ToolResult =
  | {
      /** The call this answers. */
      toolCallId: string;
      /** The result, sent to the model (string or JSON value). */
      output: unknown;
      /** No error. */
      errorText?: never;
    }
  | {
      /** The call this answers. */
      toolCallId: string;
      /** No output. */
      output?: never;
      /** What went wrong, sent to the model instead of a result. */
      errorText: string;
    };

/** A decision on an approval request: a function tool with `needsApproval`, or MCP. */
export interface ApprovalResponse {
  /** The tool call id, the approval id, or the MCP approval request id. */
  id: string;
  /** True to let the call run. */
  approve: boolean;
  /** Why, shown to the model (mostly for denials). */
  reason?: string;
}
