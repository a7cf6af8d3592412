import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { apiEntries, apiReports } from "../../scripts/api-report.js";

const lines = (text: string) => new Set(text.split("\n").filter((line) => line.startsWith("- ")));

describe("the public API reports in api/", () => {
  const reports = apiReports();

  it("cover every typed entry of package.json's exports", () => {
    expect(apiEntries().map((entry) => entry.specifier)).toEqual(
      expect.arrayContaining(["colloquy", "colloquy/react", "colloquy/ui", "colloquy/server"]),
    );
    for (const report of reports.keys()) expect(existsSync(report), report).toBe(true);
  });

  it.each([...reports.keys()])("%s matches what the entry exports", (report) => {
    const written = existsSync(report) ? readFileSync(report, "utf8") : "";
    const actual = reports.get(report)!;
    if (written === actual) return;
    const before = lines(written);
    const after = lines(actual);
    const added = [...after].filter((line) => !before.has(line));
    const removed = [...before].filter((line) => !after.has(line));
    expect.fail(
      `The public surface changed without ${report}: added ${added.join(", ") || "nothing"}; ` +
        `removed ${removed.join(", ") || "nothing"}. If the change is meant, run ` +
        "`npm run api-report` and commit the report; if not, stop exporting it.",
    );
  });
});
