export { ThemeRoot, type ThemeRootProps, type ColloquyTheme } from "./theme-root.js";
