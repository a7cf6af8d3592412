import { ColloquyError } from "../errors.js";
import { createMessageId } from "../model/create.js";
import type { Message, MessageError } from "../model/message.js";
import type { Part } from "../model/parts.js";
import type { RequestParams } from "../client/types.js";
import { clientRunCallId, isClientRunCall } from "../tools/client-run-calls.js";
import { DENIED_CLIENT_RUN_OUTPUT, failedClientRunOutput } from "../tools/client-run-outputs.js";
import {
  defaultAttachmentLimits,
  readAttachments,
  type AttachmentError,
  type AttachmentLimits,
} from "./attachments.js";
import {
  indexOfMessage,
  isResumable,
  replaceText,
  totalUsage,
  upsertMessage,
} from "./conversation.js";
import { ChatPersistence } from "./chat-persistence.js";
import { forkAt, selectBranchIn } from "./branches.js";
import { createNotifyScheduler, type NotifyScheduler } from "./notify-scheduler.js";
import {
  closeUnansweredCalls,
  isReadyToContinue,
  updateFirstPart,
  withApproved,
  withDenied,
  withToolError,
  withToolOutput,
} from "./tool-parts.js";
import type {
  ApprovalResponse,
  ChatState,
  ChatStoreClient,
  ChatStoreOptions,
  SendInput,
  SendResult,
  ToolResult,
} from "./types.js";

/**
 * How urgently a change reaches listeners: `now` (the user's own actions), `soon` (the
 * answer's status changes: now, unless this frame already committed) or `batched` (streaming
 * deltas, at the next frame).
 */
type Urgency = "now" | "soon" | "batched";

/** What a turn streams from: a new request, or a background response to reconnect to. */
type TurnSource = { kind: "request" } | { kind: "resume"; message: Message };

const emptyState: ChatState = {
  messages: [],
  status: "ready",
  error: undefined,
  usage: undefined,
  rejectedAttachments: [],
  branches: {},
};

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
 */
export class ChatStore {
  /** The conversation id: the persistence key (`chat-<n>`, counted per page, when not given). */
  readonly id: string;

  private state: ChatState;
  private published: ChatState;
  private readonly listeners = new Set<() => void>();
  private readonly scheduler: NotifyScheduler;
  private readonly persistence: ChatPersistence;
  private readonly limits: AttachmentLimits;
  private readonly generateId: () => string;
  private client: ChatStoreClient;
  private readonly paramLayers = new Map<string, RequestParams>();
  private controller: AbortController | undefined;
  private inflight: Promise<void> | undefined;
  private started: Promise<void> | undefined;
  private autoSteps = 0;
  private maxSteps = Number.POSITIVE_INFINITY;
  private attachments = 0;
  private disposed = false;

  constructor(private readonly options: ChatStoreOptions) {
    this.generateId = options.generateId ?? createMessageId;
    // Counted, not random: stores are created while rendering, where a server prerender
    // forbids randomness (and the id only matters as a persistence key, given then).
    this.id = options.id ?? `chat-${++unnamedStores}`;
    const storage = options.storage ?? null;
    if (storage && options.id === undefined) {
      throw new Error(
        'A ChatStore with `storage` needs an `id`: the conversation is saved and found again under it. Pass an id that stays the same across reloads (e.g. `id: "support"`).',
      );
    }
    this.client = options.client;
    if (options.requestParams) this.paramLayers.set("chat", options.requestParams);
    this.limits = { ...defaultAttachmentLimits, ...options.attachments };
    this.persistence = new ChatPersistence(
      storage,
      this.id,
      options.saveThrottleMs ?? 250,
      () => ({ messages: this.state.messages, branches: this.state.branches }),
      (error) => this.report(error),
    );
    const messages = options.initialMessages ?? [];
    this.state = { ...emptyState, messages, usage: totalUsage(messages) };
    this.published = this.state;
    this.scheduler = createNotifyScheduler(options.notify ?? "frame", () => this.publish());
  }

  /** Subscribes to changes; returns the unsubscribe function. Stable, for `useSyncExternalStore`. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** The state listeners were last told about. Stable between notifications. */
  readonly getSnapshot = (): ChatState => this.published;

  /** The messages (as last published). */
  get messages(): readonly Message[] {
    return this.published.messages;
  }

  /** The status (as last published). */
  get status(): ChatState["status"] {
    return this.published.status;
  }

