import { ColloquyError } from "../errors.js";
import type { Message } from "../model/message.js";

/**
 * Bounds on what one streamed answer may make the reader hold, so that folding any event
 * sequence takes time linear in its length: each event copies at most the message's parts
 * and its unknown events, and these bounds cap both. Real answers stay far below them.
 */

/** Most parts one message may have; an event that would add more fails the message. */
export const MAX_MESSAGE_PARTS = 1000;

/**
 * Most unknown events kept in `metadata.unknownEvents`; later ones are counted in
 * `metadata.unknownEventsOmitted` instead.
 */
export const MAX_UNKNOWN_EVENTS = 200;

/**
 * Most bytes the reader reads ahead of its consumer. Past it, the reader waits for the
 * consumer to catch up and the body's own queue (and the network) hold the rest.
 */
export const MAX_READ_AHEAD_BYTES = 8 * 1024 * 1024;

/** The error for an event that would give `snapshot` more than {@link MAX_MESSAGE_PARTS} parts. */
export function tooManyPartsError(snapshot: Message, what: string): ColloquyError {
  return new ColloquyError(
    "too_many_parts",
    `${what} would give the answer more than ${MAX_MESSAGE_PARTS} parts, more than any real ` +
      "answer has; the stream was not read further. What arrived so far is kept. The server " +
      "or a proxy sent a malformed stream; retry the request.",
    { snapshot },
  );
}
