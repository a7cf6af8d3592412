import { ColloquyError } from "../errors.js";
import type { Message } from "../model/message.js";
import { startsNewResponse } from "./accumulate-responses-event.js";

type Loose = Record<string, unknown>;

/**
 * Checks that a Responses event comes after the events folded before it in the same stream.
 * Numbers may skip (a gap is folded as is), and events the stream's starting message already
 * held (`resumedAfter`, from a continued snapshot) are left for the accumulator to skip. An
 * event numbered at or below one this stream already folded means the stream is out of
 * order (or an earlier event jumped far ahead): folding on would silently drop every later
 * event, so the message fails with `out_of_order_event` instead, keeping what arrived.
 */
export function checkSequenceOrder(
  snapshot: Message,
  event: Loose,
  resumedAfter: number | undefined,
): void {
  const sequence = event.sequence_number;
  if (typeof sequence !== "number" || !Number.isFinite(sequence)) return;
  const last = snapshot.metadata.lastSequenceNumber;
  if (last === undefined || sequence > last) return;
  if (resumedAfter !== undefined && sequence <= resumedAfter) return;
  if (startsNewResponse(snapshot, event)) return;
  throw new ColloquyError(
    "out_of_order_event",
    `Event ${sequence} (${String(event.type)}) arrived after event ${last}: the stream's ` +
      "events are out of order, or one jumped ahead, so what follows cannot be placed. What " +
      "arrived so far is kept; retry the request. A proxy that reorders or merges event " +
      "streams causes this.",
    { snapshot },
  );
}
