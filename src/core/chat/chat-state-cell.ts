import { asError } from "./chat-store-errors.js";
import { createNotifyScheduler, type NotifyScheduler } from "./notify-scheduler.js";
import type { ChatState, ChatStoreOptions, NotifyMode } from "./types.js";

/**
 * How urgently a change reaches listeners: `now` (the user's own actions), `soon` (the
 * answer's status changes: now, unless this frame already committed) or `batched` (streaming
 * deltas, at the next frame).
 */
export type Urgency = "now" | "soon" | "batched";

/** The state of a conversation that has not started: no messages, ready. */
export const emptyChatState: ChatState = {
  messages: [],
  status: "ready",
  error: undefined,
  usage: undefined,
  rejectedAttachments: [],
  branches: {},
};

/**
 * A chat store's state and the plumbing that tells listeners of it: the current state, the
 * snapshot they were last told about, and the scheduler that bounds how often they hear.
 * Kept apart from what changes the state (the turns, the branches, the tool answers) so each
 * of those reads as a patch and an urgency, and only this file knows how a patch is published.
 */
export class ChatStateCell {
  /** The state as changed so far; listeners may not have heard of the newest change yet. */
  state: ChatState;

  private published: ChatState;
  private readonly listeners = new Set<() => void>();
  private readonly scheduler: NotifyScheduler;
  private disposed = false;

  /**
   * @param initial The state to start from.
   * @param notify How listeners' notifications are batched (see `ChatStoreOptions.notify`).
   * @param save Asks for the conversation to be saved: at once (`immediate`) or throttled.
   * @param options The store's options, whose `onError` hears of a listener that threw (see
   * `publish`); read at each report, as the store's other callbacks are.
   */
  constructor(
    initial: ChatState,
    notify: NotifyMode,
    private readonly save: (immediate: boolean) => void,
    private readonly options: Pick<ChatStoreOptions, "onError">,
  ) {
    this.state = initial;
    this.published = initial;
    this.scheduler = createNotifyScheduler(notify, () => this.publish());
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** The state listeners were last told about. Stable between notifications. */
  getSnapshot(): ChatState {
    return this.published;
  }

  /**
   * Applies `patch` and tells listeners as `urgency` says. `save: false` for a change that
   * is already what storage holds (the conversation just loaded from it); a streaming delta
   * is saved throttled, anything else at once. Nothing changes after `dispose()`.
   */
  set(patch: Partial<ChatState>, urgency: Urgency, save = true): void {
    if (this.disposed) return;
    this.state = { ...this.state, ...patch };
    if (urgency === "now") this.scheduler.now();
    else if (urgency === "soon") this.scheduler.soon();
    else this.scheduler.request();
    if (save) this.save(urgency !== "batched");
  }

  /** Publishes pending streaming changes to listeners now. */
  flush(): void {
    this.scheduler.flush();
  }

  /** Resolves once listeners have been told of every change (at once when they have). */
  idle(): Promise<void> {
    return this.scheduler.idle();
  }

  /** Tells `onError` of `error` (as an `Error`), when the store has one. */
  report(error: unknown): void {
    this.options.onError?.(asError(error));
  }

  /** Drops pending notifications and every listener; the state no longer changes after. */
  dispose(): void {
    this.disposed = true;
    this.scheduler.cancel();
    this.listeners.clear();
  }

  /**
   * Tells listeners about the current state; false when they already have it. A listener
   * that throws (a view whose render failed) is reported to `onError` and the others are
   * still told: its error must not end the stream it hears of, which would leave the chat
   * busy.
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
}
