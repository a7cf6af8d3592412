import { ColloquyError } from "../errors.js";
import { createMessageId } from "../model/create.js";
import type { Message } from "../model/message.js";
import type { RequestParams } from "../client/types.js";
import { ChatStoreState, type Urgency } from "./chat-store-state.js";
import { asError, failedAnswerError, toMessageError } from "./chat-store-errors.js";
import { totalUsage, upsertMessage } from "./conversation.js";
import { mergeRequestParams } from "./request-param-layers.js";
import { closeUnansweredCalls, isReadyToContinue } from "./tool-parts.js";
import type { ChatStoreClient } from "./types.js";

/** What a turn streams from: a new request, or a background response to reconnect to. */
export type TurnSource = { kind: "request" } | { kind: "resume"; message: Message };

/**
 * The second layer of `ChatStore`: sending and streaming its turns. One model request (or a
 * reconnection to a background response) at a time, through the client, with the request
 * parameters of every layer; its snapshots folded into the conversation as they arrive, its
 * end or failure recorded, and the next request sent by itself once the answer's tool calls
 * and approvals are all answered, up to the step limit. `ChatStore` adds what starts a turn
 * (send, regenerate, edit, tool results) and loading the saved conversation (`start`).
 */
export abstract class ChatStoreTurns extends ChatStoreState {
  /** Makes the ids of new messages (`options.generateId`, or colloquy's own). */
  protected readonly generateId: () => string = this.options.generateId ?? createMessageId;
  /** The client the next request goes through. */
  protected client: ChatStoreClient = this.options.client;
  /** The abort controller of the turn in flight; set while an answer is requested or streams. */
  protected controller: AbortController | undefined;
  /** The turn in flight, resolved once listeners were told its end. */
  protected inflight: Promise<void> | undefined;
  /** Model requests made so far in this user turn beyond the first (see `setMaxSteps`). */
  protected autoSteps = 0;

  /** The request parameters by layer name, the app's own (`options.requestParams`) first. */
  private readonly paramLayers = new Map<string, RequestParams>(
    this.options.requestParams ? [["chat", this.options.requestParams]] : [],
  );
  private maxSteps = Number.POSITIVE_INFINITY;

  /**
   * Loads the saved conversation and reconnects to a background response that a reload
   * interrupted (see `ChatStore.start`).
   */
  abstract start(): Promise<void>;

  /** Resolves when no request is in flight. */
  async settled(): Promise<void> {
    await this.start();
    while (this.inflight) await this.inflight;
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
    return mergeRequestParams(this.paramLayers.values());
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

  /** Streams one turn; resolves once it ended and listeners were told so. */
  protected runTurn(source: TurnSource): Promise<void> {
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

  /** Continues when the last answer's client-side work (tools, approvals) is all done. */
  protected continueWhenAnswered(): void {
    if (this.controller || !isReadyToContinue(this.state.messages.at(-1))) return;
    void this.continue();
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
}
