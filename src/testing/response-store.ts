import { eventDelay, sleep, type Frame, type FrameSource, type Pace } from "./event-body.js";
import type { Faults } from "./faults.js";

/**
 * Responses kept in memory so `GET /v1/responses/{id}` can return them and background
 * streams can be resumed. A background run releases its events over time, detached from
 * any connection; readers wait for events that are not released yet.
 */

type Json = Record<string, unknown>;

/** One stored response and its events. */
export class StoredResponse {
  /** Its events, numbered by position (`sequence_number === index`). */
  readonly events: Json[];
  /** How many events have happened so far. */
  released = 0;
  /** Set when cancelled. */
  cancelled = false;
  /** When it finished (ms), for forgetting. */
  finishedAt: number | undefined;
  /** The conversation before this response's output (carried input, then its own input). */
  conversation: Json[] = [];
  /** This request's own input items, as `GET /v1/responses/{id}/input_items` lists them. */
  input: Json[] = [];
  readonly #waiters = new Set<() => void>();

  constructor(
    readonly id: string,
    events: Json[],
    /** Renders one event as an SSE frame (on demand, so stored responses stay small). */
    private readonly toFrame: (event: Json) => Frame,
    /** The response object to report once cancelled. */
    private readonly cancelledObject: () => Json,
  ) {
    this.events = events;
  }

  /** True when no more events will come. */
  get finished(): boolean {
    return this.cancelled || this.released >= this.events.length;
  }

  /** Releases the next event and wakes readers. */
  release(now: number): void {
    if (this.finished) return;
    this.released++;
    if (this.finished) this.finishedAt = now;
    this.#wake();
  }

  /** Stops releasing; readers end after what they already have. */
  cancel(now: number): void {
    if (this.finished) return;
    this.cancelled = true;
    this.finishedAt = now;
    this.#wake();
  }

  /**
   * Resolves on the next release, cancel or abort. The abort listener lives only while this
   * one wait does: a reader pulls once per event, and listeners left behind on its signal
   * would pile up (and trip Node's MaxListenersExceededWarning) on long streams.
   */
  #nextRelease(signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => {
        signal.removeEventListener("abort", wake);
        this.#waiters.delete(wake);
        resolve();
      };
      this.#waiters.add(wake);
      signal.addEventListener("abort", wake, { once: true });
    });
  }

  #wake(): void {
    for (const wake of this.#waiters) wake();
    this.#waiters.clear();
  }

  /** The response object as it stands now. */
  current(): Json {
    if (this.cancelled) return this.cancelledObject();
    for (let i = this.released - 1; i >= 0; i--) {
      const response = this.events[i]!.response as Json | undefined;
      if (response) {
        if (response.status !== "in_progress") return response;
        return { ...response, output: this.outputSoFar() };
      }
    }
    return this.events[0]!.response as Json;
  }

  /** Items finished so far. */
  outputSoFar(): Json[] {
    return this.events
      .slice(0, this.released)
      .filter((event) => event.type === "response.output_item.done")
      .map((event) => event.item as Json);
  }

  /** Frames from `start`, waiting for each until it is released. */
  source(start: number): FrameSource {
    return async (index, signal) => {
      const position = start + index;
      while (position >= this.released && !this.finished && !signal.aborted) {
        await this.#nextRelease(signal);
      }
      return position < this.released ? this.toFrame(this.events[position]!) : undefined;
    };
  }
}

/** Limits of the store. */
export interface StoreLimits {
  /** Most responses kept; the oldest finished ones go first. */
  maxResponses: number;
  /** Finished responses are forgotten after this many ms. */
  retainMs: number;
}

/** The in-memory store of one emulator. */
export class ResponseStore {
  readonly #responses = new Map<string, StoredResponse>();
  constructor(
    private readonly limits: StoreLimits,
    private readonly now: () => number,
  ) {}

  /** The response with `id`, if still kept. */
  get(id: string): StoredResponse | undefined {
    return this.#responses.get(id);
  }

  /** Forgets the response with `id`; false when it was not kept. */
  delete(id: string): boolean {
    const response = this.#responses.get(id);
    response?.cancel(this.now());
    return this.#responses.delete(id);
  }

  /** Keeps `response`, forgetting old ones to stay within the limits. */
  add(response: StoredResponse): void {
    this.#prune();
    this.#responses.set(response.id, response);
  }

  #prune(): void {
    const now = this.now();
    for (const [id, response] of this.#responses) {
      if (response.finishedAt !== undefined && now - response.finishedAt > this.limits.retainMs) {
        this.#responses.delete(id);
      }
    }
    for (const [id, response] of this.#responses) {
      if (this.#responses.size < this.limits.maxResponses) break;
      if (response.finished) this.#responses.delete(id);
    }
    // Past the limit even counting running ones, the oldest go regardless.
    for (const id of this.#responses.keys()) {
      if (this.#responses.size < this.limits.maxResponses) break;
      this.#responses.get(id)!.cancel(now);
      this.#responses.delete(id);
    }
  }

  /**
   * Releases a run's events over time, detached from any connection: queued, then in
   * progress, then every event at the pace asked for.
   */
  run(response: StoredResponse, pace: Pace, faults: Faults): void {
    const signal = new AbortController().signal;
    void (async () => {
      let index = 0;
      while (!response.finished) {
        const event = response.events[index];
        const delta = String(event?.type).endsWith(".delta");
        const delay = eventDelay(index, delta, pace, faults);
        // Yield even at zero delay, so the POST returns before the run is over.
        await (delay > 0 ? sleep(delay, signal) : Promise.resolve());
        response.release(this.now());
        index++;
      }
    })();
  }
}
