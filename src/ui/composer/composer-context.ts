import { createContext, useContext } from "react";
import type { ComposerState } from "./use-composer-state.js";

/** The state of the composer a part sits in; set by `Composer.Root`. */
export const ComposerContext = createContext<ComposerState | null>(null);

/** The enclosing composer's state, or a clear error for a part used outside `Composer.Root`. */
export function useComposerContext(part: string): ComposerState {
  const state = useContext(ComposerContext);
  if (!state) {
    throw new Error(
      `<${part}> must be inside <Composer.Root> (or use <Composer>, which composes every part).`,
    );
  }
  return state;
}
