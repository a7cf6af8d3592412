import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const root = fileURLToPath(new URL(".", import.meta.url));
const repo = fileURLToPath(new URL("..", import.meta.url));

/** The playground app: served by scripts/start.mjs in development, built into playground/dist. */
export default defineConfig({
  root,
  plugins: [react()],
  server: { fs: { allow: [repo] } },
  build: { outDir: "dist", emptyOutDir: true },
});
