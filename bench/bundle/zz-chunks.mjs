import { resolve } from "node:path";
import { build } from "vite";
import react from "@vitejs/plugin-react";
import { gzipSync } from "node:zlib";
import { sourceAliases } from "./build-entry.mjs";
const root = process.argv[2];
const result = await build({ configFile: false, logLevel: "silent", plugins: [react()], resolve: { alias: sourceAliases(root) },
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  build: { write: false, minify: true, sourcemap: false, modulePreload: false, reportCompressedSize: false,
    rollupOptions: { input: resolve(root, "bench/bundle/entries/" + (process.argv[4] ?? "colloquy-hooks.tsx")), external: ["react","react-dom","react-dom/client","react/jsx-runtime"] } } });
const outs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output).filter(o=>o.type==="chunk");
for (const c of outs) {
  console.log(c.isEntry?"ENTRY":"     ", c.fileName, gzipSync(c.code,{level:9}).length, "imports:", c.imports.join(","));
  if (process.argv[3]) for (const [m,info] of Object.entries(c.modules)) console.log("    ", m.replace(root,""), info.renderedLength);
}
