import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { packPackage } from "../../test/support/packed-package.js";
import { benchOptions, publish, ROOT, type TargetCheck } from "../lib/report.js";
import { round } from "../lib/stats.js";
import { buildEntry, forbiddenModules, type EntrySize } from "./build-entry.mjs";

/**
 * bundle: production builds (Vite, React and react-dom left out) of minimal apps, and the
 * minified and gzipped JavaScript each loads up front. colloquy's entries are built in a fresh
 * app that installed the packed package (`npm pack`), so they measure what users get; the
 * other libraries come from this repository's node_modules. Sizes are deterministic: one build each.
 */
const ENTRIES = [
  {
    name: "colloquy core (createChatClient + readMessageStream)",
    file: "colloquy-core.ts",
    packed: true,
  },
  { name: "colloquy createChatClient alone", file: "colloquy-client.ts", packed: true },
  { name: "colloquy core + useChat", file: "colloquy-hooks.tsx", packed: true, budget: 12 },
  { name: "colloquy <Chat> with markdown", file: "colloquy-chat.tsx", packed: true, budget: 40 },
  { name: "colloquy <Markdown> alone", file: "colloquy-markdown.tsx", packed: true },
  { name: "AI SDK useChat (@ai-sdk/react)", file: "ai-sdk-use-chat.tsx", packed: false },
  { name: "react-markdown + remark-gfm", file: "react-markdown.tsx", packed: false },
  { name: "Streamdown", file: "streamdown.tsx", packed: false },
];
const ENTRIES_DIR = resolve(ROOT, "bench/bundle/entries");

/** The version of `name` installed under `root` (this repository unless told). */
function installedVersion(name: string, root = ROOT): string {
  const manifest = JSON.parse(
    readFileSync(resolve(root, "node_modules", name, "package.json"), "utf8"),
  ) as { version: string };
  return manifest.version;
}

/** A fresh app in a temporary folder with the packed package and React installed. */
function freshApp(tarball: string): string {
  const app = mkdtempSync(join(tmpdir(), "colloquy-bench-app-"));
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({ name: "bench-app", private: true, type: "module" }),
  );
  execFileSync(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--prefer-offline",
      tarball,
      `react@${installedVersion("react")}`,
      `react-dom@${installedVersion("react-dom")}`,
    ],
    { cwd: app, stdio: "pipe" },
  );
  mkdirSync(join(app, "src"));
  return app;
}

const options = benchOptions();
const kb = (bytes: number) => round(bytes / 1024);
const tarball = packPackage();
const app = freshApp(tarball);
const sizes: Record<string, EntrySize | { error: string }> = {};
// The versions npm resolved in the fresh app, which may be newer than this repository's lockfile:
// a newer marked changes `<Chat>` and `<Markdown>` with no change of ours.
const appDependencies = Object.fromEntries(
  ["marked", "eventsource-parser"].map((name) => [name, installedVersion(name, app)]),
);
try {
  // One at a time: the machine is shared, and sizes do not depend on timing.
  for (const entry of ENTRIES) {
    try {
      let file = join(ENTRIES_DIR, entry.file);
      if (entry.packed) {
        copyFileSync(file, join(app, "src", entry.file));
        file = join(app, "src", entry.file);
      }
      sizes[entry.name] = await buildEntry(file);
    } catch (error) {
      sizes[entry.name] = {
        error: error instanceof Error ? error.message.split("\n")[0]! : String(error),
      };
    }
  }
} finally {
  rmSync(app, { recursive: true, force: true });
  rmSync(dirname(tarball), { recursive: true, force: true });
}

const targets: TargetCheck[] = [];
const rows = ENTRIES.map((entry) => {
  const size = sizes[entry.name]!;
  if ("error" in size) return [entry.name, `build failed: ${size.error}`, "", "", ""];
  const forbidden = forbiddenModules(size.modules).map((rule) => rule.name);
  if (entry.budget !== undefined) {
    const over = size.gzipBytes - entry.budget * 1024;
    targets.push({
      name: `${entry.name} <= ${entry.budget} KB gzip (packed package)`,
      measured: `${kb(size.gzipBytes)} KB${over > 0 ? ` (${kb(over)} KB over)` : ""}`,
      met: over <= 0,
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
const lazyRows = ENTRIES.filter((entry) => entry.packed).flatMap((entry) => {
  const size = sizes[entry.name]!;
  if ("error" in size) return [];
  // A chunk is named after the package file it starts from; older builds hashed those names.
  return size.lazyChunks.map((chunk) => [
    entry.name,
    chunk.name.replace(/-[\w]{8}$/, ""),
    kb(chunk.gzipBytes),
  ]);
});

publish(
  "bundle",
  {
    tables: [
      {
        title: `bundle: initial JS, React and react-dom excluded (KB; the fresh app resolved ${Object.entries(
          appDependencies,
        )
          .map(([name, version]) => `${name} ${version}`)
          .join(", ")})`,
        columns: ["app", "min", "gzip", "lazy chunks gzip", "openai/zod at runtime"],
        rows,
      },
      {
        title: "bundle: colloquy's lazy chunks, loaded on first use (KB gzip)",
        columns: ["app", "chunk", "gzip"],
        rows: lazyRows,
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
  {
    ...options,
    reactExternal: true,
    gzipLevel: 9,
    colloquy: "packed tarball, fresh app",
    freshAppDependencies: appDependencies,
  },
);
