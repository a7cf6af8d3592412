import { describe, expect, it, vi } from "vitest";
import { attachToolRunner } from "../../../src/core/chat/tool-runner.js";
import { messageText } from "../../../src/core/model/guards.js";
import { defineApplyPatchTool } from "../../../src/core/tools/define-apply-patch-tool.js";
import { defineLocalShellTool } from "../../../src/core/tools/define-local-shell-tool.js";
import { defineToolSearch } from "../../../src/core/tools/define-tool-search.js";
import { captureExchanges, capturesAvailable } from "../../support/captures.js";
import { storeOverRecordings, waitUntil } from "../chat/support/recorded-upstream.js";
import { getWeather, searchFiles } from "../tools/support/tool-search-tools.js";
import { documentedSetup } from "./support.js";

const setup = documentedSetup();

/**
 * Against the emulator these documented flows run up to the model's answer: each test proves
 * the documented request reaches the emulator intact and is answered with the part the
 * documentation shows (an apply_patch call, a shell call, a tool search that loads the deferred
 * function, speech). The flows to the output item being sent back run further down over the
 * recorded upstream.
 */
describe("documentation: tools the application runs, and audio (up to the emulator's answer)", () => {
  it("documented: apply patch, the apply_patch tool is sent as documented and answered with an apply_patch call", async () => {
    const client = setup.client({ model: "gpt-5.1" }).bindTools([{ type: "apply_patch" }]);
    const response = await client.invoke("Create a file hello.py that prints hello world");
    expect(setup.sent.at(-1)!.body.tools).toEqual([{ type: "apply_patch" }]);
    expect(response.parts.map((part) => part.type)).toEqual(["apply-patch-call"]);
  });

  it("documented: shell, the shell tool is sent as documented and answered with a shell call", async () => {
    const client = setup.client({ model: "gpt-5.1" }).bindTools([{ type: "shell" }]);
    const response = await client.invoke("List the files in the current directory");
    expect(setup.sent.at(-1)!.body.tools).toEqual([{ type: "shell" }]);
    expect(response.parts.map((part) => part.type)).toEqual(["shell-call"]);
  });

  it("documented: tool search, a deferred function tool with the tool_search tool is sent, searched, loaded and called", async () => {
    const client = setup.client({ model: "gpt-5.1" }).bindTools([
      {
        type: "function",
        name: "get_weather",
        description: "Get the current weather for a location.",
        parameters: {
          type: "object",
          properties: { location: { type: "string" } },
          required: ["location"],
        },
        strict: false,
        defer_loading: true,
      } as never,
      { type: "tool_search" } as never,
    ]);
    const response = await client.invoke("What's the weather in San Francisco?");
    const tools = setup.sent.at(-1)!.body.tools as Record<string, unknown>[];
    expect(tools.map((tool) => tool.type)).toEqual(["function", "tool_search"]);
    expect(tools[0]!.defer_loading).toBe(true);
    expect(response.status).toBe("complete");
    expect(response.parts.map((part) => part.type)).toEqual([
      "tool-search-call",
      "tool-search-output",
      "tool-call",
    ]);
  });

  it("documented: audio generation, modalities text+audio with voice alloy in wav are sent and answered with speech", async () => {
    const client = setup.client({
      api: "chat",
      model: "gpt-4o-audio-preview",
      temperature: 0,
      modalities: ["text", "audio"],
      audio: { voice: "alloy", format: "wav" },
    });
    const outputMessage = await client.invoke([
      ["human", "Are you made by OpenAI? Just answer yes or no"],
    ]);
    const body = setup.sent.at(-1)!.body;
    expect(body.modalities).toEqual(["text", "audio"]);
    expect(body.audio).toEqual({ voice: "alloy", format: "wav" });
    const audio = outputMessage.parts.find((part) => part.type === "audio");
    expect(audio).toMatchObject({ origin: "output", format: "wav" });
    expect(audio && "transcript" in audio ? audio.transcript : "").not.toBe("");
  });
});

/**
 * The same documented flows run to the end with the helpers the app uses to run these tools:
 * the call arrives, the helper runs (after approval where the tool asks for it), and the
 * output item is in the next request. The upstream replays the real recordings of each
 * flow (responses/apply-patch-*, shell-call-local.*, tool-search-client.*), so what is sent
 * back is checked against what OpenAI took.
 */
