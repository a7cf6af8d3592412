/** The events of one Responses stream as they are made, numbered in order. */

type Json = Record<string, unknown>;

/** Adds `sequence_number` and keeps the list; one instance per stream. */
export class EventList {
  /** The events so far, each with its `sequence_number`. */
  readonly events: Json[] = [];
  /** Appends `event` with the next sequence number. */
  push(event: Json): void {
    this.events.push({ type: event.type, sequence_number: this.events.length, ...event });
  }
}
