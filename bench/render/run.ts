import { resolve } from "node:path";
import { buildPage } from "../browser/build-page.js";
import { openPage } from "../browser/open-page.js";
import { benchOptions, publish, ROOT, type Table, type TargetCheck } from "../lib/report.js";
import { median, percentile, ratio, round } from "../lib/stats.js";
import type { RenderRequest, RenderRun } from "./page.js";
import { chunkSizes, generateMarkdown } from "./generate-markdown.js";

/**
 * render: in Chromium, seeded markdown documents streamed in 4-6 character chunks, each
 * chunk committed at once (flushSync), into each renderer. Main-thread time is DevTools'
 * TaskDuration around the whole document; per-chunk figures time each commit.
 */
const options = benchOptions();
const ALL_CONTENDERS = [
  { id: "colloquy", name: "colloquy <Markdown>" },
  { id: "floor", name: "floor (a text node)" },
  { id: "marked", name: "marked + DOMPurify innerHTML" },
  { id: "react-markdown", name: "react-markdown + remark-gfm" },
  { id: "streamdown", name: "Streamdown" },
];
const CONTENDERS = ALL_CONTENDERS.filter((c) => !options.only || options.only.includes(c.id));
const SIZES = [10, 40, 160];
const budgetMs = options.quick ? 12_000 : 60_000;
/**
 * The targets compare colloquy with the floor over whole documents, so those two always get
 * enough time to finish; the budget only stops the slow peers. With layout forced, the
 * targets compare with Streamdown (stopped early), so a shorter extension does.
 */
const TARGET_CONTENDERS = ["colloquy", "floor"];
const targetBudgetMs = 20 * budgetMs;
const targetLayoutBudgetMs = 10 * budgetMs;
function budgetOf(contender: string, layout: boolean): number {
  if (!TARGET_CONTENDERS.includes(contender)) return budgetMs;
  return layout ? targetLayoutBudgetMs : targetBudgetMs;
}
/** In quick mode the layout variant runs only what its target compares. */
const LAYOUT_CONTENDERS = options.quick
  ? ["colloquy", "floor", "streamdown"]
  : CONTENDERS.map((c) => c.id);

interface Cell {
  contender: string;
  kb: number;
  layout: boolean;
  totalMs: number[];
  chunkMs: number[];
  /** Per-chunk ms of the first run, for comparing equal prefixes. */
  firstRunMs: number[];
  chunksDone: number;
  chunks: number;
  textLength: number;
}

const bundle = await buildPage(resolve(ROOT, "bench/render/page.tsx"));
const browser = await openPage(bundle);
const cells: Cell[] = [];
try {
  for (const layout of [false, true]) {
    for (const kb of SIZES) {
      const text = generateMarkdown(kb * 1024);
      const sizes = chunkSizes(text.length);
      for (const contender of CONTENDERS) {
        if (layout && !LAYOUT_CONTENDERS.includes(contender.id)) continue;
        const cell: Cell = {
          contender: contender.id,
          kb,
          layout,
          totalMs: [],
          chunkMs: [],
          firstRunMs: [],
          chunksDone: 0,
          chunks: sizes.length,
          textLength: 0,
        };
        cells.push(cell);
        for (let round = 0; round < options.runs; round++) {
          const request: RenderRequest = {
            contender: contender.id,
            text,
            sizes,
            layout,
            budgetMs: budgetOf(contender.id, layout),
          };
          const before = await browser.taskMs();
          const result = await browser.page.evaluate(
            (r) =>
              (
                window as unknown as { benchRender(r: RenderRequest): Promise<RenderRun> }
              ).benchRender(r),
            request,
          );
          cell.totalMs.push((await browser.taskMs()) - before);
          cell.chunkMs.push(...result.chunkMs);
          if (round === 0) cell.firstRunMs = result.chunkMs;
          cell.chunksDone = result.chunksDone;
          cell.textLength = result.textLength;
          // A renderer that cannot finish within the budget is not run again.
          if (result.chunksDone < sizes.length) break;
        }
        console.error(
          `render ${contender.id} ${kb}KB layout=${layout}: ${round(median(cell.totalMs))} ms (${cell.chunksDone}/${sizes.length} chunks)`,
        );
      }
    }
  }
} finally {
  await browser.close();
}

function cellOf(contender: string, kb: number, layout: boolean): Cell | undefined {
  return cells.find((c) => c.contender === contender && c.kb === kb && c.layout === layout);
}
function finished(cell: Cell | undefined): boolean {
  return cell !== undefined && cell.chunksDone === cell.chunks;
}
function total(cell: Cell | undefined): number | undefined {
  return finished(cell) ? median(cell!.totalMs) : undefined;
}

/**
 * `a / b` over the chunks both rendered (their first run's commit times), for renderers the
 * time budget stopped: the same prefix of the same document, so still a fair ratio.
 */
