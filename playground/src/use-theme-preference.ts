import { useEffect, useState } from "react";

/** The playground's palette. */
export type PlaygroundTheme = "light" | "dark";

const STORAGE_KEY = "colloquy-playground:theme";

function initialTheme(): PlaygroundTheme {
  const saved = window.localStorage.getItem(STORAGE_KEY);
  if (saved === "light" || saved === "dark") return saved;
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** Light or dark, starting from the saved choice or the OS setting, and remembered. */
export function useThemePreference(): [PlaygroundTheme, (theme: PlaygroundTheme) => void] {
  const [theme, setTheme] = useState<PlaygroundTheme>(initialTheme);
  useEffect(() => {
    window.localStorage.setItem(STORAGE_KEY, theme);
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return [theme, setTheme];
}
