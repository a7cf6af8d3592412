import react from "@vitejs/plugin-react";
import { build, type Rolldown } from "vite";

/** A page's production bundle: one script (every dynamic import inlined) and its CSS. */
export interface PageBundle {
  /** The ES module to run in the page. */
  js: string;
  /** All CSS the page imported. */
  css: string;
}

/**
 * Builds a bench page for production, React included, into memory. With `profiling`, React's
 * profiling build is used so `<Profiler onRender>` reports commits (production builds do not).
 */
export async function buildPage(entry: string, profiling = false): Promise<PageBundle> {
  const result = await build({
    configFile: false,
    logLevel: "silent",
    plugins: [react()],
    resolve: profiling ? { alias: { "react-dom/client": "react-dom/profiling" } } : {},
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    build: {
      write: false,
      minify: true,
      sourcemap: false,
      modulePreload: false,
      cssCodeSplit: false,
      reportCompressedSize: false,
      rollupOptions: { input: entry, output: { codeSplitting: false } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap(
    (r) => (r as Rolldown.RolldownOutput).output,
  );
  let js = "";
  let css = "";
  for (const output of outputs) {
    if (output.type === "chunk") js += output.code;
    else if (output.fileName.endsWith(".css")) css += String(output.source);
  }
  return { js, css };
}