  /** The error (as last published). */
  get error(): Error | undefined {
    return this.published.error;
  }

  /**
   * Loads the saved conversation and reconnects to a background response that a reload
   * interrupted. Idempotent; `send` calls it too. Resolves once loaded (the resumed stream
   * keeps running: see `settled()`).
   */
  start(): Promise<void> {
    this.started ??= this.hydrate();
    return this.started;
  }

  /** Resolves when no request is in flight. */
  async settled(): Promise<void> {
    await this.start();
    while (this.inflight) await this.inflight;
  }

  /** Publishes pending streaming changes to listeners now. */
  flush(): void {
    this.scheduler.flush();
  }

  /** Replaces the client (e.g. when the endpoint changes); takes effect from the next request. */
  setClient(client: ChatStoreClient): void {
    this.client = client;
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
    let merged: RequestParams = {};
    for (const params of this.paramLayers.values()) {
      const tools =
        merged.tools && params.tools
          ? [...merged.tools, ...params.tools]
          : (params.tools ?? merged.tools);
      merged = { ...merged, ...params, ...(tools ? { tools } : {}) };
    }
    return merged;
  }

  /**
   * Limits the model requests per user turn (the first answer and each automatic
   * continuation after tool results or approvals). When a continuation would pass the
   * limit the store stops with a `max_steps` error instead.
   */
  setMaxSteps(maxSteps: number): void {
    this.maxSteps = maxSteps;
  }

