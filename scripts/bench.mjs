#!/usr/bin/env node
// `npm run bench [part ...] [--quick] [--runs N] [--only a,b]`: runs the benchmarks against
// the peers, one part after another (each alone when named). Each prints markdown tables and
// writes JSON under bench/results/. See docs/performance.md.
import { spawnSync } from "node:child_process";

const PARTS = ["stream", "render", "chat", "bundle", "proxy"];
const args = process.argv.slice(2);
const flags = [];
const named = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--runs" || args[i] === "--only") flags.push(args[i], args[++i]);
  else if (args[i].startsWith("--")) flags.push(args[i]);
  else named.push(args[i]);
}
const unknown = named.filter((part) => !PARTS.includes(part));
if (unknown.length > 0) {
  console.error(`Unknown bench part: ${unknown.join(", ")}. Choose from: ${PARTS.join(", ")}.`);
  process.exit(2);
}

const failed = [];
for (const part of named.length > 0 ? named : PARTS) {
  console.log(`\n## bench: ${part}`);
  const result = spawnSync("npx", ["tsx", `bench/${part}/run.ts`, ...flags], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) failed.push(part);
}
if (failed.length > 0) {
  console.error(`\nThese parts did not finish: ${failed.join(", ")}.`);
  process.exit(1);
}
