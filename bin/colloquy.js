#!/usr/bin/env node
// Runs the built CLI when the package is built, else the TypeScript source through tsx,
// so `colloquy` works both installed and in a fresh checkout.
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const built = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
if (existsSync(built)) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(new URL("../src/server/cli/main.ts", import.meta.url).href);
}
