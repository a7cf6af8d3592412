import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join, resolve } from "node:path";

/** The repository root (bench/lib is two levels down). */
export const ROOT = resolve(import.meta.dirname, "..", "..");

/** One printed table: a header row and rows of cells. */
export interface Table {
  /** Title printed above the table. */
  title: string;
  /** Column names. */
  columns: string[];
  /** Rows of cells, already formatted. */
  rows: (string | number)[][];
}

/** What a bench part hands back: tables to print and raw data to keep. */
export interface PartResult {
  /** Tables, printed as markdown. */
  tables: Table[];
  /** Targets with their measured value and whether they hold. */
  targets: TargetCheck[];
  /** Everything measured, for the JSON file. */
  data: unknown;
}

/** One target of the performance page, checked against this run. */
export interface TargetCheck {
  /** What is promised, e.g. `colloquy <= 1.5x floor (responses)`. */
  name: string;
  /** The figure measured, formatted. */
  measured: string;
  /** True when the target holds; undefined when it could not be measured. */
  met: boolean | undefined;
}

/** A table as GitHub markdown. */
export function markdownTable(table: Table): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [
    `### ${table.title}`,
    "",
    line(table.columns),
    line(table.columns.map(() => "---")),
    ...table.rows.map(line),
  ].join("\n");
}

/** The installed version of a package, or `not installed`. */
export function packageVersion(name: string): string {
  try {
    const file = join(ROOT, "node_modules", name, "package.json");
    return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
  } catch {
    return "not installed";
  }
}

/** The Chromium the browser parts drive, from its own `--version`. */
export function chromiumVersion(): string {
  try {
    const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
    return execFileSync(path, ["--version"], {
      encoding: "utf8",
      timeout: 20_000,
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return "unavailable";
  }
}

/** Versions of everything measured and the machine it ran on. */
export function environment(packages: string[]): Record<string, unknown> {
  return {
    date: new Date().toISOString(),
    node: process.version,
    chromium: chromiumVersion(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? "unknown",
      memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
      platform: `${process.platform} ${process.arch}`,
    },
    packages: Object.fromEntries(
      [["colloquy", readOwnVersion()]].concat(packages.map((name) => [name, packageVersion(name)])),
    ),
  };
}

function readOwnVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string })
    .version;
}

/** Prints a part's tables and targets, and writes its JSON under bench/results/. */
export function publish(
  part: string,
  result: PartResult,
  packages: string[],
  settings: Record<string, unknown>,
): string {
  for (const table of result.tables) console.log(`\n${markdownTable(table)}`);
  if (result.targets.length > 0) {
    console.log(
      `\n${markdownTable({
        title: `${part}: targets`,
        columns: ["target", "measured", "met"],
        rows: result.targets.map((t) => [
          t.name,
          t.measured,
          t.met === undefined ? "n/a" : t.met ? "yes" : "**no**",
        ]),
      })}`,
    );
  }
  const dir = join(ROOT, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = join(dir, `${part}-${stamp}.json`);
  const body = {
    part,
    settings,
    environment: environment(packages),
    tables: result.tables,
    targets: result.targets,
    data: result.data,
  };
  writeFileSync(file, JSON.stringify(body, null, 2) + "\n");
  writeFileSync(join(dir, `${part}-latest.json`), JSON.stringify(body, null, 2) + "\n");
  console.log(`\nwrote ${file}`);
  return file;
}

/** Options every part understands. */
export interface BenchOptions {
  /** Fewer repetitions and smaller inputs, for a loaded machine or a quick look. */
  quick: boolean;
  /** How many measured runs each figure is the median of. */
  runs: number;
  /**
   * The contenders to run (`--only a,b`), to try a change quickly; absent, all of them.
   * Parts with a fixed pair of contenders run both regardless.
   */
  only?: readonly string[];
}

/** Reads `--quick`, `--runs N` and `--only a,b` from argv. */
export function benchOptions(argv: string[] = process.argv.slice(2)): BenchOptions {
  const quick = argv.includes("--quick");
  const runsAt = argv.indexOf("--runs");
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : quick ? 3 : 5;
  const onlyAt = argv.indexOf("--only");
  const only = onlyAt >= 0 ? (argv[onlyAt + 1] ?? "").split(",").filter(Boolean) : undefined;
  return {
    quick,
    runs: Number.isFinite(runs) && runs > 0 ? runs : 5,
    ...(only ? { only } : {}),
  };
}
