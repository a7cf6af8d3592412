import { ColloquyError } from "../errors.js";

/**
 * Wraps a dynamic `import()` so the module loads once, on first use. A failed load is not
 * cached (the next call tries again) and surfaces as a `ColloquyError` that says what could
 * not load and what to do, rather than a bundler's bare "failed to fetch" message.
 */
export function loadOnce<T>(what: string, load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw new ColloquyError(
        "connection_error",
        `Could not load ${what} (${(error as Error)?.message ?? String(error)}). The app's JavaScript chunks must be reachable from the page: check the network and the deployment, then retry.`,
        { cause: error },
      );
    });
    return loading;
  };
}
