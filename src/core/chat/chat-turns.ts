import { ColloquyError } from "../errors.js";
import type { Message } from "../model/message.js";
import type { RequestParams } from "../client/types.js";
import type { ChatStateCell, Urgency } from "./chat-state-cell.js";
import { asError, failedAnswerError, maxStepsError, toMessageError } from "./chat-store-errors.js";
import { totalUsage, upsertMessage } from "./conversation.js";
import { closeUnansweredCalls, isReadyToContinue } from "./tool-parts.js";
import type { ChatStoreClient, ChatStoreOptions } from "./types.js";

/** What a turn streams from: a new request, or a background response to reconnect to. */
export type TurnSource = { kind: "request" } | { kind: "resume"; message: Message };

/** What the turns of a chat store need from it. */
export interface TurnHost {
  /** The store's state, which each turn changes. */
  readonly cell: ChatStateCell;
  /** The store's options: `onFinish` and `conversationState` are read at each turn. */
  readonly options: ChatStoreOptions;
  /** Makes the id of each new answer. */
  readonly generateId: () => string;
  /** Loads the saved conversation (`ChatStore.start`), which a continuation waits for. */
  start(): Promise<void>;
  /** The request parameters sent with every turn, all layers merged. */
  requestParams(): RequestParams;
}

/**
 * Sending and streaming a chat store's turns: one model request (or a reconnection to a
 * background response) at a time, its snapshots folded into the conversation as they
 * arrive, its end or failure recorded, and the next request sent by itself once the answer's
 * tool calls and approvals are all answered, up to the step limit.
 */
export class ChatTurns {
  /** The client the next request goes through (`ChatStore.setClient` replaces it). */
  client: ChatStoreClient;
  /** The model requests allowed per user turn (`ChatStore.setMaxSteps`). */
  maxSteps = Number.POSITIVE_INFINITY;

  private controller: AbortController | undefined;
  private running: Promise<void> | undefined;
  private autoSteps = 0;

  constructor(private readonly host: TurnHost) {
    this.client = host.options.client;
  }

  /** True while an answer is requested or streams (a second send is refused). */
  get busy(): boolean {
    return this.controller !== undefined;
  }

  /** The turn in flight, published to its end once it resolves; undefined when none. */
  get inflight(): Promise<void> | undefined {
    return this.running;
  }

  /** Starts the step count of a new user turn (a send, a regenerate, an edit). */
  resetSteps(): void {
    this.autoSteps = 0;
  }

  /** Streams one turn; resolves once it ended and listeners were told so. */
  run(source: TurnSource): Promise<void> {
    // The turn's end may wait for the next frame to publish (`soon`); the turn resolves only
    // once it has, so whoever awaits it sees the end in the snapshot.
    const run = this.stream(source)
      .then(() => this.host.cell.idle())
      .finally(() => {
        if (this.running === run) this.running = undefined;
      });
    this.running = run;
    return run;
  }

  /** See `ChatStore.continue`: the next request of this user turn, within the step limit. */
  async continue(): Promise<void> {
    await this.host.start();
    if (this.controller) return;
    // Steps are model requests in this user turn: the first answer, then each continuation.
    if (this.autoSteps + 1 >= this.maxSteps) {
      this.fail(maxStepsError(this.maxSteps));
      return;
    }
    this.autoSteps++;
    await this.run({ kind: "request" });
  }

  /** See `ChatStore.stop`: the streaming answer kept as `aborted`, a background one cancelled. */
  stop(): void {
    const controller = this.controller;
    if (!controller) return;
    controller.abort();
    this.controller = undefined;
    const { cell } = this.host;
    const last = cell.state.messages.at(-1);
    let messages = cell.state.messages;
    if (last?.role === "assistant" && last.status === "in-progress") {
      messages = upsertMessage(messages, { ...last, status: "aborted" });
      const responseId = last.metadata.responseId;
      if (last.metadata.background && responseId && this.client.cancel) {
        this.client.cancel(responseId).catch((error: unknown) => cell.report(error));
      }
    }
    cell.set({ messages, status: "ready" }, "now");
  }

  /** Continues when the last answer's client-side work (tools, approvals) is all done. */
  continueWhenAnswered(): void {
    if (this.controller || !isReadyToContinue(this.host.cell.state.messages.at(-1))) return;
    void this.continue();
  }

  private async stream(source: TurnSource): Promise<void> {
    const { cell, options } = this.host;
    const controller = new AbortController();
    this.controller = controller;
    const assistantId = source.kind === "resume" ? source.message.id : this.host.generateId();
    let latest: Message | undefined = source.kind === "resume" ? source.message : undefined;
    cell.set(
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
              ...this.host.requestParams(),
              ...(options.conversationState
                ? { conversationState: options.conversationState }
                : {}),
              signal: controller.signal,
            });
      for await (const update of updates) {
        if (controller.signal.aborted) break;
        latest = { ...update.snapshot, id: assistantId };
        const first = cell.state.status !== "streaming";
        cell.set(
          { messages: upsertMessage(cell.state.messages, latest), status: "streaming" },
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
        options.onFinish?.(failed);
        return;
      }
      if (latest) {
        const finished: Message =
          latest.status === "in-progress" ? { ...latest, status: "complete" } : latest;
        const messages = upsertMessage(cell.state.messages, finished);
        cell.set({ messages, status: "ready", usage: totalUsage(messages) }, "soon");
        options.onFinish?.(finished);
      } else {
        cell.set({ status: "ready" }, "soon");
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
      if (failed) options.onFinish?.(failed);
      return;
    }
    this.continueWhenAnswered();
  }

  /**
   * What goes to the model: the conversation, without answers that failed, and with every
   * call still unanswered closed (OpenAI rejects a call that has no output).
   */
  private outgoingMessages(): readonly Message[] {
    return closeUnansweredCalls(
      this.host.cell.state.messages.filter(
        (m) => !(m.role === "assistant" && m.status === "failed"),
      ),
    );
  }

  private fail(error: Error, message?: Message, urgency: Urgency = "now"): void {
    const { cell } = this.host;
    const messages = message ? upsertMessage(cell.state.messages, message) : cell.state.messages;
    cell.set({ messages, status: "error", error, usage: totalUsage(messages) }, urgency);
    cell.report(error);
  }
}