function prefixRatio(
  a: Cell | undefined,
  b: Cell | undefined,
): { value: number; chunks: number } | undefined {
  if (!a || !b) return undefined;
  const chunks = Math.min(a.firstRunMs.length, b.firstRunMs.length);
  if (chunks === 0) return undefined;
  const sum = (values: number[]) => values.slice(0, chunks).reduce((x, y) => x + y, 0);
  return { value: sum(a.firstRunMs) / sum(b.firstRunMs), chunks };
}
function prefixLabel(r: { value: number; chunks: number } | undefined, of: number): string {
  return r ? `${round(r.value)}x (first ${Math.round((100 * r.chunks) / of)}%)` : "n/a";
}

const tables: Table[] = [];
for (const layout of [false, true]) {
  for (const kb of SIZES) {
    const floor = total(cellOf("floor", kb, layout));
    tables.push({
      title: `render: ${kb} KB document${layout ? ", with style+layout per chunk" : ""} (${cellOf("floor", kb, layout)?.chunks} chunks), median of ${options.runs}`,
      columns: [
        "renderer",
        "main-thread ms",
        "vs floor",
        "commit ms vs floor, same chunks",
        "chunk p50",
        "p95",
        "p99",
      ],
      rows: CONTENDERS.filter(({ id }) => cellOf(id, kb, layout)).map(({ id, name }) => {
        const cell = cellOf(id, kb, layout)!;
        const done = finished(cell);
        return [
          name,
          done
            ? round(median(cell.totalMs))
            : `> ${round(budgetOf(id, layout))} (stopped at ${Math.round((100 * cell.chunksDone) / cell.chunks)}%)`,
          done ? ratio(median(cell.totalMs), floor) : "n/a",
          prefixLabel(prefixRatio(cell, cellOf("floor", kb, layout)), cell.chunks),
          round(percentile(cell.chunkMs, 50)),
          round(percentile(cell.chunkMs, 95)),
          round(percentile(cell.chunkMs, 99)),
        ];
      }),
    });
  }
}
tables.push({
  title: "render: growth 10 KB -> 160 KB (total main-thread ms)",
  columns: ["renderer", "no layout", "with layout"],
  rows: CONTENDERS.map(({ id, name }) => [
    name,
    ratio(total(cellOf(id, 160, false)), total(cellOf(id, 10, false))),
    ratio(total(cellOf(id, 160, true)), total(cellOf(id, 10, true))),
  ]),
});

const targets: TargetCheck[] = [];
for (const kb of [40, 160]) {
  const c = total(cellOf("colloquy", kb, false));
  const f = total(cellOf("floor", kb, false));
  const prefix = prefixRatio(cellOf("colloquy", kb, false), cellOf("floor", kb, false));
  const chunks = cellOf("floor", kb, false)?.chunks ?? 1;
  targets.push({
    name: `colloquy <= 5x the floor (${kb} KB)`,
    measured: c !== undefined && f !== undefined ? ratio(c, f) : prefixLabel(prefix, chunks),
    met: c !== undefined && f !== undefined ? c <= 5 * f : prefix ? prefix.value <= 5 : undefined,
  });
}
const g160 = total(cellOf("colloquy", 160, false));
const g10 = total(cellOf("colloquy", 10, false));
targets.push({
  name: "colloquy growth 10 -> 160 KB <= 24x",
  measured: ratio(g160, g10),
  met: g160 !== undefined && g10 !== undefined ? g160 <= 24 * g10 : undefined,
});
const big = cellOf("colloquy", 160, false);
const p99 = big ? percentile(big.chunkMs, 99) : undefined;
targets.push({
  name: "colloquy p99 per chunk <= 4 ms (160 KB)",
  measured: `${round(p99 ?? Number.NaN)} ms`,
  met: p99 !== undefined ? p99 <= 4 : undefined,
});
for (const kb of SIZES) {
  const c = total(cellOf("colloquy", kb, true));
  const streamdown = cellOf("streamdown", kb, true);
  const s = total(streamdown);
  const prefix = prefixRatio(cellOf("colloquy", kb, true), streamdown);
  targets.push({
    name: `colloquy with layout <= 1/3 of Streamdown (${kb} KB)`,
    measured:
      c !== undefined && s !== undefined
        ? ratio(c, s)
        : prefixLabel(prefix, streamdown?.chunks ?? 1),
    met:
      c !== undefined && s !== undefined ? c <= s / 3 : prefix ? prefix.value <= 1 / 3 : undefined,
  });
}

publish(
  "render",
  {
    tables,
    targets,
    data: cells.map((cell) => ({
      ...cell,
      chunkMs: undefined,
      firstRunMs: undefined,
      p50: percentile(cell.chunkMs, 50),
      p95: percentile(cell.chunkMs, 95),
      p99: percentile(cell.chunkMs, 99),
    })),
  },
  [
    "react",
    "react-dom",
    "react-markdown",
    "remark-gfm",
    "streamdown",
    "marked",
    "dompurify",
    "playwright-core",
  ],
  {
    ...options,
    budgetMs,
    targetBudgetMs,
    targetLayoutBudgetMs,
    chunkChars: "4-6",
    chromium: browser.version,
  },
);
