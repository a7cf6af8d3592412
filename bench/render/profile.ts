// `npx tsx bench/render/profile.ts [contender] [kb] [--from P] [--layout]`: streams one document into
// one renderer in Chromium under the DevTools CPU profiler and prints where the main thread
// spent its time (self time per function). `--from P` starts profiling at P% of the chunks,
// to see what late chunks of a long document cost. The bundle is not minified, so function
// names are readable.
import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { chromium } from "playwright-core";
import { build, type Rolldown } from "vite";
import { chromiumLaunchOptions } from "../../test/support/chromium.js";
import { ROOT } from "../lib/report.js";
import { chunkSizes, generateMarkdown } from "./generate-markdown.js";
import type { RenderRequest, RenderRun } from "./page.js";

const args = process.argv.slice(2);
const fromAt = args.indexOf("--from");
const fromPercent = fromAt >= 0 ? Number(args[fromAt + 1]) : 0;
const positional = args.filter((arg, i) => !arg.startsWith("--") && args[i - 1] !== "--from");
const contender = positional[0] ?? "colloquy";
const kb = Number(positional[1] ?? 40);

const result = await build({
  configFile: false,
  logLevel: "silent",
  plugins: [react()],
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  build: {
    write: false,
    minify: false,
    sourcemap: false,
    modulePreload: false,
    cssCodeSplit: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: resolve(ROOT, "bench/render/page.tsx"),
      output: { codeSplitting: false },
    },
  },
});
const outputs = (Array.isArray(result) ? result : [result]).flatMap(
  (r) => (r as Rolldown.RolldownOutput).output,
);
const js = outputs.map((o) => (o.type === "chunk" ? o.code : "")).join("");
if (process.env.PROFILE_BUNDLE_OUT)
  (await import("node:fs")).writeFileSync(process.env.PROFILE_BUNDLE_OUT, js);

const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await browser.newPage();
  const origin = "http://127.0.0.1:9/";
  await page.route(origin, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: '<!doctype html><html><body><div id="root"></div></body></html>',
    }),
  );
  await page.goto(origin);
  await page.addScriptTag({ content: js, type: "module" });
  await page.waitForFunction(() => (window as { benchReady?: boolean }).benchReady === true);
  const session = await page.context().newCDPSession(page);
  await session.send("Profiler.enable");
  await session.send("Profiler.setSamplingInterval", { interval: 200 });

  const text = generateMarkdown(kb * 1024);
  const sizes = chunkSizes(text.length);
  const split = Math.floor((sizes.length * fromPercent) / 100);
  const prefix = sizes.slice(0, split).reduce((a, b) => a + b, 0);
  type Bench = {
    benchRender(r: RenderRequest & { profileFrom?: number }): Promise<RenderRun>;
  };
  // Stream the part before `--from` unprofiled, then the rest under the profiler.
  await page.exposeFunction("benchProfileStart", () => session.send("Profiler.start"));
  const request: RenderRequest & { profileFrom?: number } = {
    contender,
    text,
    sizes,
    layout: args.includes("--layout"),
    budgetMs: 600_000,
    profileFrom: split,
  };
  if (split === 0) await session.send("Profiler.start");
  const run = await page.evaluate((r) => (window as unknown as Bench).benchRender(r), request);
  const { profile } = await session.send("Profiler.stop");

  const selfUs = new Map<string, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, index) => {
    const node = byId.get(id)!;
    const { functionName, lineNumber, columnNumber } = node.callFrame;
    const key = `${functionName || "(anonymous)"}:${lineNumber + 1}:${columnNumber + 1}`;
    selfUs.set(key, (selfUs.get(key) ?? 0) + (deltas[index + 1] ?? 0));
  });
  // Inclusive time: every function on the sampled stack, once per sample.
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  const totalUsIncl = new Map<string, number>();
  (profile.samples ?? []).forEach((id, index) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const name = byId.get(at)!.callFrame.functionName || "(anonymous)";
      if (seen.has(name)) continue;
      seen.add(name);
      totalUsIncl.set(name, (totalUsIncl.get(name) ?? 0) + (deltas[index + 1] ?? 0));
    }
  });
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const profiledChunks = run.chunkMs.slice(split);
  console.log(
    `${contender} ${kb} KB: ${run.chunksDone}/${sizes.length} chunks, profiled from chunk ${split} (char ${prefix}); ` +
      `commit ms of profiled chunks ${Math.round(profiledChunks.reduce((a, b) => a + b, 0))}, profile ${Math.round(totalUs / 1000)} ms`,
  );
  for (const [key, us] of [...selfUs].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
    console.log(
      `${(us / 1000).toFixed(1).padStart(9)} ms  ${((100 * us) / totalUs).toFixed(1).padStart(5)}%  ${key}`,
    );
  }
  console.log("inclusive:");
  for (const [name, us] of [...totalUsIncl].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
    console.log(`${(us / 1000).toFixed(1).padStart(9)} ms  ${name}`);
  }
} finally {
  await browser.close();
}
