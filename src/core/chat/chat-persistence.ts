import type { ChatStorage, StoredChat } from "./storage.js";
import { isChatBranches } from "./branches.js";

/**
 * Keeps one conversation in a `ChatStorage`: loads it once, then saves at once on
 * transitions and at most every `throttleMs` while a message streams, so a reload finds the
 * streaming snapshot (and can resume it) without a write per token.
 */
export class ChatPersistence {
  private loaded = false;
  private closed = false;
  private lastSave = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly storage: ChatStorage | null,
    private readonly id: string,
    private readonly throttleMs: number,
    private readonly current: () => Omit<StoredChat, "version">,
    private readonly report: (error: unknown) => void,
  ) {}

  /** The saved chat, or undefined when none. Saving starts only after this ran. */
  async load(): Promise<Omit<StoredChat, "version"> | undefined> {
    try {
      const stored = this.storage ? await this.storage.load(this.id) : undefined;
      if (!stored || stored.messages.length === 0) return undefined;
      // Branches that do not read back (a hand-edited entry) are dropped, the messages stay.
      return isChatBranches(stored.branches)
        ? { messages: stored.messages, branches: stored.branches }
        : { messages: stored.messages };
    } catch (error) {
      this.report(error);
      return undefined;
    } finally {
      this.loaded = true;
    }
  }

  /** Saves now (`immediate`) or within the throttle window. Nothing before `load()`, so an empty start never overwrites a saved chat. */
  request(immediate: boolean): void {
    if (!this.storage || !this.loaded || this.closed) return;
    const wait = immediate ? 0 : this.lastSave + this.throttleMs - Date.now();
    if (wait <= 0) this.save();
    else this.timer ??= setTimeout(() => this.save(), wait);
  }

  /** Forgets the saved conversation. */
  async remove(): Promise<void> {
    if (this.storage) await this.storage.remove(this.id);
  }

  /** Drops a pending save; nothing is saved after. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private save(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.storage || this.closed) return;
    this.lastSave = Date.now();
    try {
      const pending = this.storage.save(this.id, { version: 1, ...this.current() });
      if (pending) pending.catch(this.report);
    } catch (error) {
      this.report(error);
    }
  }
}
