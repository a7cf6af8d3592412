#!/usr/bin/env node
// `npm test`: typecheck, lint, the packed package, every Vitest project, then one closing summary line.
// A run that executes no test fails, so a broken glob can never pass as green.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const report = ".vitest-report.json";
const steps = [
  ["typecheck", "npx", ["tsc", "-p", "tsconfig.json", "--noEmit"]],
  ["lint", "npx", ["eslint", "."]],
  ["format", "npx", ["prettier", "--check", "."]],
  ["size budget", "node", ["scripts/size-budget.mjs"]],
  // The package as published: built, linted as a tarball, its types resolved, and required.
  ["build", "npm", ["run", "build"]],
  ["publint", "npx", ["publint", "--strict"]],
  [
    "attw",
    "npx",
    [
      "attw",
      "--pack",
      "--profile",
      "esm-only",
      "--exclude-entrypoints",
      "./ui/styles.css",
      "./colloquy-chat.js",
      "./colloquy-chat.iife.js",
      ".",
    ],
  ],
  ["require every subpath", "node", ["scripts/require-every-subpath.cjs"]],
];

function run(name, command, args) {
  console.log(`\n▶ ${name}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  return result.status === 0;
}

const failedSteps = [];
for (const [name, command, args] of steps) {
  if (!existsSync(args.at(-1)) && command === "node") continue;
  if (!run(name, command, args)) failedSteps.push(name);
}

if (!existsSync("/usr/bin/chromium") && !process.env.CHROMIUM_PATH) {
  console.error(
    "Chromium is missing: install it with `apt-get install -y chromium` (the browser suites need it).",
  );
  failedSteps.push("chromium");
}

rmSync(report, { force: true });
const vitestOk = run("tests", "npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
]);
if (!vitestOk) failedSteps.push("tests");

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const data = JSON.parse(readFileSync(report, "utf8"));
  passed = data.numPassedTests ?? 0;
  failed = (data.numFailedTests ?? 0) + ((data.numFailedTestSuites ?? 0) ? 0 : 0);
  skipped = (data.numPendingTests ?? 0) + (data.numTodoTests ?? 0);
}
if (passed + failed === 0) {
  console.error("No test was executed: that is a failure, not a pass.");
  failedSteps.push("no tests");
}
if (failedSteps.length > 0) {
  console.error(`\nFailed steps: ${failedSteps.join(", ")}`);
  if (failed === 0) failed = failedSteps.length;
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedSteps.length > 0 ? 1 : 0);
