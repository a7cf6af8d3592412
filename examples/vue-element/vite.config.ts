import { defineConfig } from "vite";
import vue from "@vitejs/plugin-vue";

// The proxy runs beside Vite (`npm run proxy`: `colloquy serve --emulator`); the dev server
// forwards /api/openai to it, so the browser stays on one origin and the key stays on the server.
const proxyPort = process.env.COLLOQUY_PORT ?? "8787";

export default defineConfig({
  plugins: [
    // <colloquy-chat> is a custom element, not a Vue component.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === "colloquy-chat" } } }),
  ],
  server: {
    proxy: { "/api/openai": `http://127.0.0.1:${proxyPort}` },
  },
  preview: {
    proxy: { "/api/openai": `http://127.0.0.1:${proxyPort}` },
  },
});
