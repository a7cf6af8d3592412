import { createMessageId } from "../model/create.js";
import type { Message } from "../model/message.js";
import type { Part } from "../model/parts.js";
import type { RequestParams } from "../client/types.js";
import { defaultAttachmentLimits, type AttachmentLimits } from "./attachments.js";
import { totalUsage, upsertMessage, replaceText } from "./conversation.js";
import { ChatPersistence } from "./chat-persistence.js";
import { selectBranchIn } from "./branches.js";
import { ChatStateCell, emptyChatState } from "./chat-state-cell.js";
import {
  storageWithoutIdError,
  unknownApproval,
  unknownBranch,
  unknownMessage,
  unknownToolCall,
} from "./chat-store-errors.js";
import { ChatTurns } from "./chat-turns.js";
import { cutConversation, editIndex, regenerateCut } from "./regenerate-edit-cuts.js";
import { mergeRequestParams } from "./request-param-layers.js";
import { restoreConversation } from "./restore-conversation.js";
import {
  approvalUpdate,
  closeUnansweredCalls,
  toolResultUpdate,
  updateFirstPart,
} from "./tool-parts.js";
import { readUserParts } from "./user-message-parts.js";
import type {
  ApprovalResponse,
  ChatState,
  ChatStoreClient,
  ChatStoreOptions,
  SendInput,
  SendResult,
  ToolResult,
} from "./types.js";

/** How many stores were created without an id, for their `chat-<n>` names. */
let unnamedStores = 0;

/**
 * A conversation with a model, without any UI framework: it holds the messages, the status
 * and the error, runs requests through a client, and tells subscribers when something
 * changed. Its state is immutable: a streaming delta replaces only the streaming message,
 * so every other `messages[i]` keeps its identity and selectors stay cheap.
 *
 * Streaming deltas reach listeners at most once per animation frame (see `notify`); the
 * answer's own status changes (first token, finished, failed) at once unless that frame
 * already published, so a streaming answer costs React one commit per frame at most. The
 * user's actions publish at once. `getSnapshot()` returns what listeners were last told;
 * when a turn's promise resolves, they have been told its end.
 *
 * Nothing the user typed is lost: a refused attachment refuses the send (the caller still
 * has the text), an error keeps the user's message and the partial answer, and
 * `regenerate()` retries.
 *
 * The store is the public face of parts kept in files of their own: the state and its
 * notifications (`ChatStateCell`), the turns it streams (`ChatTurns`), saving
 * (`ChatPersistence`) and restoring after a reload (`restoreConversation`), and pure
 * functions for what each action changes.
 */
export class ChatStore {
  /** The conversation id: the persistence key (`chat-<n>`, counted per page, when not given). */
  readonly id: string;

  private readonly cell: ChatStateCell;
  private readonly turns: ChatTurns;
  private readonly persistence: ChatPersistence;
  private readonly limits: AttachmentLimits;
  private readonly generateId: () => string;
  private readonly paramLayers = new Map<string, RequestParams>();
  private started: Promise<void> | undefined;
  private attachments = 0;

  constructor(private readonly options: ChatStoreOptions) {
    this.generateId = options.generateId ?? createMessageId;
    // Counted, not random: stores are created while rendering, where a server prerender
    // forbids randomness (and the id only matters as a persistence key, given then).
    this.id = options.id ?? `chat-${++unnamedStores}`;
    const storage = options.storage ?? null;
    if (storage && options.id === undefined) throw storageWithoutIdError();
    if (options.requestParams) this.paramLayers.set("chat", options.requestParams);
    this.limits = { ...defaultAttachmentLimits, ...options.attachments };
    this.persistence = new ChatPersistence(
      storage,
      this.id,
      options.saveThrottleMs ?? 250,
      () => ({ messages: this.cell.state.messages, branches: this.cell.state.branches }),
      (error) => this.cell.report(error),
    );
    const messages = options.initialMessages ?? [];
    this.cell = new ChatStateCell(
      { ...emptyChatState, messages, usage: totalUsage(messages) },
      options.notify ?? "frame",
      (immediate) => this.persistence.request(immediate),
      options,
    );
    this.turns = new ChatTurns({
      cell: this.cell,
      options,
      generateId: this.generateId,
      start: () => this.start(),
      requestParams: () => this.getRequestParams(),
    });
  }

  /** Subscribes to changes; returns the unsubscribe function. Stable, for `useSyncExternalStore`. */
  readonly subscribe = (listener: () => void): (() => void) => this.cell.subscribe(listener);

