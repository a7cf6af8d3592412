#!/usr/bin/env node
// `npm run soak`: the full load and soak run through the proxy on loopback (500 concurrent
// streams, then 200 for 60 s). The same test runs short inside `npm test`.
import { spawn } from "node:child_process";

const child = spawn(
  process.platform === "win32" ? "npx.cmd" : "npx",
  ["vitest", "run", "--project", "node", "test/reliability/load.test.ts"],
  { stdio: "inherit", env: { ...process.env, COLLOQUY_SOAK: "full" } },
);
child.on("exit", (code, signal) => {
  if (signal) console.error(`soak: vitest stopped by ${signal}`);
  process.exit(code ?? 1);
});