describe.runIf(capturesAvailable())(
  "documentation: tools the application runs, to the output sent back (recorded upstream)",
  () => {
    it("documented: apply patch, the apply_patch_call is applied and its apply_patch_call_output ('Created <path>') is sent back, then the model answers", async () => {
      const up = storeOverRecordings(
        [
          { file: "apply-patch-call.json" },
          { file: "apply-patch-update-file.session.json", index: 1 },
        ],
        false,
      );
      const files = new Map<string, string>();
      attachToolRunner(up.store, {
        tools: [
          defineApplyPatchTool({
            apply: (operation) => {
              if (operation.type !== "create_file")
                return { status: "failed", output: "Only new files." };
              files.set(operation.path, operation.diff.replace(/^\+/gm, ""));
              return `Created ${operation.path}`;
            },
          }),
        ],
      });
      await up.store.send("Create a shopping checklist in shopping-checklist.md");
      await waitUntil(() => up.requests.length === 2 && up.store.getSnapshot().status === "ready");
      expect(up.requests[0]!.body!.tools).toEqual([{ type: "apply_patch" }]);
      expect(files.get("shopping-checklist.md")).toContain("- [ ] Milk");
      const input = up.inputOf(1);
      const at = input.findIndex((i) => i.type === "apply_patch_call");
      expect(input[at + 1]).toEqual({
        type: "apply_patch_call_output",
        call_id: "call_CdXiGtcRl49Q6Ek20tG9lYOr",
        status: "completed",
        output: "Created shopping-checklist.md",
      });
      expect(messageText(up.store.getSnapshot().messages.at(-1)!)).not.toBe("");
    });

    it("documented: apply patch (update_file), the output sent back is the recorded apply_patch_call_output", async () => {
      const recorded = captureExchanges("responses", "apply-patch-update-file.session.json");
      const up = storeOverRecordings(
        [0, 1].map((index) => ({ file: "apply-patch-update-file.session.json", index })),
        false,
      );
      attachToolRunner(up.store, { tools: [defineApplyPatchTool({ apply: () => undefined })] });
      await up.store.send("Rename fib() to fibonacci() in lib/fib.py only.");
      await waitUntil(() => up.requests.length === 2 && up.store.getSnapshot().status === "ready");
      const recordedOutput = (recorded[1]!.request as { input: unknown[] }).input[0];
      expect(up.inputOf(1).find((i) => i.type === "apply_patch_call_output")).toEqual(
        recordedOutput,
      );
    });

    it("documented: shell, the shell_call waits for approval, runs once approved, and its shell_call_output is sent back", async () => {
      const up = storeOverRecordings(
        [0, 1].map((index) => ({ file: "shell-call-local.chunks.jsonl", index })),
        true,
      );
      const run = vi.fn(() => ({ stdout: ".\n..\ndec1.txt\n" }));
      attachToolRunner(up.store, { tools: [defineLocalShellTool({ run })] });
      await up.store.send("List the files on my Desktop");
      const call = () =>
        up.store
          .getSnapshot()
          .messages.flatMap((m) => m.parts)
          .find((p) => p.type === "shell-call");
      await waitUntil(
        () => (call() as { approval?: string } | undefined)?.approval === "requested",
      );
      expect(run).not.toHaveBeenCalled();
      up.store.respondToApproval({ id: "call_pbxjNs1tMJUahLZKAS9qLtvw", approve: true });
      await waitUntil(() => up.requests.length === 2 && up.store.getSnapshot().status === "ready");
      expect(run).toHaveBeenCalledWith(
        { command: "ls -a ~/Desktop", maxOutputLength: 8912 },
        expect.anything(),
      );
      expect(up.inputOf(1).find((i) => i.type === "shell_call_output")).toEqual({
        type: "shell_call_output",
        call_id: "call_pbxjNs1tMJUahLZKAS9qLtvw",
        output: [
          { stdout: ".\n..\ndec1.txt\n", stderr: "", outcome: { type: "exit", exit_code: 0 } },
        ],
        max_output_length: 8912,
      });
      expect(messageText(up.store.getSnapshot().messages.at(-1)!)).not.toBe("");
    });

    it("documented: client-executed tool search, the search returns get_weather in a tool_search_output, then get_weather runs and its output is sent back", async () => {
      const up = storeOverRecordings(
        [
          { file: "tool-search-client.1-search-call.chunks.jsonl" },
          { file: "tool-search-client.2-function-call.chunks.jsonl" },
          { file: "text-stream.session.json" },
        ],
        true,
      );
      attachToolRunner(up.store, {
        tools: [defineToolSearch({ tools: [getWeather, searchFiles] })],
      });
      await up.store.send("What's the weather in San Francisco?");
      await waitUntil(() => up.requests.length === 3 && up.store.getSnapshot().status === "ready");
      const recordedTools = (
        captureExchanges("responses", "tool-search-client.1-search-call.json")[0]!.json as {
          tools: unknown;
        }
      ).tools;
      expect(up.requests[0]!.body!.tools).toEqual(recordedTools);
      const searchOutput = up.inputOf(1).find((i) => i.type === "tool_search_output");
      expect(searchOutput).toMatchObject({
        execution: "client",
        call_id: "call_RWTIIVfxsJW9fecsg6fy23Dy",
        status: "completed",
        tools: [{ type: "function", name: "get_weather", defer_loading: true }],
      });
      expect(up.inputOf(2).find((i) => i.type === "function_call_output")).toEqual({
        type: "function_call_output",
        call_id: "call_Q7pq6EfVGRnauPLWSSYBGJ1l",
        output: "72 F and sunny in San Francisco, CA",
      });
    });
  },
);
