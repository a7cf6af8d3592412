// Vitest global setup of the examples project: one build and one `npm pack` for every example.
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import type { TestProject } from "vitest/node";
import { packPackage } from "../../support/packed-package.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Absolute path of the packed colloquy tarball the examples install. */
    colloquyTarball: string;
  }
}

export default function setup(project: TestProject): () => void {
  const tarball = packPackage();
  project.provide("colloquyTarball", tarball);
  return () => rmSync(dirname(tarball), { recursive: true, force: true });
}
