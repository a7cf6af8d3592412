import { describe, expect, it, vi } from "vitest";
import { attachToolRunner } from "../../../src/core/chat/tool-runner.js";
import type { ChatStore } from "../../../src/core/chat/chat-store.js";
import type { ShellCallPart } from "../../../src/core/model/builtin-tool-parts.js";
import { DENIED_CLIENT_RUN_OUTPUT } from "../../../src/core/tools/client-run-outputs.js";
import { UNANSWERED_TOOL_OUTPUT } from "../../../src/core/chat/tool-parts.js";
import { defineApplyPatchTool } from "../../../src/core/tools/define-apply-patch-tool.js";
import { defineLocalShellTool } from "../../../src/core/tools/define-local-shell-tool.js";
import { capturesAvailable } from "../../support/captures.js";
import { storeOverRecordings, waitUntil } from "./support/recorded-upstream.js";

const ready = (store: ChatStore) => store.getSnapshot().status === "ready";
const shellPart = (store: ChatStore) =>
  store
    .getSnapshot()
    .messages.flatMap((m) => m.parts)
    .find((p): p is ShellCallPart => p.type === "shell-call");
const SHELL_CALL_ID = "call_pbxjNs1tMJUahLZKAS9qLtvw";

describe.runIf(capturesAvailable())(
  "tool runner: built-in calls the app runs, over recordings",
  () => {
    it("a shell_call waits for approval by default: nothing runs and nothing is sent until a person approves", async () => {
      const up = storeOverRecordings(
        [
          { file: "shell-call-local.chunks.jsonl", index: 0 },
          { file: "shell-call-local.chunks.jsonl", index: 1 },
        ],
        true,
      );
      const run = vi.fn(() => ({ stdout: "ok\n" }));
      attachToolRunner(up.store, { tools: [defineLocalShellTool({ run })] });
      await up.store.send("List the files on my Desktop");
      await waitUntil(() => shellPart(up.store)?.approval === "requested", "the approval request");
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(run).not.toHaveBeenCalled();
      expect(up.requests).toHaveLength(1);
      expect(up.requests[0]!.body!.tools).toEqual([{ type: "shell" }]);

      up.store.respondToApproval({ id: SHELL_CALL_ID, approve: true });
      await waitUntil(() => up.requests.length === 2 && ready(up.store), "the follow-up");
      expect(run).toHaveBeenCalledTimes(1);
      const output = up.inputOf(1).find((i) => i.type === "shell_call_output");
      expect(output).toMatchObject({ call_id: SHELL_CALL_ID, max_output_length: 8912 });
      expect(output!.output).toEqual([
        { stdout: "ok\n", stderr: "", outcome: { type: "exit", exit_code: 0 } },
      ]);
      expect(shellPart(up.store)!.approval).toBe("approved");
    });

    it("a denied shell command never runs and goes back as a refusal output (exit code 1, the reason on stderr)", async () => {
      const up = storeOverRecordings(
        [
          { file: "shell-call-local.chunks.jsonl", index: 0 },
          { file: "shell-call-local.chunks.jsonl", index: 1 },
        ],
        true,
      );
      const run = vi.fn(() => ({ stdout: "" }));
      attachToolRunner(up.store, { tools: [defineLocalShellTool({ run })] });
      await up.store.send("List the files on my Desktop");
      await waitUntil(() => shellPart(up.store)?.approval === "requested", "the approval request");
      up.store.respondToApproval({ id: SHELL_CALL_ID, approve: false });
      await waitUntil(() => up.requests.length === 2 && ready(up.store), "the follow-up");
      expect(run).not.toHaveBeenCalled();
      expect(up.inputOf(1).find((i) => i.type === "shell_call_output")).toEqual({
        type: "shell_call_output",
        call_id: SHELL_CALL_ID,
        output: [
          { stdout: "", stderr: DENIED_CLIENT_RUN_OUTPUT, outcome: { type: "exit", exit_code: 1 } },
        ],
      });
      expect(shellPart(up.store)!.approval).toBe("denied");
    });

    it("a local_shell_call with needsApproval false runs at once and its local_shell_call_output follows the call", async () => {
      const up = storeOverRecordings(
        [
          { file: "local-shell-call.json" },
          { file: "apply-patch-update-file.session.json", index: 1 },
        ],
        false,
      );
      const run = vi.fn(() => ({ stdout: "notes.txt\n" }));
      attachToolRunner(up.store, {
        tools: [defineLocalShellTool({ type: "local_shell", run, needsApproval: false })],
      });
      await up.store.send("List my home directory");
      await waitUntil(() => up.requests.length === 2 && ready(up.store), "the follow-up");
      expect(up.requests[0]!.body!.tools).toEqual([{ type: "local_shell" }]);
      expect(run).toHaveBeenCalledWith(
        { command: "ls", argv: ["ls"], env: {}, workingDirectory: "/root" },
        expect.objectContaining({ toolCallId: "call_XWgeTylovOiS8xLNz2TONOgO" }),
      );
      const types = up.inputOf(1).map((i) => i.type);
      const at = types.indexOf("local_shell_call");
      expect(types[at + 1]).toBe("local_shell_call_output");
    });

    it("an apply that throws goes back as a failed apply_patch_call_output with the reason, and onToolError hears it", async () => {
      const up = storeOverRecordings(
        [
          { file: "apply-patch-update-file.session.json", index: 0 },
          { file: "apply-patch-update-file.session.json", index: 1 },
        ],
        false,
      );
      const errors: unknown[] = [];
      attachToolRunner(up.store, {
        tools: [
          defineApplyPatchTool({
            apply: () => {
              throw new Error("lib/fib.py is read-only");
            },
          }),
        ],
        onToolError: (error) => errors.push(error),
      });
      await up.store.send("Rename fib() to fibonacci() in lib/fib.py only.");
      await waitUntil(() => up.requests.length === 2 && ready(up.store), "the follow-up");
      expect(up.inputOf(1).find((i) => i.type === "apply_patch_call_output")).toEqual({
        type: "apply_patch_call_output",
        call_id: "call_3FXfANpBhqAPgnLge5QeURxA",
        status: "failed",
        output: "The apply_patch call failed: lib/fib.py is read-only",
      });
      expect(errors).toHaveLength(1);
    });

    it("an apply_patch call with needsApproval waits; after approval it runs once, even when the runner is attached again", async () => {
      const up = storeOverRecordings(
        [
          { file: "apply-patch-update-file.session.json", index: 0 },
          { file: "apply-patch-update-file.session.json", index: 1 },
        ],
        false,
      );
      const apply = vi.fn(() => undefined);
      const tool = defineApplyPatchTool({
        apply,
        needsApproval: (op) => op.type !== "create_file",
      });
      const first = attachToolRunner(up.store, { tools: [tool] });
      await up.store.send("Rename fib() to fibonacci() in lib/fib.py only.");
      const part = () =>
        up.store
          .getSnapshot()
          .messages.flatMap((m) => m.parts)
          .find((p) => p.type === "apply-patch-call");
      await waitUntil(() => (part() as { approval?: string })?.approval === "requested");
      first.detach();
      attachToolRunner(up.store, { tools: [tool] });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(apply).not.toHaveBeenCalled();
      up.store.respondToApproval({ id: "call_3FXfANpBhqAPgnLge5QeURxA", approve: true });
      await waitUntil(() => up.requests.length === 2 && ready(up.store), "the follow-up");
      expect(apply).toHaveBeenCalledTimes(1);
    });

    it("a new message while a shell call still waits for approval closes the call with an output, so the request is not refused", async () => {
      const up = storeOverRecordings(
        [
          { file: "shell-call-local.chunks.jsonl", index: 0 },
          { file: "shell-call-local.chunks.jsonl", index: 1 },
        ],
        true,
      );
      const run = vi.fn(() => ({ stdout: "" }));
      attachToolRunner(up.store, { tools: [defineLocalShellTool({ run })] });
      await up.store.send("List the files on my Desktop");
      await waitUntil(() => shellPart(up.store)?.approval === "requested", "the approval request");
      await up.store.send("Never mind, do not run anything.");
      await waitUntil(() => up.requests.length === 2 && ready(up.store), "the next turn");
      expect(run).not.toHaveBeenCalled();
      const types = up.inputOf(1).map((i) => i.type);
      expect(types.indexOf("shell_call_output")).toBe(types.indexOf("shell_call") + 1);
      expect(up.inputOf(1).find((i) => i.type === "shell_call_output")!.output).toEqual([
        { stdout: "", stderr: UNANSWERED_TOOL_OUTPUT, outcome: { type: "exit", exit_code: 1 } },
      ]);
    });
  },
);
