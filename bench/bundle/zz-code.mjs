import { resolve } from "node:path";
import { build } from "vite";
import react from "@vitejs/plugin-react";
import { sourceAliases } from "./build-entry.mjs";
const root = "/work/codec";
const result = await build({ configFile: false, logLevel: "silent", plugins: [react()], resolve: { alias: sourceAliases(root) },
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  build: { write: false, minify: true, sourcemap: false, modulePreload: false, reportCompressedSize: false,
    rollupOptions: { input: resolve(root, "bench/bundle/entries/colloquy-hooks.tsx"), external: ["react","react-dom","react-dom/client","react/jsx-runtime"] } } });
const outs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output).filter(o=>o.type==="chunk");
const e = outs.find(c=>c.isEntry);
console.log(e.code);
