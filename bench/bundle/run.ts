import { resolve } from "node:path";
import { benchOptions, publish, ROOT, type TargetCheck } from "../lib/report.js";
import { round } from "../lib/stats.js";
import { buildEntry, forbiddenModules, type EntrySize } from "./build-entry.mjs";

/**
 * bundle: production builds (Vite, React and react-dom left out) of minimal apps, and the
 * minified and gzipped JavaScript each loads up front. Sizes are deterministic: one build each.
 */
const ENTRIES = [
  {
    name: "colloquy core (createChatClient + readMessageStream)",
    file: "colloquy-core.ts",
    budget: 15,
  },
  { name: "colloquy createChatClient alone", file: "colloquy-client.ts" },
  { name: "colloquy core + useChat", file: "colloquy-hooks.tsx", budget: 15 },
  { name: "colloquy <Chat> with markdown", file: "colloquy-chat.tsx", budget: 45 },
  { name: "colloquy <Markdown> alone", file: "colloquy-markdown.tsx" },
  { name: "AI SDK useChat (@ai-sdk/react)", file: "ai-sdk-use-chat.tsx" },
  { name: "react-markdown + remark-gfm", file: "react-markdown.tsx" },
  { name: "Streamdown", file: "streamdown.tsx" },
];

const options = benchOptions();
const kb = (bytes: number) => round(bytes / 1024);
const sizes: Record<string, EntrySize | { error: string }> = {};
// One at a time: the machine is shared, and sizes do not depend on timing.
for (const entry of ENTRIES) {
  try {
    sizes[entry.name] = await buildEntry(resolve(ROOT, "bench/bundle/entries", entry.file));
  } catch (error) {
    sizes[entry.name] = {
      error: error instanceof Error ? error.message.split("\n")[0]! : String(error),
    };
  }
}

const targets: TargetCheck[] = [];
const rows = ENTRIES.map((entry) => {
  const size = sizes[entry.name]!;
  if ("error" in size) return [entry.name, `build failed: ${size.error}`, "", "", ""];
  const forbidden = forbiddenModules(size.modules).map((rule) => rule.name);
  if (entry.budget !== undefined) {
    targets.push({
      name: `${entry.name} <= ${entry.budget} KB gzip`,
      measured: `${kb(size.gzipBytes)} KB`,
      met: size.gzipBytes <= entry.budget * 1024,
    });
  }
  return [
    entry.name,
    kb(size.minBytes),
    kb(size.gzipBytes),
    kb(size.lazyGzipBytes),
    forbidden.length > 0 ? forbidden.join(", ") : "-",
  ];
});

publish(
  "bundle",
  {
    tables: [
      {
        title: "bundle: initial JS, React and react-dom excluded (KB)",
        columns: ["app", "min", "gzip", "lazy chunks gzip", "openai/zod at runtime"],
        rows,
      },
    ],
    targets,
    data: Object.fromEntries(
      Object.entries(sizes).map(([name, size]) => [
        name,
        "error" in size ? size : { ...size, modules: size.modules.length },
      ]),
    ),
  },
  ["vite", "react", "ai", "@ai-sdk/react", "react-markdown", "remark-gfm", "streamdown", "marked"],
  { ...options, reactExternal: true, gzipLevel: 9 },
);
