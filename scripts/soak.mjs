#!/usr/bin/env node
// `npm run soak`: the full load and soak run through the proxy on loopback (500 concurrent
// streams, then 200 for 60 s, twice). It prints one `[load]` line of figures: heap after GC
// and RSS before, after each round and after closing, peak RSS during each phase, and the
// open sockets, servers and timers before and after. The same test runs short in `npm test`.
import { spawn } from "node:child_process";

const child = spawn(
  process.platform === "win32" ? "npx.cmd" : "npx",
  ["vitest", "run", "--project", "node", "test/reliability/load.test.ts"],
  {
    stdio: "inherit",
    env: {
      ...process.env,
      COLLOQUY_SOAK: "full",
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --expose-gc`.trim(),
    },
  },
);
child.on("exit", (code, signal) => {
  if (signal) console.error(`soak: vitest stopped by ${signal}`);
  process.exit(code ?? 1);
});
