import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const repo = fileURLToPath(new URL("..", import.meta.url));

/**
 * The recorded OpenAI traffic the stories replay, read in place with `?raw` imports (never
 * copied into the repo): $COLLOQUY_CAPTURES, else ../shared/fixtures/openai beside the repo.
 */
export const capturesDir = resolve(
  process.env.COLLOQUY_CAPTURES ?? resolve(repo, "..", "shared", "fixtures", "openai"),
);

/** Storybook's own Vite config: React, and the `@captures` alias with file access to it. */
export default defineConfig({
  plugins: [react()],
  resolve: { alias: { "@captures": capturesDir } },
  server: { fs: { allow: [repo, capturesDir] } },
});
