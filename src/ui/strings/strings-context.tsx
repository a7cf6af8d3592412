import { createContext, useContext, useMemo, type ReactNode } from "react";
import { defaultStrings, type UiStrings } from "./default-strings.js";

const StringsContext = createContext<UiStrings>(defaultStrings);

/** Props of {@link StringsProvider}. */
export interface StringsProviderProps {
  /** Strings to override; the rest come from the enclosing provider (or the defaults). */
  strings: Partial<UiStrings>;
  /** The subtree that sees the strings. */
  children?: ReactNode;
}

/** Overrides some UI strings (translation, wording) for everything inside it. Nests. */
export function StringsProvider({ strings, children }: StringsProviderProps): ReactNode {
  const parent = useContext(StringsContext);
  const merged = useMemo(() => ({ ...parent, ...definedOnly(strings) }), [parent, strings]);
  return <StringsContext.Provider value={merged}>{children}</StringsContext.Provider>;
}

/** The UI strings in effect: the defaults with every enclosing provider's overrides merged. */
export function useStrings(): UiStrings {
  return useContext(StringsContext);
}

// An explicit `undefined` in an override must not erase a default.
function definedOnly(strings: Partial<UiStrings>): Partial<UiStrings> {
  const result: Partial<UiStrings> = {};
  for (const [key, value] of Object.entries(strings)) {
    if (value !== undefined) (result as Record<string, unknown>)[key] = value;
  }
  return result;
}
