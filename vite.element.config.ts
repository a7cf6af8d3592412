import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { productionBuild } from "./production-build.js";

/**
 * The standalone `<colloquy-chat>` scripts for pages without a build step: one file each,
 * React, the kit and its CSS inside, lazy chunks folded in (a script tag cannot fetch chunks
 * relative to itself in every setup). `dist/colloquy-chat.js` is an ES module
 * (`<script type="module">`), `dist/colloquy-chat.iife.js` a classic script. Runs after the
 * library build (`npm run build`), so it must not empty dist.
 */
export default defineConfig({
  plugins: [productionBuild(), react()],
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  build: {
    outDir: "dist",
    emptyOutDir: false,
    sourcemap: false,
    minify: true,
    cssMinify: true,
    lib: {
      entry: "src/element/index.ts",
      name: "ColloquyChat",
      formats: ["es", "iife"],
      fileName: (format) => (format === "es" ? "colloquy-chat.js" : "colloquy-chat.iife.js"),
    },
    rollupOptions: { output: { codeSplitting: false, minify: true } },
  },
});
