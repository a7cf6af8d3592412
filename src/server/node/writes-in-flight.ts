/**
 * Counts writes not yet handed to the socket, with one shared callback so that tracking costs
 * no allocation per chunk.
 */
export function writesInFlight(): { track: () => () => void; all: () => Promise<void> } {
  let pending = 0;
  let wake: (() => void) | undefined;
  const written = () => {
    pending -= 1;
    if (pending === 0 && wake) {
      wake();
      wake = undefined;
    }
  };
  return {
    track() {
      pending += 1;
      return written;
    },
    all() {
      return pending === 0 ? Promise.resolve() : new Promise<void>((resolve) => (wake = resolve));
    },
  };
}
