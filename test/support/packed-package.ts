import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The repository's root, where `npm run build` and `npm pack` run. */
export const REPO_ROOT = resolve(import.meta.dirname, "../..");

/**
 * Builds the package (`npm run build`) and packs it (`npm pack`) into a fresh temporary
 * folder, and returns the tarball's absolute path: the file people install, so examples and
 * bundle measurements see exactly what the registry would serve.
 */
export function packPackage(): string {
  const destination = mkdtempSync(join(tmpdir(), "colloquy-pack-"));
  // A production build whatever the caller's NODE_ENV (Vitest sets "test"): otherwise the JSX
  // compiles to react/jsx-dev-runtime, whose jsxDEV React's production build does not have.
  execFileSync("npm", ["run", "build"], {
    cwd: REPO_ROOT,
    stdio: "pipe",
    env: { ...process.env, NODE_ENV: "production" },
  });
  execFileSync("npm", ["pack", "--pack-destination", destination], {
    cwd: REPO_ROOT,
    stdio: "pipe",
  });
  const tarball = readdirSync(destination).find((name) => name.endsWith(".tgz"));
  if (!tarball) throw new Error(`npm pack wrote no tarball into ${destination}.`);
  return join(destination, tarball);
}

/**
 * Installs an app's locked dependencies (`npm ci`) and then the packed package on top
 * (`npm install --no-save <tarball>`), the way a user adds a freshly published version. The
 * app's package.json and package-lock.json are left as they were.
 */
export function installWithTarball(appDir: string, tarball: string): void {
  const quiet = ["--no-audit", "--no-fund", "--prefer-offline"];
  execFileSync("npm", ["ci", ...quiet], { cwd: appDir, stdio: "pipe" });
  execFileSync("npm", ["install", "--no-save", ...quiet, tarball], { cwd: appDir, stdio: "pipe" });
}
