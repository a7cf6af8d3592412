/**
 * The public surface of every package entry, as checked-in reports in api/: one file per
 * entry listing its exported values and types. `npm run api-report` writes them; the test
 * test/scripts/api-report.test.ts fails when the exports differ from the reports, so a change
 * to what users can import is always a visible change to a file in review.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** One package entry: its import path and the source file its types come from. */
export interface ApiEntry {
  /** The import specifier, e.g. `colloquy/ui`. */
  specifier: string;
  /** The entry's source file, relative to the repository. */
  source: string;
  /** The report file, relative to the repository. */
  report: string;
}

/** The entries of package.json's `exports` that have types, with their sources. */
export function apiEntries(): ApiEntry[] {
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    name: string;
    exports: Record<string, string | { types?: string }>;
  };
  const entries: ApiEntry[] = [];
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    if (typeof target === "string" || !target.types) continue;
    const source = target.types.replace(/^\.\/dist\/types\//, "src/").replace(/\.d\.ts$/, ".ts");
    const specifier = subpath === "." ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
    const name = subpath === "." ? "core" : subpath.slice(2).replaceAll("/", "-");
    entries.push({ specifier, source, report: `api/${name}.api.md` });
  }
  return entries;
}

/** The report of each entry, by report path: its exported values and types, sorted. */
export function apiReports(entries: ApiEntry[] = apiEntries()): Map<string, string> {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.json"), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  });
  if (!config) throw new Error("tsconfig.json could not be read.");
  const sources = entries.map((entry) => join(root, entry.source));
  const program = ts.createProgram(sources, config.options);
  const checker = program.getTypeChecker();
  const reports = new Map<string, string>();
  for (const entry of entries) {
    const file = program.getSourceFile(join(root, entry.source));
    const module = file && checker.getSymbolAtLocation(file);
    if (!module) throw new Error(`${entry.source}: not found or not a module.`);
    const values: string[] = [];
    const types: string[] = [];
    for (const symbol of checker.getExportsOfModule(module)) {
      const target =
        symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      (target.flags & ts.SymbolFlags.Value ? values : types).push(symbol.name);
    }
    const list = (names: string[]) =>
      names
        .sort()
        .map((name) => `- \`${name}\``)
        .join("\n");
    reports.set(
      entry.report,
      `# ${entry.specifier}\n\n` +
        `The public surface of \`${entry.specifier}\` (${entry.source}), written by ` +
        "`npm run api-report`. A test fails when the exports change and this file does not.\n\n" +
        `## Values (${values.length})\n\n${list(values)}\n\n` +
        `## Types (${types.length})\n\n${list(types)}\n`,
    );
  }
  return reports;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [report, text] of apiReports()) {
    mkdirSync(dirname(join(root, report)), { recursive: true });
    writeFileSync(join(root, report), text);
    console.log(`wrote ${report}`);
  }
}
