import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { messageFromResponse } from "../../../src/core/convert/message-from-response.js";
import { toResponsesInput } from "../../../src/core/convert/to-responses-input.js";
import type { Part } from "../../../src/core/model/parts.js";
import { toChatTools, toResponsesTools } from "../../../src/core/tools/to-wire-tools.js";
import type { ClientRunCallPart } from "../../../src/core/tools/client-run-calls.js";
import { failedClientRunOutput } from "../../../src/core/tools/client-run-outputs.js";
import { defineApplyPatchTool } from "../../../src/core/tools/define-apply-patch-tool.js";
import {
  defineLocalShellTool,
  shellCommandsOf,
} from "../../../src/core/tools/define-local-shell-tool.js";
import { defineToolSearch } from "../../../src/core/tools/define-tool-search.js";
import { capturesAvailable, capturesDir } from "../../support/captures.js";
import { getWeather, searchFiles } from "./support/tool-search-tools.js";

const recordedJson = (file: string) =>
  JSON.parse(readFileSync(join(capturesDir(), "responses", file), "utf8")) as Record<
    string,
    unknown
  >;
const recordedCall = <T extends ClientRunCallPart["type"]>(file: string, type: T) =>
  messageFromResponse(recordedJson(file)).value.parts.find(
    (p): p is Extract<ClientRunCallPart, { type: T }> => p.type === type,
  )!;
const context = { toolCallId: "call_test" };

