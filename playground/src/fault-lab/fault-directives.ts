/** One fault the emulator can inject, as the lab lists it. */
export interface FaultDirective {
  /** What to type in the message, e.g. `[fault:503]`. */
  directive: string;
  /** What happens. */
  effect: string;
}

/**
 * The emulator's faults. A directive in the last user message fails only the first try of
 * that exact request, so Retry has to recover.
 */
export const FAULT_DIRECTIVES: readonly FaultDirective[] = [
  { directive: "[fault:429]", effect: "rate limited, with retry-after: 1" },
  { directive: "[fault:500]", effect: "internal server error" },
  { directive: "[fault:503]", effect: "overloaded" },
  { directive: "[fault:disconnect-after=8]", effect: "connection reset mid-stream" },
  { directive: "[fault:cut-after=8]", effect: "stream ends early, without its last event" },
  { directive: "[fault:malformed]", effect: "one event that is not JSON" },
  { directive: "[fault:stall-after=8]", effect: "stream stops; pick a timeout to end it" },
  { directive: "[fault:slow=200]", effect: "200 ms between events (combine with the others)" },
];
