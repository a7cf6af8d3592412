import { afterAll, afterEach, beforeAll, beforeEach, expect, vi, type MockInstance } from "vitest";
import type { ReactNode } from "react";
import {
  startEmulator,
  type RunningEmulator,
  type StartEmulatorOptions,
} from "../../src/testing/index.js";
import { configure } from "@testing-library/react";
import { ColloquyProvider } from "../../src/react/index.js";

// Answers stream over real HTTP; give them time (nothing asserts how long they take).
configure({ asyncUtilTimeout: 15_000 });

/** The model the emulator answers as. */
export const MODEL = "gpt-4.1-mini";

/**
 * Starts an emulator for the file's tests (port 0, stopped after), and fails any test that
 * made React print an act() warning or left an unhandled rejection.
 */
export function serveEmulator(options: StartEmulatorOptions = {}): {
  readonly url: string;
  readonly emulator: RunningEmulator;
} {
  let emulator: RunningEmulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...options });
  });
  afterAll(async () => {
    await emulator?.close();
  });
  return {
    get url() {
      return emulator!.url;
    },
    get emulator() {
      return emulator!;
    },
  };
}

/** Fails any test in which React warned about act() or a promise rejection went unhandled. */
export function failOnActWarnings(): void {
  let spy: MockInstance<typeof console.error> | undefined;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  beforeAll(() => {
    process.on("unhandledRejection", onRejection);
  });
  afterAll(() => {
    process.off("unhandledRejection", onRejection);
  });
  beforeEach(() => {
    spy = vi.spyOn(console, "error");
  });
  afterEach(() => {
    const lines = (spy?.mock.calls ?? []).map((args) => args.map(String).join(" "));
    spy?.mockRestore();
    expect(lines.filter((line) => line.includes("act("))).toEqual([]);
    expect(rejections.splice(0)).toEqual([]);
  });
}

/** A provider pointing at the emulator. */
export function providerFor(
  url: string,
  api: "responses" | "chat" = "responses",
  fetchImpl?: typeof fetch,
) {
  return function Provider({ children }: { children?: ReactNode }) {
    return (
      <ColloquyProvider
        endpoint={url}
        api={api}
        model={MODEL}
        {...(fetchImpl ? { fetch: fetchImpl } : {})}
      >
        {children}
      </ColloquyProvider>
    );
  };
}

/** The text of a message's text parts. */
export function textOf(
  message: { parts: readonly { type: string; text?: string }[] } | undefined,
): string {
  return message?.parts.map((p) => (p.type === "text" ? (p.text ?? "") : "")).join("") ?? "";
}