describe.runIf(capturesAvailable())("client-run tool helpers, over recorded calls", () => {
  it("defineApplyPatchTool declares { type: 'apply_patch' } and answers a create_file with a completed apply_patch_call_output", async () => {
    const applied: unknown[] = [];
    const tool = defineApplyPatchTool({
      apply: (operation) => {
        applied.push(operation);
        return `Created ${operation.path}`;
      },
    });
    expect(toResponsesTools([tool])).toEqual(recordedJson("apply-patch-call.json").tools);
    const call = recordedCall("apply-patch-call.json", "apply-patch-call");
    expect(await tool.execute(call, context)).toEqual({
      type: "apply_patch_call_output",
      call_id: "call_CdXiGtcRl49Q6Ek20tG9lYOr",
      status: "completed",
      output: "Created shopping-checklist.md",
    });
    expect(applied).toEqual([call.item.operation]);
    expect(tool.needsApproval).toBeUndefined();
  });

  it("defineApplyPatchTool reports a failure the app returns as a failed output the model can retry after", async () => {
    const tool = defineApplyPatchTool({
      apply: () => ({ status: "failed", output: "shopping-checklist.md already exists" }),
    });
    const call = recordedCall("apply-patch-call.json", "apply-patch-call");
    expect(await tool.execute(call, context)).toMatchObject({
      status: "failed",
      output: "shopping-checklist.md already exists",
    });
  });

  it("defineLocalShellTool runs each command of a shell_call in order and answers with one shell_call_output entry per command", async () => {
    const ran: string[] = [];
    const tool = defineLocalShellTool({
      run: ({ command }) => {
        ran.push(command);
        return command.includes("cat") ? { stdout: "THIS WORKS!\n" } : { stdout: "", exitCode: 0 };
      },
    });
    expect(toResponsesTools([tool])).toEqual(recordedJson("shell-call-local.json").tools);
    expect(tool.needsApproval).toBe(true);
    const call = recordedCall("shell-call-local.json", "shell-call");
    const output = await tool.execute(call, context);
    expect(ran).toEqual(call.item.type === "shell_call" ? call.item.action.commands : []);
    expect(output).toMatchObject({
      type: "shell_call_output",
      call_id: "call_udkLUvR8lWvG8cDO2B6GNpvZ",
      max_output_length: 9907,
    });
    expect(output.output).toHaveLength(3);
    expect((output.output as unknown[])[2]).toEqual({
      stdout: "THIS WORKS!\n",
      stderr: "",
      outcome: { type: "exit", exit_code: 0 },
    });
  });

  it("defineLocalShellTool answers a local_shell_call (argv, env, working directory) with a local_shell_call_output", async () => {
    const tool = defineLocalShellTool({
      type: "local_shell",
      run: () => ({ stdout: "notes.txt\n", exitCode: 0 }),
    });
    expect(toResponsesTools([tool])).toEqual([{ type: "local_shell" }]);
    const call = recordedCall("local-shell-call.json", "shell-call");
    expect(shellCommandsOf(call)).toEqual([
      { command: "ls", argv: ["ls"], env: {}, workingDirectory: "/root" },
    ]);
    expect(await tool.execute(call, context)).toEqual({
      type: "local_shell_call_output",
      call_id: "call_XWgeTylovOiS8xLNz2TONOgO",
      output: JSON.stringify({ stdout: "notes.txt\n", stderr: "", exit_code: 0 }),
    });
  });

  it("defineLocalShellTool reports a timed-out command with a timeout outcome", async () => {
    const tool = defineLocalShellTool({ run: () => ({ stdout: "", timedOut: true }) });
    const output = await tool.execute(recordedCall("shell-call-local.json", "shell-call"), context);
    expect((output.output as { outcome: unknown }[])[0]!.outcome).toEqual({ type: "timeout" });
  });

  it("defineToolSearch declares the deferred tools and a client tool_search exactly as the recorded request did", () => {
    const search = defineToolSearch({ tools: [getWeather, searchFiles] });
    expect(toResponsesTools([search])).toEqual(
      recordedJson("tool-search-client.1-search-call.json").tools,
    );
  });

  it("defineToolSearch answers a search with a tool_search_output holding the matching tools' definitions", async () => {
    const search = defineToolSearch({ tools: [getWeather, searchFiles] });
    const call = recordedCall("tool-search-client.1-search-call.json", "tool-search-call");
    const output = await search.execute(call, context);
    expect(output).toEqual({
      type: "tool_search_output",
      execution: "client",
      call_id: "call_AEvXZ1rvYpxHh8QZb7wGlTGH",
      status: "completed",
      tools: [toResponsesTools([search])[0]],
    });
    expect((output.tools as { defer_loading?: boolean }[])[0]!.defer_loading).toBe(true);
  });

  it("defineToolSearch passes the model's arguments to a custom search and refuses a tool it does not hold", async () => {
    const seen: unknown[] = [];
    const search = defineToolSearch({
      tools: [getWeather, searchFiles],
      search: (args) => {
        seen.push(args);
        return ["search_files"];
      },
    });
    const call = recordedCall("tool-search-client.1-search-call.json", "tool-search-call");
    const output = await search.execute(call, context);
    expect(seen).toEqual([{ goal: "Find a tool to get current weather for San Francisco" }]);
    expect((output.tools as { name: string }[]).map((t) => t.name)).toEqual(["search_files"]);
    const wrong = defineToolSearch({ tools: [getWeather], search: () => ["delete_everything"] });
    await expect(wrong.execute(call, context)).rejects.toThrow(/delete_everything.*get_weather/);
  });

  it("a client-run tool has no Chat Completions form: it is left out with a warning", () => {
    const { value, warnings } = toChatTools([defineApplyPatchTool({ apply: () => undefined })]);
    expect(value).toEqual([]);
    expect(warnings[0]).toMatch(/apply_patch.*Responses API/);
  });

  it.each([
    ["apply-patch-call.json", "apply-patch-call", { status: "failed", output: "No." }],
    [
      "shell-call-local.json",
      "shell-call",
      { output: [{ stdout: "", stderr: "No.", outcome: { type: "exit", exit_code: 1 } }] },
    ],
    [
      "local-shell-call.json",
      "shell-call",
      { output: JSON.stringify({ stdout: "", stderr: "No.", exit_code: 1 }) },
    ],
    ["tool-search-client.1-search-call.json", "tool-search-call", { tools: [] }],
  ] as const)(
    "%s: a refused %s is answered with an output that says why",
    (file, type, expected) => {
      const call = recordedCall(file, type);
      expect(failedClientRunOutput(call, "No.")).toMatchObject({
        call_id: call.item.call_id,
        ...expected,
      });
    },
  );

  it.each([
    ["shell-call-local.json", "shell-call", "shell_call_output"],
    ["local-shell-call.json", "shell-call", "local_shell_call_output"],
    ["tool-search-client.1-search-call.json", "tool-search-call", "tool_search_output"],
  ] as const)(
    "%s: the %s goes back followed by its %s in the next request's input",
    (file, type, outputType) => {
      const message = messageFromResponse(recordedJson(file)).value;
      const call = message.parts.find((p) => p.type === type) as ClientRunCallPart;
      const output = failedClientRunOutput(call, "No.");
      const answered = {
        ...message,
        parts: message.parts.map((p): Part => (p === call ? { ...call, output } : p)),
      };
      const items = toResponsesInput([answered]).value as { type: string }[];
      const at = items.findIndex((i) => i.type === call.item.type);
      expect(items[at + 1]).toEqual(output);
      expect(items[at + 1]!.type).toBe(outputType);
    },
  );
});
