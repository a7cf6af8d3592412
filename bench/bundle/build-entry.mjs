// Builds one entry with Vite for production (React and react-dom left out) and measures the
// JavaScript a page loads up front: the entry chunk and its static imports, minified and gzipped.
import { gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { build } from "vite";

/** React, react-dom and the JSX runtime are the app's own; every bundle here leaves them out. */
const REACT = [/^react($|\/)/, /^react-dom($|\/)/, /^scheduler($|\/)/];

function moduleIdsOf(chunk) {
  if (Array.isArray(chunk.moduleIds)) return chunk.moduleIds;
  return Object.keys(chunk.modules ?? {});
}

/**
 * Aliases that point colloquy's package names at its sources, for measuring the working tree
 * without packing it (the size budget in `npm test`); `npm run bench` resolves the names
 * through the installed package instead.
 */
export function sourceAliases(root) {
  return [
    { find: /^colloquy$/, replacement: `${root}/src/core/index.ts` },
    { find: /^colloquy\/react$/, replacement: `${root}/src/react/index.ts` },
    { find: /^colloquy\/ui$/, replacement: `${root}/src/ui/index.ts` },
  ];
}

/**
 * Builds `entry` (an absolute path) in memory and returns
 * `{ minBytes, gzipBytes, lazyGzipBytes, lazyChunks, modules }` for its initial JavaScript.
 * `options.alias` is Vite's `resolve.alias` (see `sourceAliases`).
 */
export async function buildEntry(entry, options = {}) {
  const result = await build({
    configFile: false,
    logLevel: "silent",
    plugins: [react()],
    resolve: { alias: options.alias ?? [] },
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    build: {
      write: false,
      minify: true,
      sourcemap: false,
      modulePreload: false,
      reportCompressedSize: false,
      rollupOptions: { input: entry, external: REACT },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const chunks = new Map(outputs.filter((o) => o.type === "chunk").map((c) => [c.fileName, c]));
  const entryChunk = [...chunks.values()].find((chunk) => chunk.isEntry);
  if (!entryChunk) throw new Error(`No entry chunk was produced for ${entry}.`);
  const initial = new Set();
  const visit = (name) => {
    if (initial.has(name) || !chunks.has(name)) return;
    initial.add(name);
    for (const child of chunks.get(name).imports) visit(child);
  };
  visit(entryChunk.fileName);
  let minBytes = 0;
  let gzipBytes = 0;
  let lazyGzipBytes = 0;
  const lazyChunks = [];
  const modules = [];
  for (const [name, chunk] of chunks) {
    const size = gzipSync(chunk.code, { level: 9 }).length;
    if (!initial.has(name)) {
      lazyGzipBytes += size;
      lazyChunks.push({ name: chunk.name, gzipBytes: size });
      continue;
    }
    minBytes += Buffer.byteLength(chunk.code);
    gzipBytes += size;
    modules.push(...moduleIdsOf(chunk));
  }
  lazyChunks.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { minBytes, gzipBytes, lazyGzipBytes, lazyChunks, modules };
}

/** Packages that must never reach a browser bundle's chat path, with why. */
export const FORBIDDEN_IN_BROWSER = [
  { name: "openai", pattern: /[\\/]node_modules[\\/]openai[\\/]/, why: "use `import type` only" },
  {
    name: "zod",
    pattern: /[\\/]node_modules[\\/]zod[\\/]/,
    why: "keep zod out of the stream path",
  },
];

/** The forbidden packages found among a bundle's modules. */
export function forbiddenModules(modules) {
  return FORBIDDEN_IN_BROWSER.filter((rule) => modules.some((id) => rule.pattern.test(id)));
}

/**
 * Builds the standalone `<colloquy-chat>` scripts (vite.element.config.ts: React, the kit and
 * its CSS in one file each) in memory and returns `{ fileName, minBytes, gzipBytes, modules }`
 * for each of them.
 */
export async function buildStandaloneScripts(configFile) {
  const result = await build({
    configFile,
    logLevel: "silent",
    build: { write: false, reportCompressedSize: false },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  return outputs
    .filter((output) => output.type === "chunk")
    .map((chunk) => ({
      fileName: chunk.fileName,
      minBytes: Buffer.byteLength(chunk.code),
      gzipBytes: gzipSync(chunk.code, { level: 9 }).length,
      modules: moduleIdsOf(chunk),
    }));
}
