import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The layer rule's messages for a file at `path` (in the repository) with this source. */
async function layerErrors(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: `${root}${path}` });
  return result!.messages
    .filter((message) => message.ruleId === "colloquy/layer-imports")
    .map((message) => message.message);
}

describe("the ESLint layer rule (eslint.config.js)", () => {
  // The first lint loads the config and the TypeScript parser: seconds on a busy machine.
  beforeAll(() => layerErrors("src/core/probe.ts", ""), 60_000);

  it.each([
    [
      "a deep relative import of ui from core",
      'import { Markdown } from "../../ui/markdown/markdown.js";',
    ],
    [
      "a deep relative import of react from core",
      'import { useChat } from "../../react/use-chat.js";',
    ],
    ["a directory import without a trailing slash", 'import * as ui from "../../ui";'],
    [
      "a path that leaves src/core and comes back in",
      'import { x } from "../../../src/ui/index.js";',
    ],
    ["a path through ./ and ../", 'import { x } from "./../../ui/index.js";'],
    ["a type-only import", 'import type { ChatProps } from "../../ui/chat/chat.js";'],
    ["an export-from", 'export { Chat } from "../../ui/chat/chat.js";'],
    ["a dynamic import", 'export const load = () => import("../../react/index.js");'],
    ["an import() type", 'export type P = import("../../ui/chat/chat.js").ChatProps;'],
    ["the server from core", 'import { createOpenAIProxy } from "../../server/index.js";'],
  ])("reports %s", async (_name, source) => {
    const errors = await layerErrors("src/core/stream/probe.ts", source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^src\/core may not import src\/(ui|react|server)/);
  });

  it("reports React imported by name from core, server and testing", async () => {
    for (const path of ["src/core/probe.ts", "src/server/probe.ts", "src/testing/probe.ts"]) {
      expect(await layerErrors(path, 'import { useState } from "react";'), path).toHaveLength(1);
      expect(
        await layerErrors(path, 'import { createRoot } from "react-dom/client";'),
        path,
      ).toHaveLength(1);
    }
  });

  it("reports ui from react and the server from ui and element", async () => {
    expect(
      await layerErrors("src/react/probe.ts", 'import { Chat } from "../ui/chat/chat.js";'),
    ).toHaveLength(1);
    expect(
      await layerErrors("src/ui/chat/probe.ts", 'import { x } from "../../server/index.js";'),
    ).toHaveLength(1);
    expect(
      await layerErrors("src/element/probe.ts", 'import { x } from "../testing/index.js";'),
    ).toHaveLength(1);
  });

  it("allows imports that point down the layers or stay inside one", async () => {
    const allowed: [string, string][] = [
      ["src/core/stream/probe.ts", 'import type { Part } from "../model/parts.js";'],
      ["src/react/probe.ts", 'import { ChatStore } from "../core/chat/chat-store.js";'],
      ["src/ui/chat/probe.ts", 'import type { Message } from "../../core/index.js";'],
      ["src/ui/chat/probe.ts", 'import { useChat } from "../../react/index.js";'],
      ["src/element/probe.ts", 'import { Chat } from "../ui/chat/chat.js";'],
      ["src/server/probe.ts", 'import { createEmulatorHandler } from "../testing/index.js";'],
      ["src/ui/chat/probe.ts", 'import { useState } from "react";'],
      [
        "src/core/probe.ts",
        'import type { Response } from "openai/resources/responses/responses";',
      ],
    ];
    for (const [path, source] of allowed)
      expect(await layerErrors(path, source), source).toEqual([]);
  });
});
