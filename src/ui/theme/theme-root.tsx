import { forwardRef, type HTMLAttributes } from "react";
import { InsideColloquyScope } from "./colloquy-scope.js";

/** Which palette a colloquy root uses: fixed light, fixed dark, or follow the OS setting. */
export type ColloquyTheme = "light" | "dark" | "system";

/** Props of {@link ThemeRoot}. */
export interface ThemeRootProps extends HTMLAttributes<HTMLDivElement> {
  /** The palette; `"system"` follows `prefers-color-scheme`. Defaults to `"light"`. */
  theme?: ColloquyTheme;
  /**
   * Switch off colloquy's own styling under this root (the tokens stay defined), for apps
   * that style every part themselves.
   */
  unstyled?: boolean;
}

/**
 * The `.colloquy` wrapper of colloquy's components: it defines the design tokens and selects
 * the light, dark or OS-driven palette for everything inside. A component used without one
 * sets the scope on itself, in the light palette.
 */
export const ThemeRoot = forwardRef<HTMLDivElement, ThemeRootProps>(function ThemeRoot(
  { theme = "light", unstyled = false, className, ...rest },
  ref,
) {
  return (
    <InsideColloquyScope.Provider value={true}>
      <div
        ref={ref}
        {...rest}
        className={className ? `colloquy ${className}` : "colloquy"}
        data-theme={theme}
        data-unstyled={unstyled ? "" : undefined}
      />
    </InsideColloquyScope.Provider>
  );
});
