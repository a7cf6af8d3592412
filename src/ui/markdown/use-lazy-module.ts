import { useEffect, useState } from "react";

/** A module being loaded: `value` is set once it has arrived, never on failure. */
interface LoadingModule {
  value?: unknown;
  promise: Promise<void>;
}

const loaded = new WeakMap<() => Promise<unknown>, LoadingModule>();

/** Starts loading through `loader` the first time it is asked for; later calls share it. */
function loadOnce(loader: () => Promise<unknown>): LoadingModule {
  let entry = loaded.get(loader);
  if (!entry) {
    const created: LoadingModule = {
      promise: loader().then(
        (result) => {
          created.value = result;
        },
        () => undefined,
      ),
    };
    entry = created;
    loaded.set(loader, entry);
  }
  return entry;
}

/**
 * Starts loading through `loader` (shared with {@link useLazyModule}) and resolves with the
 * value once it has arrived, or `undefined` when it failed; later renders read it at once.
 */
export async function preloadLazyModule<T>(loader: () => Promise<T>): Promise<T | undefined> {
  const entry = loadOnce(loader);
  await entry.promise;
  return entry.value as T | undefined;
}

/**
 * Loads a module through `loader` (typically `() => import("./my-highlighter")`) once per
 * loader function and returns its value when it has arrived; `undefined` until then or
 * without a loader. Failures leave the value `undefined` so content still shows plain.
 *
 * A module already loaded is read during render, so a component mounted after it arrived
 * (every message of a long chat) renders once, not once more from an effect: that extra
 * render would be a second React commit in a streaming frame.
 */
export function useLazyModule<T>(loader: (() => Promise<T>) | undefined): T | undefined {
  const [, setArrivals] = useState(0);
  const entry = loader ? loaded.get(loader) : undefined;
  const hasValue = entry !== undefined && "value" in entry;

  useEffect(() => {
    if (!loader || hasValue) return;
    const loading = loadOnce(loader);
    // It may have arrived between this render and the effect.
    if ("value" in loading) {
      setArrivals((count) => count + 1);
      return;
    }
    let active = true;
    void loading.promise.then(() => {
      if (active && "value" in loading) setArrivals((count) => count + 1);
    });
    return () => {
      active = false;
    };
  }, [loader, hasValue]);

  return hasValue ? (entry.value as T) : undefined;
}
