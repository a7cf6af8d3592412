import { createParser } from "eventsource-parser";
import type { Usage } from "../../core/model/usage.js";
import { usageFromPayload } from "./normalise-usage.js";
import type { RelayWatch } from "./relay-watch.js";

/**
 * Watches the chunks of a relayed SSE body as they pass (see `relaySse`): the relay calls
 * `see` before passing each chunk on, `end` when the body ended, and `lostEvent` when the
 * upstream failed.
 */
interface ChunkWatcher {
  /**
   * Looks at the next chunk. Returns a promise when the chunk must wait before it is passed
   * on (the response id is being noted), else undefined: most chunks cost no promise.
   */
  see(chunk: Uint8Array): Promise<void> | undefined;
  /** The body ended: reports the usage. */
  end(): void;
  /**
   * The bytes that end the stream cleanly after an upstream failure, or undefined when the
   * failure cut an event in half (or no lost event was asked for): then the relay breaks.
   */
  lostEvent(): Uint8Array | undefined;
}

/** True when `tail` (the last bytes passed on) ends an SSE event: a blank line. */
function endsEvent(tail: string): boolean {
  return tail.endsWith("\n\n") || tail.endsWith("\r\r") || tail.endsWith("\r\n\r\n");
}

/** The last four bytes of a chunk as Latin-1 text, enough to find a trailing blank line. */
function latin1Tail(chunk: Uint8Array): string {
  let tail = "";
  for (let i = Math.max(0, chunk.byteLength - 4); i < chunk.byteLength; i++) {
    tail += String.fromCharCode(chunk[i]!);
  }
  return tail;
}

/**
 * Where a Responses event names its response first: `"response":{"id":"resp_..."`. The
 * created event is large (the whole response object); finding the id in its text is cheaper
 * than parsing it, and it is on every answer's time to first byte. Events of another shape
 * are parsed.
 */
const RESPONSE_ID = /"response":\{"id":"([^"\\]+)"/;

function idOf(data: string): string | undefined {
  const found = RESPONSE_ID.exec(data)?.[1];
  if (found !== undefined) return found;
  try {
    const response = (JSON.parse(data) as { response?: { id?: unknown } } | null)?.response;
    return typeof response?.id === "string" ? response.id : undefined;
  } catch {
    // A malformed event is the client's to report; the watcher only looks.
    return undefined;
  }
}

/** A `sequence_number` field in an event's JSON (in a model's text its quotes are escaped). */
const SEQUENCE_NUMBER = /"sequence_number":\s*(\d+)/g;

/** The highest sequence number in `text`, or `highest` when it shows none higher. */
function highestSequence(text: string, highest: number): number {
  for (const match of text.matchAll(SEQUENCE_NUMBER)) highest = Math.max(highest, Number(match[1]));
  return highest;
}

/** A `container_id` field in an event's JSON (in a model's text its quotes are escaped). */
const CONTAINER_ID = /"container_id":\s*"([^"\\]{1,200})"/g;

/**
 * Finds the container ids a stream names, chunk by chunk: the last bytes of each chunk are
 * kept, so an id split across two chunks is read whole from the next one.
 */
function containerFinder(): (chunk: Uint8Array) => string[] {
  const decoder = new TextDecoder();
  const seen = new Set<string>();
  let carry = "";
  return (chunk) => {
    const text = carry + decoder.decode(chunk, { stream: true });
    carry = text.slice(-240);
    if (!text.includes("container_id")) return [];
    const found: string[] = [];
    for (const match of text.matchAll(CONTAINER_ID)) {
      const id = match[1]!;
      if (seen.has(id)) continue;
      seen.add(id);
      found.push(id);
    }
    return found;
  };
}

function usageOf(data: string): Usage | undefined {
  try {
    return usageFromPayload(JSON.parse(data) as unknown);
  } catch {
    return undefined;
  }
}

/**
 * Watches an SSE body for the response id and the usage without touching its bytes: the
 * parser reads a decoded copy beside the pass-through, and stops reading once nothing more
 * is wanted.
 */
export function createSseWatcher(watch: RelayWatch): ChunkWatcher {
  let usage: Usage | undefined;
  let id: string | undefined;
  let pendingId: string | undefined;
  const decoder = new TextDecoder();
  const parser = createParser({
    onEvent(event) {
      if (watch.onId !== undefined && id === undefined && pendingId === undefined) {
        pendingId = idOf(event.data);
      }
      // Only the final events carry usage; skipping the rest avoids parsing every delta.
      if (watch.onUsage !== undefined && event.data.includes('"usage"')) {
        usage = usageOf(event.data) ?? usage;
      }
    },
  });
  const watching = () => watch.onUsage !== undefined || (watch.onId !== undefined && !id);
  // The last few bytes passed on (as text: line endings are ASCII), to tell whether a failure
  // falls between two events. Starts at a boundary: nothing was sent yet.
  let tail = "\n\n";
  let fed = false;
  // Followed on a decoded copy of its own; the last bytes of each chunk are kept, so a number
  // split across two chunks is read whole from the next one.
  const sequenceDecoder = new TextDecoder();
  let sequenceCarry = "";
  let lastSequence = -1;
  const findContainers = watch.onContainer ? containerFinder() : undefined;
  return {
    see(chunk) {
      if (watching()) {
        const text = decoder.decode(chunk, { stream: true });
        // The created event usually comes whole in the first chunk: when only the id is
        // wanted, it is found in the text without parsing the event stream at all.
        const found = !fed && watch.onUsage === undefined ? RESPONSE_ID.exec(text)?.[1] : undefined;
        if (found !== undefined) pendingId = found;
        else {
          fed = true;
          parser.feed(text);
        }
      }
      if (watch.lostEvent !== undefined && chunk.byteLength > 0) {
        tail = (tail + latin1Tail(chunk)).slice(-4);
        if (watch.sequenced) {
          const text = sequenceCarry + sequenceDecoder.decode(chunk, { stream: true });
          lastSequence = highestSequence(text, lastSequence);
          sequenceCarry = text.slice(-32);
        }
      }
      const containers = findContainers?.(chunk) ?? [];
      const notings = containers.map((container) => watch.onContainer!(container));
      if (pendingId !== undefined && id === undefined) {
        id = pendingId;
        const noting = watch.onId?.(id);
        if (noting) notings.push(noting);
      }
      if (notings.length === 0) return undefined;
      return notings.length === 1 ? notings[0] : Promise.all(notings).then(() => undefined);
    },
    end() {
      if (!watch.onUsage) return;
      parser.feed(decoder.decode());
      if (usage) watch.onUsage(usage, id ?? pendingId);
    },
    lostEvent() {
      if (watch.lostEvent === undefined || !endsEvent(tail)) return undefined;
      return new TextEncoder().encode(watch.lostEvent(lastSequence + 1));
    },
  };
}
