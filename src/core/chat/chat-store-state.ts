import { ChatPersistence } from "./chat-persistence.js";
import { asError } from "./chat-store-errors.js";
import { totalUsage } from "./conversation.js";
import { createNotifyScheduler, type NotifyScheduler } from "./notify-scheduler.js";
import type { Message } from "../model/message.js";
import type { ChatState, ChatStoreOptions } from "./types.js";

/**
 * How urgently a change reaches listeners: `now` (the user's own actions), `soon` (the
 * answer's status changes: now, unless this frame already committed) or `batched` (streaming
 * deltas, at the next frame).
 */
export type Urgency = "now" | "soon" | "batched";

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
 * The first layer of `ChatStore`: its state and the plumbing around it. It holds the current
 * state and the snapshot listeners were last told about, bounds how often they hear
 * (`notify`), and saves the conversation as it changes (`ChatPersistence`). The layers above
 * (`ChatStoreTurns`, then `ChatStore`) change the state only through `set`, a patch and an
 * urgency, so only this file knows how a change is published and saved.
 *
 * Layers rather than parts held by the store: each layer reads and sets the one state
 * directly, as one class would. Property names survive minifying, so parts reached through
 * `this.part.` and the calls passed between them cost a bundle several times what layers do.
 */
export abstract class ChatStoreState {
  /** The conversation id: the persistence key (`chat-<n>`, counted per page, when not given). */
  readonly id: string;

  /** The state as changed so far; listeners may not have heard of the newest change yet. */
  protected state: ChatState;
  /** Saves the conversation: at once on transitions, throttled while an answer streams. */
  protected readonly persistence: ChatPersistence;
  /** Bounds how often listeners hear; a turn waits on its `idle()` before it resolves. */
  protected readonly scheduler: NotifyScheduler;

  private published: ChatState;
  private readonly listeners = new Set<() => void>();
  private disposed = false;

  constructor(protected readonly options: ChatStoreOptions) {
    // Counted, not random: stores are created while rendering, where a server prerender
    // forbids randomness (and the id only matters as a persistence key, given then).
    this.id = options.id ?? `chat-${++unnamedStores}`;
    const storage = options.storage ?? null;
    if (storage && options.id === undefined) {
      throw new Error(
        'A ChatStore with `storage` needs an `id`: the conversation is saved and found again under it. Pass an id that stays the same across reloads (e.g. `id: "support"`).',
      );
    }
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

  /** Publishes pending streaming changes to listeners now. */
  flush(): void {
    this.scheduler.flush();
  }

  /**
   * Applies `patch` and tells listeners as `urgency` says. A streaming delta is saved
   * throttled, anything else at once; `save: false` for a change storage already holds (the
   * conversation just loaded from it). Nothing changes once disposed.
   */
  protected set(patch: Partial<ChatState>, urgency: Urgency, save = true): void {
    if (this.disposed) return;
    this.state = { ...this.state, ...patch };
    if (urgency === "now") this.scheduler.now();
    else if (urgency === "soon") this.scheduler.soon();
    else this.scheduler.request();
    if (save) this.persistence.request(urgency !== "batched");
  }

  /** Tells `onError` of `error` (as an `Error`), when the store has one. */
  protected report(error: unknown): void {
    this.options.onError?.(asError(error));
  }

  /**
   * Stops the answer being streamed (the turns layer's `stop`), so the chat ends ready
   * rather than busy.
   */
  abstract stop(): void;

  /** Stops everything: the request, pending notifications and saves. The store is unusable after. */
  dispose(): void {
    this.stop();
    this.disposed = true;
    this.scheduler.cancel();
    this.persistence.close();
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
