import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { capturesAvailable, capturesDir } from "../../support/captures.js";
import { isAwaitingClient, isReadyToContinue } from "../../../src/core/chat/tool-parts.js";
import { messageFromResponse } from "../../../src/core/convert/message-from-response.js";
import { toResponsesInput } from "../../../src/core/convert/to-responses-input.js";
import type { Part } from "../../../src/core/model/parts.js";
import { isClientRunCall } from "../../../src/core/tools/client-run-calls.js";

const recorded = (file: string) =>
  messageFromResponse(
    JSON.parse(readFileSync(join(capturesDir(), "responses", file), "utf8")) as Record<
      string,
      unknown
    >,
  ).value;

describe.runIf(capturesAvailable())("calls the app runs itself, over recordings", () => {
  it.each([
    ["apply-patch-call.json", "apply-patch-call", true],
    ["local-shell-call.json", "shell-call", true],
    ["shell-call-local.json", "shell-call", true],
    ["shell-call-hosted-container.json", "shell-call", false],
    ["tool-search-client.1-search-call.json", "tool-search-call", true],
    ["tool-search-hosted.json", "tool-search-call", false],
  ])("%s: a %s the app must run is %s", (file, type, clientRun) => {
    const call = recorded(file).parts.find((p) => p.type === type)!;
    expect(isClientRunCall(call)).toBe(clientRun);
    expect(isAwaitingClient(call)).toBe(clientRun);
  });

  it("an apply_patch call with the app's output is answered and goes back after the call", () => {
    const message = recorded("apply-patch-call.json");
    expect(isReadyToContinue(message)).toBe(false);
    const output = {
      type: "apply_patch_call_output",
      call_id: "call_CdXiGtcRl49Q6Ek20tG9lYOr",
      status: "completed",
      output: "Created shopping-checklist.md",
    };
    const answered = {
      ...message,
      parts: message.parts.map((p): Part => (p.type === "apply-patch-call" ? { ...p, output } : p)),
    };
    expect(isReadyToContinue(answered)).toBe(true);
    const items = toResponsesInput([answered]).value as { type: string }[];
    expect(items.map((i) => i.type)).toEqual(["apply_patch_call", "apply_patch_call_output"]);
    expect(items[1]).toEqual(output);
  });
});