  /** The state listeners were last told about. Stable between notifications. */
  readonly getSnapshot = (): ChatState => this.cell.getSnapshot();

  /** The messages (as last published). */
  get messages(): readonly Message[] {
    return this.cell.getSnapshot().messages;
  }

  /** The status (as last published). */
  get status(): ChatState["status"] {
    return this.cell.getSnapshot().status;
  }

  /** The error (as last published). */
  get error(): Error | undefined {
    return this.cell.getSnapshot().error;
  }

  /**
   * Loads the saved conversation and reconnects to a background response that a reload
   * interrupted. Idempotent; `send` calls it too. Resolves once loaded (the resumed stream
   * keeps running: see `settled()`).
   */
  start(): Promise<void> {
    this.started ??= restoreConversation(this.cell, this.persistence, this.turns, this.options);
    return this.started;
  }

  /** Resolves when no request is in flight. */
  async settled(): Promise<void> {
    await this.start();
    while (this.turns.inflight) await this.turns.inflight;
  }

  /** Publishes pending streaming changes to listeners now. */
  flush(): void {
    this.cell.flush();
  }

  /** Replaces the client (e.g. when the endpoint changes); takes effect from the next request. */
  setClient(client: ChatStoreClient): void {
    this.turns.client = client;
  }

  /**
   * Sets the request parameters sent with every turn (model, tools, ...) under a layer
   * name, so independent owners (the app, a tool runner) do not overwrite each other.
   * Layers merge in the order first set; `tools` lists are concatenated. `undefined` removes
   * the layer.
   */
  setRequestParams(params: RequestParams | undefined, layer = "chat"): void {
    if (params === undefined) this.paramLayers.delete(layer);
    else this.paramLayers.set(layer, params);
  }

  /** The request parameters sent with every turn: all layers merged. */
  getRequestParams(): RequestParams {
    return mergeRequestParams(this.paramLayers.values());
  }

  /**
   * Limits the model requests per user turn (the first answer and each automatic
   * continuation after tool results or approvals). When a continuation would pass the
   * limit the store stops with a `max_steps` error instead.
   */
  setMaxSteps(maxSteps: number): void {
    this.turns.maxSteps = maxSteps;
  }

  /**
   * Adds a user message and asks for the answer. Never rejects for a bad attachment: the
   * send is refused, `state.rejectedAttachments` names each file, and the result says so,
   * so the caller still holds the text. Request errors land in `state.error` and on the
   * failed assistant message, not in a rejection either.
   */
  async send(input: SendInput): Promise<SendResult> {
    await this.start();
    if (this.turns.busy) return { sent: false, reason: "busy", rejectedAttachments: [] };
    const built = await readUserParts(input, this.limits);
    if ("rejected" in built) {
      this.cell.set({ rejectedAttachments: built.rejected }, "now");
      return { sent: false, reason: "rejected-attachments", rejectedAttachments: built.rejected };
    }
    if (built.parts.length === 0) return { sent: false, reason: "empty", rejectedAttachments: [] };
    const message: Message = {
      id: this.generateId(),
      role: "user",
      parts: built.parts,
      metadata: {},
      status: "complete",
    };
    this.turns.resetSteps();
    // Calls left waiting (a tool that never ran, an approval never given) are closed, so the
    // tool cards say so and the request carries an output for each.
    const earlier = closeUnansweredCalls(this.cell.state.messages);
    this.cell.set({ messages: [...earlier, message], rejectedAttachments: [] }, "now");
    await this.turns.run({ kind: "request" });
    return { sent: true, messageId: message.id };
  }

  /**
   * Sends the conversation as it is for the next assistant turn (after tool results or
   * approvals were recorded). Counts as an automatic step toward the step limit.
   */
  continue(): Promise<void> {
    return this.turns.continue();
  }

  /**
   * Stops the answer being streamed. The partial message stays, with status `aborted`; a
   * background response is cancelled upstream too.
   */
  stop(): void {
    this.turns.stop();
  }

  /**
   * Asks again. Without an id: replaces the last assistant answer (or answers the last user
   * message when no answer came); in a tool loop, the steps whose tool results are all in
   * stay, so the request goes on from them. With the id of an assistant message: drops it
   * and what followed; with a user message's id: drops what followed it. What it replaces
   * stays as an earlier version (`state.branches`, `selectBranch`).
   */
  async regenerate(messageId?: string): Promise<void> {
    await this.start();
    this.stop();
    const { messages, branches } = this.cell.state;
    const cut = regenerateCut(messages, messageId);
    if (cut === 0) return;
    this.turns.resetSteps();
    this.cell.set({ ...cutConversation(messages, branches, cut), error: undefined }, "now");
    await this.turns.run({ kind: "request" });
  }

