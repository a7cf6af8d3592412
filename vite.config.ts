import { defineConfig, type Plugin } from "vite";
import type { TestProjectInlineConfiguration } from "vitest/config";
import react from "@vitejs/plugin-react";
import { playwright } from "@vitest/browser-playwright";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import { chromiumLaunchOptions, FAKE_MEDIA_FLAGS } from "./test/support/chromium.js";
import { captureExchanges, capturesAvailable, type CaptureApi } from "./test/support/captures.js";
import { productionBuild } from "./production-build.js";

/** Packages the library build leaves to the consumer (peers and runtime dependencies). */
const external = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^@tanstack\//,
  /^openai($|\/)/,
  /^zod($|\/)/,
  "eventsource-parser",
  "marked",
  /^@streamparser\//,
  /^redis($|\/)/,
  /^node:/,
];

/** The React hooks and components: code that runs only in the browser's React tree. */
const CLIENT_CODE = /[\\/]src[\\/](react|ui)[\\/]/;

/** The entries made of that code (an entry that only re-exports a chunk holds no module). */
const CLIENT_ENTRIES = new Set(["react", "react-structured-output", "ui"]);

/**
 * `"use client"` on every built chunk holding React hooks or components, so a React Server
 * Component may import `colloquy/react` and `colloquy/ui` (Next.js App Router). The bundler
 * drops module directives, so the build writes it back at the top of those chunks.
 */
const useClientBanner = (chunk: {
  name: string;
  isEntry: boolean;
  moduleIds: readonly string[];
}): string =>
  (chunk.isEntry && CLIENT_ENTRIES.has(chunk.name)) ||
  chunk.moduleIds.some((id) => CLIENT_CODE.test(id))
    ? '"use client";'
    : "";

/**
 * The library build takes the stylesheet from colloquy/ui's entry (into dist/styles.css).
 * The import is added here, not in src/ui/index.ts, so the emitted declarations never import
 * CSS (TypeScript with `skipLibCheck: false` and attw refuse a `.d.ts` that does).
 */
const uiStylesheet = (): Plugin => ({
  name: "colloquy-ui-stylesheet",
  apply: "build",
  transform(code, id) {
    return /[\\/]src[\\/]ui[\\/]index\.ts$/.test(id) ? `${code}\nimport "./styles.css";\n` : null;
  },
});

/**
 * Storybook's Vitest addon: every story in stories/ renders in Chromium, with its play
 * function and axe checks. Built only when Vitest asks for it.
 */
const storybookProject = (): TestProjectInlineConfiguration => ({
  extends: ".storybook/vite.config.ts",
  plugins: [storybookTest({ configDir: ".storybook" })],
  test: {
    name: "storybook",
    testTimeout: 60_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: chromiumLaunchOptions() }),
      instances: [{ browser: "chromium" }],
      screenshotFailures: false,
    },
  },
});

export default defineConfig({
  plugins: [productionBuild(), react(), uiStylesheet()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Maps name the source files by path; their text is not embedded in the package.
    sourcemap: true,
    lib: {
      entry: {
        core: "src/core/index.ts",
        react: "src/react/index.ts",
        "react-structured-output": "src/react/structured-output.ts",
        ui: "src/ui/index.ts",
        server: "src/server/index.ts",
        testing: "src/testing/index.ts",
        element: "src/element/index.ts",
        cli: "src/server/cli/main.ts",
      },
      formats: ["es"],
      cssFileName: "styles",
    },
    // One file per source module, as in src/: an app's bundler then splits the package as
    // finely as our own source, so code behind a dynamic import stays lazy. Chunks made here
    // merged lazily loaded modules with helpers the entries import statically, which pulled
    // them into every app's initial JavaScript (docs/performance.md, bundle).
    rollupOptions: {
      external,
      output: {
        preserveModules: true,
        preserveModulesRoot: "src",
        banner: useClientBanner,
        sourcemapExcludeSources: true,
      },
    },
  },
  test: {
    // Every suite reports through scripts/test.mjs; these are the projects it runs.
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          environment: "node",
          include: ["test/{core,server,testing,scripts,reliability,clients}/**/*.test.ts"],
          setupFiles: ["test/support/property-seed.ts"],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "dom",
          environment: "jsdom",
          include: ["test/{react,ui}/**/*.test.{ts,tsx}"],
          setupFiles: ["test/support/property-seed.ts", "test/support/dom-setup.ts"],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "types",
          include: [],
          typecheck: {
            enabled: true,
            only: true,
            include: ["test/**/*.test-d.{ts,tsx}"],
            tsconfig: "./tsconfig.json",
          },
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.{ts,tsx}"],
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            // The fake microphone lets the composer's recording be tested end to end.
            provider: playwright({ launchOptions: chromiumLaunchOptions(FAKE_MEDIA_FLAGS) }),
            instances: [{ browser: "chromium" }],
            screenshotFailures: false,
            commands: {
              // The recordings live on disk beside the repo; the browser asks Node for them.
              readCaptureExchanges: (_context, api: CaptureApi, file: string) =>
                capturesAvailable() ? captureExchanges(api, file) : [],
            },
          },
        },
      },
      // The stories replay the recordings, so they run where the recordings are (always in CI).
      ...(process.env.VITEST && capturesAvailable() ? [storybookProject()] : []),
      {
        extends: true,
        test: {
          name: "e2e",
          environment: "node",
          include: ["test/e2e/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // The examples, installed from the packed package and driven in Chromium.
          name: "examples",
          environment: "node",
          include: ["test/examples/**/*.test.ts"],
          globalSetup: [
            "test/examples/support/pack-once.ts",
            "test/examples/support/playground-look.ts",
          ],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
