import { useEffect, useState } from "react";

const loaded = new WeakMap<
  () => Promise<unknown>,
  { value?: unknown; promise: Promise<unknown> }
>();

/**
 * Loads a module through `loader` (typically `() => import("./my-highlighter")`) once per
 * loader function and returns its value when it has arrived; `undefined` until then or
 * without a loader. Failures leave the value `undefined` so content still shows plain.
 */
export function useLazyModule<T>(loader: (() => Promise<T>) | undefined): T | undefined {
  const cached = loader ? loaded.get(loader) : undefined;
  const [value, setValue] = useState<T | undefined>(cached?.value as T | undefined);

  useEffect(() => {
    if (!loader) {
      setValue(undefined);
      return;
    }
    let entry = loaded.get(loader);
    if (!entry) {
      const created: { value?: unknown; promise: Promise<unknown> } = {
        promise: loader().then(
          (result) => (created.value = result),
          () => undefined,
        ),
      };
      entry = created;
      loaded.set(loader, entry);
    }
    if ("value" in entry) {
      const ready = entry.value as T;
      setValue(() => ready);
      return;
    }
    let active = true;
    void entry.promise.then((result) => {
      if (active && result !== undefined) setValue(() => result as T);
    });
    return () => {
      active = false;
    };
  }, [loader]);

  return loader ? value : undefined;
}