  /**
   * Replaces the text of a user message (attachments stay), drops everything after it, and
   * asks again. The edited message gets a new id; the original and what followed it stay as
   * an earlier version (`state.branches`, `selectBranch`).
   */
  async edit(messageId: string, text: string): Promise<void> {
    await this.start();
    this.stop();
    const { messages, branches } = this.cell.state;
    const index = editIndex(messages, messageId);
    this.turns.resetSteps();
    const edited: Message = { ...replaceText(messages[index]!, text), id: this.generateId() };
    this.cell.set(
      { ...cutConversation(messages, branches, index, edited), error: undefined },
      "now",
    );
    await this.turns.run({ kind: "request" });
  }

  /** Replaces the conversation (stops a running answer first) and forgets its branches. */
  setMessages(
    messages: readonly Message[] | ((current: readonly Message[]) => readonly Message[]),
  ): void {
    this.stop();
    const next = typeof messages === "function" ? messages(this.cell.state.messages) : messages;
    this.cell.set({ messages: next, branches: {} }, "now");
  }

  /**
   * Shows another version at a branch point (see `branchPosition`): the messages after it are
   * swapped for that version's, the one left is kept. Stops a running answer first. Throws
   * for a branch point or version this conversation does not have.
   */
  selectBranch(key: string, index: number): void {
    this.stop();
    const next = selectBranchIn(this.cell.state.branches, this.cell.state.messages, key, index);
    if (!next) throw unknownBranch(key, index);
    this.cell.set(
      { messages: next.messages, branches: next.branches, usage: totalUsage(next.messages) },
      "now",
    );
  }

  /** Replaces one message through `update` (for tool runners and custom parts). */
  updateMessage(messageId: string, update: (message: Message) => Message): void {
    const message = this.cell.state.messages.find((m) => m.id === messageId);
    if (!message) throw unknownMessage(messageId);
    this.cell.set({ messages: upsertMessage(this.cell.state.messages, update(message)) }, "now");
  }

  /**
   * Replaces the newest part for which `update` returns a part. Returns false when no part
   * matched. When the last answer has nothing left to wait for, the conversation continues.
   */
  updatePart(
    update: (part: Part) => Part | undefined,
    options: { continue?: boolean } = {},
  ): boolean {
    const result = updateFirstPart(this.cell.state.messages, update);
    if (!result.message) return false;
    this.cell.set({ messages: result.messages }, "now");
    if (options.continue !== false) this.turns.continueWhenAnswered();
    return true;
  }

  /**
   * Records the result (or error) of a client-side tool call. Once every call of the last
   * answer has a result, the results are sent and the conversation continues.
   */
  addToolResult(result: ToolResult): void {
    if (!this.updatePart(toolResultUpdate(result))) throw unknownToolCall(result.toolCallId);
  }

  /**
   * Approves or denies a tool call waiting for approval: a function tool with
   * `needsApproval` (by tool call id or approval id), an MCP approval request (by its id), or
   * a built-in call the app runs (a local shell command, by its call id or item id).
   */
  respondToApproval(response: ApprovalResponse): void {
    if (!this.updatePart(approvalUpdate(response))) throw unknownApproval(response.id);
  }

  /** Clears the error (and the error status) without touching the messages. */
  clearError(): void {
    this.cell.set(
      {
        error: undefined,
        rejectedAttachments: [],
        status: this.cell.state.status === "error" ? "ready" : this.cell.state.status,
      },
      "now",
    );
  }

  /** Forgets the saved conversation (the messages in memory stay). */
  async clearStorage(): Promise<void> {
    await this.persistence.remove();
  }

  /**
   * Marks a consumer (a mounted component). When the last one detaches, a running request
   * is stopped, unless another attaches right away (React's strict-mode remount).
   */
  attach(): () => void {
    this.attachments++;
    void this.start();
    let detached = false;
    return () => {
      if (detached) return;
      detached = true;
      this.attachments--;
      queueMicrotask(() => {
        if (this.attachments === 0) this.stop();
      });
    };
  }

  /** Stops everything: the request, pending notifications and saves. The store is unusable after. */
  dispose(): void {
    this.stop();
    this.cell.dispose();
    this.persistence.close();
  }
}