  /**
   * Adds a user message and asks for the answer. Never rejects for a bad attachment: the
   * send is refused, `state.rejectedAttachments` names each file, and the result says so,
   * so the caller still holds the text. Request errors land in `state.error` and on the
   * failed assistant message, not in a rejection either.
   */
  async send(input: SendInput): Promise<SendResult> {
    await this.start();
    if (this.controller) return { sent: false, reason: "busy", rejectedAttachments: [] };
    const built = await this.buildUserParts(input);
    if ("rejected" in built) {
      this.set({ rejectedAttachments: built.rejected }, "now");
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
    this.autoSteps = 0;
    // Calls left waiting (a tool that never ran, an approval never given) are closed, so the
    // tool cards say so and the request carries an output for each.
    const earlier = closeUnansweredCalls(this.state.messages);
    this.set({ messages: [...earlier, message], rejectedAttachments: [] }, "now");
    await this.runTurn({ kind: "request" });
    return { sent: true, messageId: message.id };
  }

  /**
   * Sends the conversation as it is for the next assistant turn (after tool results or
   * approvals were recorded). Counts as an automatic step toward the step limit.
   */
  async continue(): Promise<void> {
    await this.start();
    if (this.controller) return;
    // Steps are model requests in this user turn: the first answer, then each continuation.
    if (this.autoSteps + 1 >= this.maxSteps) {
      const error = new ColloquyError(
        "max_steps",
        `Stopped after ${this.maxSteps} steps: the model kept calling tools. Raise maxSteps or send a new message to go on.`,
      );
      this.fail(error);
      return;
    }
    this.autoSteps++;
    await this.runTurn({ kind: "request" });
  }

  /**
   * Stops the answer being streamed. The partial message stays, with status `aborted`; a
   * background response is cancelled upstream too.
   */
  stop(): void {
    const controller = this.controller;
    if (!controller) return;
    controller.abort();
    this.controller = undefined;
    const last = this.state.messages.at(-1);
    let messages = this.state.messages;
    if (last?.role === "assistant" && last.status === "in-progress") {
      messages = upsertMessage(messages, { ...last, status: "aborted" });
      const responseId = last.metadata.responseId;
      if (last.metadata.background && responseId && this.client.cancel) {
        this.client.cancel(responseId).catch((error: unknown) => this.report(error));
      }
    }
    this.set({ messages, status: "ready" }, "now");
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
    const messages = this.state.messages;
    let cut: number;
    if (messageId !== undefined) {
      const index = indexOfMessage(messages, messageId);
      if (index === -1) throw unknownMessage(messageId);
      cut = messages[index]!.role === "user" ? index + 1 : index;
    } else {
      const lastUser = findLastIndex(messages, (m) => m.role === "user");
      cut = lastUser === -1 ? messages.length : lastUser + 1;
      // Tool steps already answered stay: asking again from their results replaces only the
      // last answer, and the tools do not run a second time.
      while (cut < messages.length && isReadyToContinue(messages[cut])) cut++;
    }
    if (cut === 0) return;
    this.autoSteps = 0;
    this.set(
      {
        messages: messages.slice(0, cut),
        branches: forkAt(this.state.branches, messages, cut),
        error: undefined,
      },
      "now",
    );
    await this.runTurn({ kind: "request" });
  }

  /**
   * Replaces the text of a user message (attachments stay), drops everything after it, and
   * asks again. The edited message gets a new id; the original and what followed it stay as
   * an earlier version (`state.branches`, `selectBranch`).
   */
  async edit(messageId: string, text: string): Promise<void> {
    await this.start();
    this.stop();
    const messages = this.state.messages;
    const index = indexOfMessage(messages, messageId);
    if (index === -1) throw unknownMessage(messageId);
    const message = messages[index]!;
    if (message.role !== "user") {
      throw new ColloquyError(
        "invalid_input",
        `Message "${messageId}" is a ${message.role} message; only user messages can be edited. Use regenerate() for answers.`,
      );
    }
    this.autoSteps = 0;
    const edited: Message = { ...replaceText(message, text), id: this.generateId() };
    this.set(
      {
        messages: [...messages.slice(0, index), edited],
        branches: forkAt(this.state.branches, messages, index),
        error: undefined,
      },
      "now",
    );
    await this.runTurn({ kind: "request" });
  }

  /** Replaces the conversation (stops a running answer first) and forgets its branches. */
  setMessages(
    messages: readonly Message[] | ((current: readonly Message[]) => readonly Message[]),
  ): void {
    this.stop();
    const next = typeof messages === "function" ? messages(this.state.messages) : messages;
    this.set({ messages: next, branches: {} }, "now");
  }

  /**
   * Shows another version at a branch point (see `branchPosition`): the messages after it are
   * swapped for that version's, the one left is kept. Stops a running answer first. Throws
   * for a branch point or version this conversation does not have.
   */
  selectBranch(key: string, index: number): void {
    this.stop();
    const next = selectBranchIn(this.state.branches, this.state.messages, key, index);
    if (!next) {
      throw new ColloquyError(
        "invalid_input",
        `No version ${index} at branch point "${key}". Pass the key and an index below the count from branchPosition().`,
      );
    }
    this.set(
      { messages: next.messages, branches: next.branches, usage: totalUsage(next.messages) },
      "now",
    );
  }

  /** Replaces one message through `update` (for tool runners and custom parts). */
  updateMessage(messageId: string, update: (message: Message) => Message): void {
    const message = this.state.messages.find((m) => m.id === messageId);
    if (!message) throw unknownMessage(messageId);
    this.set({ messages: upsertMessage(this.state.messages, update(message)) }, "now");
  }

  /**
   * Replaces the newest part for which `update` returns a part. Returns false when no part
   * matched. When the last answer has nothing left to wait for, the conversation continues.
   */
  updatePart(
    update: (part: Part) => Part | undefined,
    options: { continue?: boolean } = {},
  ): boolean {
    const result = updateFirstPart(this.state.messages, update);
    if (!result.message) return false;
    this.set({ messages: result.messages }, "now");
    if (options.continue !== false) this.continueWhenAnswered();
    return true;
  }

  /**
   * Records the result (or error) of a client-side tool call. Once every call of the last
   * answer has a result, the results are sent and the conversation continues.
   */
  addToolResult(result: ToolResult): void {
    const found = this.updatePart((part) => {
      if (part.type !== "tool-call" || part.toolCallId !== result.toolCallId) return undefined;
      return result.errorText !== undefined
        ? withToolError(part, result.errorText)
        : withToolOutput(part, result.output);
    });
    if (!found) throw unknownToolCall(result.toolCallId);
  }

  /**
   * Approves or denies a tool call waiting for approval: a function tool with
   * `needsApproval` (by tool call id or approval id), an MCP approval request (by its id), or
   * a built-in call the app runs (a local shell command, by its call id or item id).
   */
  respondToApproval(response: ApprovalResponse): void {
    const decision =
      response.reason === undefined
        ? { approve: response.approve }
        : { approve: response.approve, reason: response.reason };
    const found = this.updatePart((part) => {
      if (
        part.type === "tool-call" &&
        part.state === "approval-requested" &&
        (part.toolCallId === response.id || part.approvalId === response.id)
      ) {
        return response.approve ? withApproved(part) : withDenied(part, response.reason);
      }
      if (
        part.type === "mcp-approval-request" &&
        (part.id === response.id || part.item.id === response.id)
      ) {
        return { ...part, decision };
      }
      if (
        isClientRunCall(part) &&
        part.approval === "requested" &&
        (part.id === response.id || clientRunCallId(part) === response.id)
      ) {
        // A refusal is the call's output, so the model reads it and the turn goes on.
        return response.approve
          ? { ...part, approval: "approved" }
          : {
              ...part,
              approval: "denied",
              output: failedClientRunOutput(part, response.reason ?? DENIED_CLIENT_RUN_OUTPUT),
            };
      }
      return undefined;
    });
    if (!found) {
      throw new ColloquyError(
        "invalid_input",
        `No approval request with id "${response.id}" is waiting. Pass the tool call id or the MCP approval request id from the message parts.`,
      );
    }
  }

  /** Clears the error (and the error status) without touching the messages. */
  clearError(): void {
    this.set(
      {
        error: undefined,
        rejectedAttachments: [],
        status: this.state.status === "error" ? "ready" : this.state.status,
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
    this.disposed = true;
    this.scheduler.cancel();
    this.persistence.close();
    this.listeners.clear();
  }

  private async hydrate(): Promise<void> {
    const stored = await this.persistence.load();
    if (stored) {
      const { messages, branches } = stored;
      this.set({ messages, branches: branches ?? {}, usage: totalUsage(messages) }, "now", false);
    }
    const last = this.state.messages.at(-1);
    if (last?.role !== "assistant" || last.status !== "in-progress") return;
    if (this.options.resume !== false && this.client.resume && isResumable(last)) {
      // Not awaited: start() resolves once loaded, the stream goes on (see settled()).
      void this.runTurn({ kind: "resume", message: last });
      return;
    }
    const interrupted: MessageError = {
      message:
        "The answer was interrupted before it finished (the page was closed or reloaded). Regenerate to ask again.",
      code: "stream_cut",
    };
    this.set(
      {
        messages: upsertMessage(this.state.messages, {
          ...last,
          status: "failed",
          error: interrupted,
        }),
      },
      "now",
    );
  }

  private runTurn(source: TurnSource): Promise<void> {
    // The turn's end may wait for the next frame to publish (`soon`); the turn resolves only
    // once it has, so whoever awaits it sees the end in the snapshot.
    const run = this.stream(source)
      .then(() => this.scheduler.idle())
      .finally(() => {
        if (this.inflight === run) this.inflight = undefined;
      });
    this.inflight = run;
    return run;
  }

  private async stream(source: TurnSource): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    const assistantId = source.kind === "resume" ? source.message.id : this.generateId();
    let latest: Message | undefined = source.kind === "resume" ? source.message : undefined;
    this.set(
      { status: source.kind === "resume" ? "streaming" : "submitted", error: undefined },
      "now",
    );
    try {
      const updates =
        source.kind === "resume"
          ? this.client.resume!(source.message.metadata.responseId!, {
              startingAfter: source.message.metadata.lastSequenceNumber!,
              message: source.message,
              signal: controller.signal,
            })
          : this.client.streamUpdates(this.outgoingMessages(), {
              ...this.getRequestParams(),
              ...(this.options.conversationState
                ? { conversationState: this.options.conversationState }
                : {}),
              signal: controller.signal,
            });
      for await (const update of updates) {
        if (controller.signal.aborted) break;
        latest = { ...update.snapshot, id: assistantId };
        const first = this.state.status !== "streaming";
        this.set(
          { messages: upsertMessage(this.state.messages, latest), status: "streaming" },
          first ? "soon" : "batched",
        );
      }
      if (controller.signal.aborted) return;
      this.controller = undefined;
      if (latest?.status === "failed") {
        // The answer reported its own failure in the stream (an `error` event, a failed
        // response): the same error state as a thrown failure, so Retry is offered.
        const failed: Message = latest;
        this.fail(failedAnswerError(failed), failed, "soon");
        this.options.onFinish?.(failed);
        return;
      }
      if (latest) {
        const finished: Message =
          latest.status === "in-progress" ? { ...latest, status: "complete" } : latest;
        const messages = upsertMessage(this.state.messages, finished);
        this.set({ messages, status: "ready", usage: totalUsage(messages) }, "soon");
        this.options.onFinish?.(finished);
      } else {
        this.set({ status: "ready" }, "soon");
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      this.controller = undefined;
      const snapshot = error instanceof ColloquyError && error.snapshot ? error.snapshot : latest;
      const failed: Message | undefined = snapshot && {
        ...snapshot,
        id: assistantId,
        status: "failed",
        error: toMessageError(error),
      };
      this.fail(asError(error), failed, "soon");
      if (failed) this.options.onFinish?.(failed);
      return;
    }
    this.continueWhenAnswered();
  }

  /** Continues when the last answer's client-side work (tools, approvals) is all done. */
  private continueWhenAnswered(): void {
    if (this.controller || !isReadyToContinue(this.state.messages.at(-1))) return;
    void this.continue();
  }

  /**
   * What goes to the model: the conversation, without answers that failed, and with every
   * call still unanswered closed (OpenAI rejects a call that has no output).
   */
  private outgoingMessages(): readonly Message[] {
    return closeUnansweredCalls(
      this.state.messages.filter((m) => !(m.role === "assistant" && m.status === "failed")),
    );
  }

  private fail(error: Error, message?: Message, urgency: Urgency = "now"): void {
    const messages = message ? upsertMessage(this.state.messages, message) : this.state.messages;
    this.set({ messages, status: "error", error, usage: totalUsage(messages) }, urgency);
    this.report(error);
  }

  private async buildUserParts(
    input: SendInput,
  ): Promise<{ parts: Part[] } | { rejected: AttachmentError[] }> {
    if (typeof input === "string")
      return { parts: input === "" ? [] : [{ type: "text", text: input }] };
    if (isPartList(input)) return { parts: [...input] };
    const parts: Part[] = [];
    if (input.text) parts.push({ type: "text", text: input.text });
    const files = input.files ? Array.from(input.files as ArrayLike<File>) : [];
    if (files.length > 0) {
      const read = await readAttachments(files, this.limits);
      if (read.errors.length > 0) return { rejected: read.errors };
      parts.push(...read.parts);
    }
    if (input.parts) parts.push(...input.parts);
    return { parts };
  }

  private set(patch: Partial<ChatState>, urgency: Urgency, save = true): void {
    if (this.disposed) return;
    this.state = { ...this.state, ...patch };
    if (urgency === "now") this.scheduler.now();
    else if (urgency === "soon") this.scheduler.soon();
    else this.scheduler.request();
    if (save) this.persistence.request(urgency !== "batched");
  }

  /**
   * Tells listeners about the current state; false when they already have it. A listener
   * that throws (a view whose render failed) is reported to `onError` and the others are
   * still told:
   * its error must not end the stream it hears of, which would leave the chat busy.
   */
  private publish(): boolean {
    if (this.published === this.state) return false;
    this.published = this.state;
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (error) {
        // Without an `onError`, the error still surfaces as uncaught, as an event
        // listener's would.
        if (this.options.onError) this.report(error);
        else
          queueMicrotask(() => {
            throw error;
          });
      }
    }
    return true;
  }

  private report(error: unknown): void {
    this.options.onError?.(asError(error));
  }
}

function isPartList(input: SendInput): input is readonly Part[] {
  return Array.isArray(input);
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}

/** The error of an answer that ended as `failed` without throwing, carrying the answer. */
function failedAnswerError(message: Message): ColloquyError {
  const text = message.error?.message ?? "The answer failed without saying why.";
  // `upstream_lost` is what colloquy's proxy sends when its own upstream connection broke:
  // for the app that is a lost connection like any other, not an error of the model.
  const code = message.error?.code === "upstream_lost" ? "connection_error" : "api_error";
  return new ColloquyError(code, text, { snapshot: message });
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function toMessageError(error: unknown): MessageError {
  if (error instanceof ColloquyError) {
    const status = (error as { status?: unknown }).status;
    return {
      message: error.message,
      code: error.code,
      ...(typeof status === "number" ? { status } : {}),
    };
  }
  return { message: asError(error).message };
}

function unknownMessage(id: string): ColloquyError {
  return new ColloquyError(
    "invalid_input",
    `No message with id "${id}" in this conversation. Pass the id of one of store.messages.`,
  );
}

function unknownToolCall(id: string): ColloquyError {
  return new ColloquyError(
    "invalid_input",
    `No tool call with id "${id}" in this conversation. Pass the toolCallId of a tool-call part.`,
  );
}
