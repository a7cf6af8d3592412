/**
 * Fault injection: what can go wrong with one request, parsed from a spec such as
 * `429`, `disconnect-after=5`, or `slow=50,malformed`.
 */

/** The faults to apply to one request. */
export interface Faults {
  /** Answer with this HTTP error instead of a response. */
  status?: 429 | 500 | 503;
  /** Abort the connection after this many events. */
  disconnectAfter?: number;
  /** End the body cleanly after this many events, without the terminal event. */
  cutAfter?: number;
  /** Send this many events, then nothing until the client leaves. */
  stallAfter?: number;
  /** Milliseconds between events. */
  slowMs?: number;
  /** Send one event with invalid JSON in the middle of the stream. */
  malformed?: boolean;
}

/** The spec grammar, for error messages. */
export const FAULT_SPECS =
  "429, 500, 503, disconnect-after=N, cut-after=N, stall-after=N, slow=MS, malformed (comma-separated)";

function count(value: string | undefined, part: string): number {
  const parsed = Number(value);
  if (value === undefined || !Number.isInteger(parsed) || parsed < 0) {
    throw new Error(
      `Fault "${part}" needs a whole number after "=". Known faults: ${FAULT_SPECS}.`,
    );
  }
  return parsed;
}

/** Parses a fault spec; throws with the known specs when a part is not one of them. */
export function parseFaults(spec: string): Faults {
  const faults: Faults = {};
  for (const raw of spec.split(",")) {
    const part = raw.trim().toLowerCase();
    if (!part) continue;
    const [name, value] = part.split("=", 2) as [string, string | undefined];
    switch (name) {
      case "429":
      case "500":
      case "503":
        faults.status = Number(name) as 429 | 500 | 503;
        break;
      case "disconnect-after":
        faults.disconnectAfter = count(value, part);
        break;
      case "cut-after":
        faults.cutAfter = count(value, part);
        break;
      case "stall-after":
        faults.stallAfter = count(value, part);
        break;
      case "slow":
        faults.slowMs = count(value, part);
        break;
      case "malformed":
        faults.malformed = true;
        break;
      default:
        throw new Error(`Unknown fault "${part}". Known faults: ${FAULT_SPECS}.`);
    }
  }
  return faults;
}

/** Merges fault sets; later ones win field by field. */
export function mergeFaults(...sets: (Faults | undefined)[]): Faults {
  return Object.assign({}, ...sets.filter(Boolean)) as Faults;
}

/** A set of keys that forgets its oldest entries past `limit`, for once-only directives. */
export class BoundedSet {
  readonly #keys = new Set<string>();
  constructor(private readonly limit: number) {}

  /** Adds `key`; returns false when it was already there. */
  add(key: string): boolean {
    if (this.#keys.has(key)) return false;
    this.#keys.add(key);
    if (this.#keys.size > this.limit) {
      const oldest = this.#keys.values().next().value;
      if (oldest !== undefined) this.#keys.delete(oldest);
    }
    return true;
  }
}
