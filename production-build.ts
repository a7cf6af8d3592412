import type { Plugin } from "vite";

/**
 * Makes every `vite build` of the package a production build, whatever NODE_ENV the caller
 * runs it with (Vitest sets "test", a shell may set "development"). Vite derives its
 * production mode, and the JSX transform its choice between `react/jsx-runtime` and the
 * development `jsxDEV` (which React's production build does not have), from NODE_ENV as it
 * stands after the config hooks; so the hook sets it there, for builds only (the test
 * projects that share the config serve, and keep React's development warnings).
 */
export const productionBuild = (): Plugin => ({
  name: "colloquy-production-build",
  config(_config, { command }) {
    if (command !== "build") return;
    process.env.NODE_ENV = "production";
    return { oxc: { jsx: { development: false } } };
  },
});
