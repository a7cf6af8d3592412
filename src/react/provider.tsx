import { createContext, useContext, useMemo, type ReactNode } from "react";
import { mergeColloquyOptions, type ColloquyOptions } from "./options.js";

const ColloquyContext = createContext<ColloquyOptions>({});

/** Props of `<ColloquyProvider>`: the connection options, and the app below. */
export interface ColloquyProviderProps extends ColloquyOptions {
  /** The app. */
  children?: ReactNode;
}

/**
 * Gives every colloquy hook below it the same connection options (endpoint, API, model,
 * headers, ...). Providers nest: an inner one overrides the outer one's values.
 */
export function ColloquyProvider({ children, ...options }: ColloquyProviderProps) {
  const outer = useContext(ColloquyContext);
  const { endpoint, api, model, defaults, headers, fetch, queryClient, client } = options;
  const value = useMemo(
    () =>
      mergeColloquyOptions(outer, {
        endpoint,
        api,
        model,
        defaults,
        headers,
        fetch,
        queryClient,
        client,
      }),
    [outer, endpoint, api, model, defaults, headers, fetch, queryClient, client],
  );
  return <ColloquyContext.Provider value={value}>{children}</ColloquyContext.Provider>;
}

/** The provider's options merged with a hook's own (the hook's win). */
export function useColloquyOptions(hook: ColloquyOptions): ColloquyOptions {
  return mergeColloquyOptions(useContext(ColloquyContext), hook);
}
